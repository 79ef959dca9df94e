import { Decimal } from "decimal.js";
import { CurrencyMismatchError, InvalidDealTermsError } from "./errors.ts";
import { assertCurrency, isNegative, type Money } from "./money.ts";

/** How a promoter pays an artist, in the vocabulary of Prism.fm and Master Tour. */
export const DEAL_TYPES = [
  "FLAT_GUARANTEE",
  "GUARANTEE_VERSUS_PERCENTAGE_OF_NET",
  "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT",
  "DOOR_DEAL",
] as const;

export type DealType = (typeof DEAL_TYPES)[number];

/** The artist gets the guarantee, whatever the show earns. */
export interface FlatGuaranteeTerms {
  readonly type: "FLAT_GUARANTEE";
  readonly guarantee: Money;
}

/** The artist gets the larger of the guarantee and `percentage` of net; a loss counts as zero net. */
export interface GuaranteeVersusPercentageOfNetTerms {
  readonly type: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET";
  readonly guarantee: Money;
  /** In percent: 80 means 80%. */
  readonly percentage: Decimal;
}

/**
 * The artist gets the guarantee plus `percentage` of whatever net exceeds the split point.
 *
 * The split point is a threshold on net revenue: the amount net must reach before
 * the artist shares in it. Promoters set it to the show's costs still to be covered
 * out of net (chiefly the guarantee itself, since expenses are already deducted
 * from net) plus the promoter's agreed profit, so the artist's bonus only starts
 * once the promoter is whole.
 */
export interface GuaranteePlusPercentageAboveSplitTerms {
  readonly type: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT";
  readonly guarantee: Money;
  /** In percent: 85 means 85%. */
  readonly percentage: Decimal;
  readonly splitPoint: Money;
}

/** The artist gets `percentage` of adjusted gross, with no guarantee. */
export interface DoorDealTerms {
  readonly type: "DOOR_DEAL";
  /** In percent: 70 means 70%. */
  readonly percentage: Decimal;
}

/** Terms that passed `parseDealTerms`; the payout calculation relies on their invariants. */
export type DealTerms =
  | FlatGuaranteeTerms
  | GuaranteeVersusPercentageOfNetTerms
  | GuaranteePlusPercentageAboveSplitTerms
  | DoorDealTerms;

/** Deal terms as a user submits them: any field may be missing; `parseDealTerms` decides. */
export interface DealTermsInput {
  readonly type: DealType;
  readonly guarantee?: Money | null;
  /** A decimal string in percent with at most 2 decimals, e.g. "85" or "82.5". */
  readonly percentage?: string | null;
  readonly splitPoint?: Money | null;
}

type DealTermsField = "guarantee" | "percentage" | "splitPoint";

const PERCENTAGE_STRING = /^\d+(?:\.\d{1,2})?$/;

/**
 * Checks which fields the deal type requires and forbids, and their ranges:
 * guarantee >= 0, 0 < percentage <= 100, split point >= 0, all money in one currency.
 */
export function parseDealTerms(input: DealTermsInput): DealTerms {
  switch (input.type) {
    case "FLAT_GUARANTEE":
      forbid(input, "percentage");
      forbid(input, "splitPoint");
      return { type: input.type, guarantee: validGuarantee(input) };
    case "GUARANTEE_VERSUS_PERCENTAGE_OF_NET":
      forbid(input, "splitPoint");
      return { type: input.type, guarantee: validGuarantee(input), percentage: validPercentage(input) };
    case "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT": {
      const guarantee = validGuarantee(input);
      const splitPoint = validSplitPoint(input);
      if (splitPoint.currency !== guarantee.currency) {
        throw new CurrencyMismatchError(guarantee.currency, splitPoint.currency, "The split point");
      }
      return { type: input.type, guarantee, percentage: validPercentage(input), splitPoint };
    }
    case "DOOR_DEAL":
      forbid(input, "guarantee");
      forbid(input, "splitPoint");
      return { type: input.type, percentage: validPercentage(input) };
  }
}

/** Throws unless every amount in the terms is in `currency`, naming the offending term. */
export function assertDealTermsCurrency(terms: DealTerms, currency: string): void {
  if ("guarantee" in terms) {
    assertCurrency(terms.guarantee, currency, "The deal's guarantee");
  }
  if ("splitPoint" in terms) {
    assertCurrency(terms.splitPoint, currency, "The deal's split point");
  }
}

function forbid(input: DealTermsInput, field: DealTermsField): void {
  if (input[field] != null) {
    throw new InvalidDealTermsError(field, `A ${input.type} deal does not take a ${field}`);
  }
}

function required<Value>(input: DealTermsInput, field: DealTermsField, value: Value | null | undefined): Value {
  if (value == null) {
    throw new InvalidDealTermsError(field, `A ${input.type} deal requires a ${field}`);
  }
  return value;
}

function validGuarantee(input: DealTermsInput): Money {
  const guarantee = required(input, "guarantee", input.guarantee);
  if (isNegative(guarantee)) {
    throw new InvalidDealTermsError("guarantee", "The guarantee cannot be negative");
  }
  return guarantee;
}

function validSplitPoint(input: DealTermsInput): Money {
  const splitPoint = required(input, "splitPoint", input.splitPoint);
  if (isNegative(splitPoint)) {
    throw new InvalidDealTermsError("splitPoint", "The split point cannot be negative");
  }
  return splitPoint;
}

function validPercentage(input: DealTermsInput): Decimal {
  const written = required(input, "percentage", input.percentage);
  if (!PERCENTAGE_STRING.test(written)) {
    throw new InvalidDealTermsError(
      "percentage",
      `The percentage "${written}" must be a decimal number of percent with at most 2 decimals, e.g. "85" or "82.5"`,
    );
  }
  const percentage = new Decimal(written);
  if (percentage.isZero() || percentage.greaterThan(100)) {
    throw new InvalidDealTermsError("percentage", `The percentage must be above 0 and at most 100, got ${written}`);
  }
  return percentage;
}
