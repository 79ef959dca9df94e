// The terms of an offer, checked before they are kept. The deal itself (its type, the
// terms that type takes, ticket bonuses) is the kit's shared vocabulary (docs/deals.md),
// checked by the kit's `parseDealTerms` exactly as Finance checks a settlement's deal;
// Market adds what is an offer's own: when it lapses, the radius clause, and the
// promoter's estimate of the show's expenses the offer is priced from.
import { Decimal } from "decimal.js";
import { minorUnitsOf, parseDealTerms, RuleViolation, type DealMoneyInput, type DealTerms, type DealTermsInput, type Money } from "@marquee/kit";

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
  /**
   * The promoter's budget for the show's costs, in the deal's currency, zero or more: what
   * the offer's break-even and walkout potential are worked from (offer-pricing.ts). Not a
   * term of the deal: a settlement counts the show's actual expenses.
   */
  readonly estimatedExpenses: Money | null;
}

export interface OfferTermsInput extends DealTermsInput {
  /** The currency of every amount of the deal. */
  readonly currency: string;
  readonly offerExpiresAt?: Date | null;
  readonly radiusClause?: RadiusClause | null;
  readonly estimatedExpenses?: DealMoneyInput | null;
}

const maxRadiusKm = 20_000;
const maxRadiusDays = 365;
const plainDecimal = /^\d+(?:\.\d+)?$/;
/** numeric(19,4), the column's type, keeps 15 digits before the point. */
const maxIntegerDigits = 15;

const invalid = (field: string, message: string) => new RuleViolation("INVALID_OFFER_TERMS", message, { field });

/** The terms, or a rule violation naming the field at fault (INVALID_DEAL_TERMS for the deal, INVALID_OFFER_TERMS for the rest). */
export function parseOfferTerms({ currency, offerExpiresAt, radiusClause, estimatedExpenses, ...deal }: OfferTermsInput): OfferTerms {
  const dealTerms = parseDealTerms(deal, currency);
  return {
    deal: dealTerms,
    offerExpiresAt: offerExpiresAt ?? null,
    radiusClause: radiusClause == null ? null : validRadiusClause(radiusClause),
    estimatedExpenses: estimatedExpenses == null ? null : validEstimatedExpenses(estimatedExpenses, dealTerms.currency),
  };
}

/** An offer can only be put on the table while it has not lapsed. */
export function assertOfferStillOpen(terms: OfferTerms, now: Date): void {
  if (terms.offerExpiresAt !== null && terms.offerExpiresAt.getTime() <= now.getTime()) {
    throw invalid("offerExpiresAt", `The offer would expire at ${terms.offerExpiresAt.toISOString()}, which is not after now (${now.toISOString()}).`);
  }
}

/** An amount payable as written, by the rules the kit applies to the deal's own amounts. */
function validEstimatedExpenses(input: DealMoneyInput, currency: string): Money {
  const field = "estimatedExpenses";
  if (input.currency !== currency) throw invalid(field, `The estimated expenses are in ${input.currency} but the terms are in ${currency}.`);
  if (!plainDecimal.test(input.amount)) throw invalid(field, `The estimated expenses "${input.amount}" must be a plain decimal number of zero or more, e.g. "14000.50".`);
  const amount = new Decimal(input.amount);
  const minorUnits = minorUnitsOf(currency) ?? 0;
  if (amount.decimalPlaces() > minorUnits) throw invalid(field, `The estimated expenses "${input.amount}" have more decimals than ${currency}'s ${minorUnits}.`);
  if (amount.truncated().toFixed().length > maxIntegerDigits) throw invalid(field, `The estimated expenses "${input.amount}" are too large.`);
  return { amount, currency };
}

function validRadiusClause(clause: RadiusClause): RadiusClause {
  const inRange = (value: number, low: number, high: number) => Number.isInteger(value) && value >= low && value <= high;
  if (!inRange(clause.kilometres, 1, maxRadiusKm)) throw invalid("radiusClause.kilometres", `The radius must be 1 to ${maxRadiusKm} km (got ${clause.kilometres}).`);
  for (const side of ["daysBefore", "daysAfter"] as const) {
    if (!inRange(clause[side], 0, maxRadiusDays)) throw invalid(`radiusClause.${side}`, `radiusClause.${side} must be 0 to ${maxRadiusDays} (got ${clause[side]}).`);
  }
  return { kilometres: clause.kilometres, daysBefore: clause.daysBefore, daysAfter: clause.daysAfter };
}
