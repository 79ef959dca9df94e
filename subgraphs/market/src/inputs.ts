// The API's inputs read into validated values: offer terms by the domain's rules, text
// trimmed and required where the data needs it. Each refusal names the input field at fault.
import { textInputs } from "@marquee/kit";
import type { OfferTermsInput } from "./__generated__/resolvers-types.ts";
import { parseOfferTerms, type OfferTerms } from "./domain/index.ts";

export const { requiredText, optionalText } = textInputs(2000);

export function offerTerms(input: OfferTermsInput): OfferTerms {
  return parseOfferTerms({
    dealType: input.dealType,
    currency: input.currency,
    guarantee: input.guarantee,
    percentage: input.percentage,
    splitPoint: input.splitPoint,
    ticketBonuses: input.ticketBonuses,
    offerExpiresAt: input.offerExpiresAt == null ? null : new Date(input.offerExpiresAt),
    radiusClause: input.radiusClause,
  });
}
