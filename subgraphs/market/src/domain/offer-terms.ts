// The terms of an offer, checked before they are kept. Which terms each deal type needs is
// the same rule Finance applies to a settlement's deal (the deal-type vocabulary is shared
// across modules); Market checks the offer's own extras besides: ticket-count bonuses,
// the offer's expiry and the radius clause.
import { Decimal } from "decimal.js";
import { badUserInput, minorUnitsOf, type Money } from "@marquee/kit";

export const DEAL_TYPES = ["FLAT_GUARANTEE", "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", "DOOR_DEAL"] as const;
export type DealType = (typeof DEAL_TYPES)[number];

export type { Money };

/** An amount as written: a plain decimal string and an ISO 4217 code. */
export interface MoneyInput {
  readonly amount: string;
  readonly currency: string;
}

export interface TicketBonus {
  readonly ticketsSold: number;
  readonly bonus: Money;
}

export interface RadiusClause {
  readonly kilometres: number;
  readonly daysBefore: number;
  readonly daysAfter: number;
}

/** Terms that passed `parseOfferTerms`: each deal type carries exactly the money it is computed from. */
export interface OfferTerms {
  readonly currency: string;
  readonly dealType: DealType;
  readonly guarantee: Money | null;
  /** In percent: 85 means 85%. */
  readonly percentage: Decimal | null;
  readonly splitPoint: Money | null;
  /** Thresholds strictly rising. */
  readonly ticketBonuses: readonly TicketBonus[];
  readonly offerExpiresAt: Date | null;
  readonly radiusClause: RadiusClause | null;
}

export interface OfferTermsInput {
  readonly dealType: DealType;
  readonly currency: string;
  readonly guarantee?: MoneyInput | null;
  readonly percentage?: string | null;
  readonly splitPoint?: MoneyInput | null;
  readonly ticketBonuses?: readonly { ticketsSold: number; bonus: MoneyInput }[] | null;
  readonly offerExpiresAt?: Date | null;
  readonly radiusClause?: RadiusClause | null;
}

type MoneyField = "guarantee" | "splitPoint";

/** Which money terms each deal type is computed from; the percentage is every type's but FLAT_GUARANTEE's. */
const moneyTermsOf: Record<DealType, readonly MoneyField[]> = {
  FLAT_GUARANTEE: ["guarantee"],
  GUARANTEE_VERSUS_PERCENTAGE_OF_NET: ["guarantee"],
  GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT: ["guarantee", "splitPoint"],
  DOOR_DEAL: [],
};

const plainDecimal = /^\d+(?:\.\d+)?$/;
const percentageString = /^\d+(?:\.\d{1,2})?$/;
/** numeric(19,4) keeps 15 digits before the point. */
const maxIntegerDigits = 15;
const maxBonuses = 20;
/** No event sells more tickets: Base bounds an event's capacity at 1,000,000. */
const maxBonusThreshold = 1_000_000;
const maxRadiusKm = 20_000;
const maxRadiusDays = 365;

const invalid = (field: string, message: string) => badUserInput(message, { reason: "INVALID_OFFER_TERMS", field });

export function parseOfferTerms(input: OfferTermsInput): OfferTerms {
  const { currency, dealType } = input;
  if (minorUnitsOf(currency) === undefined) throw invalid("currency", `"${currency}" is not a supported ISO 4217 currency code.`);

  const moneyTerm = (field: MoneyField) => {
    const value = input[field];
    const used = moneyTermsOf[dealType].includes(field);
    if (!used && value != null) throw invalid(field, `A ${dealType} deal does not take a ${field}.`);
    if (used && value == null) throw invalid(field, `A ${dealType} deal requires a ${field}.`);
    return value == null ? null : amountIn(currency, value, field, { positive: false });
  };

  const usesPercentage = dealType !== "FLAT_GUARANTEE";
  if (!usesPercentage && input.percentage != null) throw invalid("percentage", `A ${dealType} deal does not take a percentage.`);
  if (usesPercentage && input.percentage == null) throw invalid("percentage", `A ${dealType} deal requires a percentage.`);

  return {
    currency,
    dealType,
    guarantee: moneyTerm("guarantee"),
    percentage: input.percentage == null ? null : validPercentage(input.percentage),
    splitPoint: moneyTerm("splitPoint"),
    ticketBonuses: validBonuses(currency, input.ticketBonuses ?? []),
    offerExpiresAt: input.offerExpiresAt ?? null,
    radiusClause: input.radiusClause == null ? null : validRadiusClause(input.radiusClause),
  };
}

/** An offer can only be put on the table while it has not lapsed. */
export function assertOfferStillOpen(terms: OfferTerms, now: Date): void {
  if (terms.offerExpiresAt !== null && terms.offerExpiresAt.getTime() <= now.getTime()) {
    throw invalid("offerExpiresAt", `The offer would expire at ${terms.offerExpiresAt.toISOString()}, which is not after now (${now.toISOString()}).`);
  }
}

function amountIn(currency: string, input: MoneyInput, field: string, { positive }: { positive: boolean }): Money {
  if (input.currency !== currency) throw invalid(field, `The ${field} is in ${input.currency} but the terms are in ${currency}.`);
  if (!plainDecimal.test(input.amount)) {
    throw invalid(field, `The ${field} "${input.amount}" must be a plain decimal number of zero or more, e.g. "1200.50".`);
  }
  const amount = new Decimal(input.amount);
  const minorUnits = minorUnitsOf(currency) ?? 0;
  if (amount.decimalPlaces() > minorUnits) throw invalid(field, `The ${field} "${input.amount}" has more decimals than ${currency}'s ${minorUnits}.`);
  if (amount.truncated().toFixed().length > maxIntegerDigits) throw invalid(field, `The ${field} "${input.amount}" is too large.`);
  if (positive && amount.isZero()) throw invalid(field, `The ${field} must be more than zero.`);
  return { amount, currency };
}

function validPercentage(written: string): Decimal {
  if (!percentageString.test(written)) {
    throw invalid("percentage", `The percentage "${written}" must be a decimal number of percent with at most 2 decimals, e.g. "85" or "82.5".`);
  }
  const percentage = new Decimal(written);
  if (percentage.isZero() || percentage.greaterThan(100)) throw invalid("percentage", `The percentage must be above 0 and at most 100, got ${written}.`);
  return percentage;
}

function validBonuses(currency: string, bonuses: readonly { ticketsSold: number; bonus: MoneyInput }[]): TicketBonus[] {
  if (bonuses.length > maxBonuses) throw invalid("ticketBonuses", `The terms take at most ${maxBonuses} ticket bonuses.`);
  return bonuses.map(({ ticketsSold, bonus }, index) => {
    const field = `ticketBonuses[${index}]`;
    if (!Number.isInteger(ticketsSold) || ticketsSold < 1 || ticketsSold > maxBonusThreshold) {
      throw invalid(field, `${field}.ticketsSold must be a whole number from 1 to ${maxBonusThreshold} (got ${ticketsSold}).`);
    }
    const previous = bonuses[index - 1];
    if (previous && ticketsSold <= previous.ticketsSold) {
      throw invalid(field, `${field}.ticketsSold (${ticketsSold}) must be higher than the bonus before it (${previous.ticketsSold}).`);
    }
    return { ticketsSold, bonus: amountIn(currency, bonus, `${field}.bonus`, { positive: true }) };
  });
}

function validRadiusClause(clause: RadiusClause): RadiusClause {
  const inRange = (value: number, low: number, high: number) => Number.isInteger(value) && value >= low && value <= high;
  if (!inRange(clause.kilometres, 1, maxRadiusKm)) throw invalid("radiusClause.kilometres", `The radius must be 1 to ${maxRadiusKm} km (got ${clause.kilometres}).`);
  for (const side of ["daysBefore", "daysAfter"] as const) {
    if (!inRange(clause[side], 0, maxRadiusDays)) throw invalid(`radiusClause.${side}`, `radiusClause.${side} must be 0 to ${maxRadiusDays} (got ${clause[side]}).`);
  }
  return { kilometres: clause.kilometres, daysBefore: clause.daysBefore, daysAfter: clause.daysAfter };
}
