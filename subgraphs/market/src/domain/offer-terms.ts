// The terms of an offer, checked before they are kept. The deal itself (its type, the
// terms that type takes, ticket bonuses) is the kit's shared vocabulary (docs/deals.md),
// checked by the kit's `parseDealTerms` exactly as Finance checks a settlement's deal;
// Market adds what is an offer's own: when it lapses, and the radius clause.
import { badUserInput, parseDealTerms, type DealTerms, type DealTermsInput } from "@marquee/kit";

export interface RadiusClause {
  readonly kilometres: number;
  readonly daysBefore: number;
  readonly daysAfter: number;
}

/** Terms that passed `parseOfferTerms`. */
export interface OfferTerms {
  readonly deal: DealTerms;
  readonly offerExpiresAt: Date | null;
  readonly radiusClause: RadiusClause | null;
}

export interface OfferTermsInput extends DealTermsInput {
  /** The currency of every amount of the deal. */
  readonly currency: string;
  readonly offerExpiresAt?: Date | null;
  readonly radiusClause?: RadiusClause | null;
}

const maxRadiusKm = 20_000;
const maxRadiusDays = 365;

const invalid = (field: string, message: string) => badUserInput(message, { reason: "INVALID_OFFER_TERMS", field });

/** The terms, or BAD_USER_INPUT naming the field at fault (INVALID_DEAL_TERMS for the deal, INVALID_OFFER_TERMS for the rest). */
export function parseOfferTerms({ currency, offerExpiresAt, radiusClause, ...deal }: OfferTermsInput): OfferTerms {
  return {
    deal: parseDealTerms(deal, currency),
    offerExpiresAt: offerExpiresAt ?? null,
    radiusClause: radiusClause == null ? null : validRadiusClause(radiusClause),
  };
}

/** An offer can only be put on the table while it has not lapsed. */
export function assertOfferStillOpen(terms: OfferTerms, now: Date): void {
  if (terms.offerExpiresAt !== null && terms.offerExpiresAt.getTime() <= now.getTime()) {
    throw invalid("offerExpiresAt", `The offer would expire at ${terms.offerExpiresAt.toISOString()}, which is not after now (${now.toISOString()}).`);
  }
}

function validRadiusClause(clause: RadiusClause): RadiusClause {
  const inRange = (value: number, low: number, high: number) => Number.isInteger(value) && value >= low && value <= high;
  if (!inRange(clause.kilometres, 1, maxRadiusKm)) throw invalid("radiusClause.kilometres", `The radius must be 1 to ${maxRadiusKm} km (got ${clause.kilometres}).`);
  for (const side of ["daysBefore", "daysAfter"] as const) {
    if (!inRange(clause[side], 0, maxRadiusDays)) throw invalid(`radiusClause.${side}`, `radiusClause.${side} must be 0 to ${maxRadiusDays} (got ${clause[side]}).`);
  }
  return { kilometres: clause.kilometres, daysBefore: clause.daysBefore, daysAfter: clause.daysAfter };
}
