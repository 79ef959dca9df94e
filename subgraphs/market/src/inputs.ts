// The API's inputs read into validated values: offer terms by the domain's rules (their deal
// by the kit's), text trimmed and required where the data needs it. Each refusal names the
// input field at fault.
import { textInputs } from "@marquee/kit";
import type { OfferTermsInput } from "./__generated__/resolvers-types.ts";
import { parseOfferTerms, type OfferTerms } from "./domain/index.ts";

export const { requiredText, optionalText } = textInputs(2000);

export function offerTerms({ offerExpiresAt, ...terms }: OfferTermsInput): OfferTerms {
  return parseOfferTerms({ ...terms, offerExpiresAt: offerExpiresAt == null ? null : new Date(offerExpiresAt) });
}
