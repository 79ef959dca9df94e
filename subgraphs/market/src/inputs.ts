// The API's inputs read into validated values: offer terms by the domain's rules, text
// trimmed and required where the data needs it. Each refusal names the input field at fault.
import { badUserInput } from "@marquee/kit";
import type { OfferTermsInput } from "./__generated__/resolvers-types.ts";
import { parseOfferTerms, type OfferTerms } from "./domain/index.ts";

const maxTextLength = 2000;

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

export function requiredText(value: string, field: string): string {
  const text = value.trim();
  if (text === "") throw badUserInput(`${field} cannot be empty.`, { field });
  if (text.length > maxTextLength) throw badUserInput(`${field} can be at most ${maxTextLength} characters.`, { field });
  return text;
}

/** Text that may be left out; blank counts as left out. */
export function optionalText(value: string | null | undefined, field: string): string | null {
  return value == null || value.trim() === "" ? null : requiredText(value, field);
}
