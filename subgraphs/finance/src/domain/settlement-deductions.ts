// The ticket fees and taxes a settlement takes off gross before anyone is paid. Promoters
// enter them as flat amounts, per paid ticket, as a percentage of the gross, or as a tax rate
// (included in the ticket price, like VAT, or charged on top of the takings, like a city's
// amusement tax). They apply in the order entered, and a rate is taken of the gross less
// every deduction above it, so that VAT entered after the ticketing fees is not charged on
// the fees.
import { Decimal } from "decimal.js";
import { formatMoney } from "@marquee/kit";
import { CurrencyMismatchError, InvalidSettlementInputError } from "./errors.ts";
import { assertCurrency, isNegative, roundToMinorUnits, subtractMoney, zeroMoney, type Money } from "./money.ts";

export const DEDUCTION_BASES = ["FLAT", "PER_TICKET", "PERCENTAGE_OF_GROSS", "TAX_INCLUDED_IN_PRICE", "TAX_ADDED_TO_PRICE"] as const;

export type DeductionBasis = (typeof DEDUCTION_BASES)[number];

/** The bases worked out as a rate of the gross less the deductions above. */
export type RateBasis = Exclude<DeductionBasis, "FLAT" | "PER_TICKET">;

/** A ticket fee or tax as entered: its basis and exactly the one term that basis is worked out from. */
export type Deduction =
  | { readonly label: string; readonly basis: "FLAT"; readonly amount: Money }
  | { readonly label: string; readonly basis: "PER_TICKET"; readonly perTicket: Money }
  | { readonly label: string; readonly basis: RateBasis; readonly rate: Decimal };

/** What a deduction came to on the sheet. */
export interface DeductionFigures {
  /** What a rate was taken of (the gross less the deductions above it, zero when they pass it); null for FLAT and PER_TICKET. */
  readonly base: Money | null;
  /** The deduction, rounded half up to the currency's minor units. */
  readonly amount: Money;
  /** The sheet's line: the label as entered, with what it was worked out from, e.g. "VAT (7% included in EUR 12799.15)". */
  readonly line: string;
}

/** The most a rate may be, in percent. */
const maxRate = new Decimal(100);

/** Whether the deduction is worked out from the event's paid tickets. */
export function deductionNeedsTicketCount(deduction: Deduction): boolean {
  return deduction.basis === "PER_TICKET";
}

/**
 * Checks a deduction when it is written: its amounts in the settlement's currency, a flat
 * amount zero or more, a per-ticket amount above zero, a rate above 0 and at most 100 with
 * at most 2 decimals (the column keeps two).
 */
export function assertDeduction(deduction: Deduction, currency: string): void {
  const item = `Deduction "${deduction.label}"`;
  switch (deduction.basis) {
    case "FLAT":
      assertCurrency(deduction.amount, currency, item);
      if (isNegative(deduction.amount)) throw new InvalidSettlementInputError(item, "cannot be negative");
      return;
    case "PER_TICKET":
      if (deduction.perTicket.currency !== currency) throw new CurrencyMismatchError(currency, deduction.perTicket.currency, item);
      if (!deduction.perTicket.amount.greaterThan(0)) throw new InvalidSettlementInputError(item, "must take more than zero per paid ticket");
      return;
    default:
      if (!deduction.rate.greaterThan(0) || deduction.rate.greaterThan(maxRate) || deduction.rate.decimalPlaces() > 2) {
        throw new InvalidSettlementInputError(item, `must have a rate above 0 and at most 100, with at most 2 decimals (got ${deduction.rate.toString()})`);
      }
  }
}

/**
 * Works the deductions out in the order entered. A FLAT deduction is its amount; a
 * PER_TICKET one the amount × the paid tickets; the others are taken of the gross less the
 * deductions above (a base below zero counts as zero: a rate of nothing is nothing):
 * PERCENTAGE_OF_GROSS and TAX_ADDED_TO_PRICE base × rate / 100, TAX_INCLUDED_IN_PRICE the
 * tax inside a price that includes it, base × rate / (100 + rate). Each is rounded half up
 * to minor units as it is produced, and the next base derives from the rounded amounts, as
 * the sheet prints them.
 */
export function computeDeductions(gross: Money, deductions: readonly Deduction[], ticketsSold: number | null): DeductionFigures[] {
  const { currency } = gross;
  const describe = (money: Money) => `${currency} ${formatMoney(money)}`;
  let remaining = gross;
  return deductions.map((deduction) => {
    const figures = workedOut(deduction);
    remaining = subtractMoney(remaining, figures.amount);
    return figures;
  });

  function workedOut(deduction: Deduction): DeductionFigures {
    switch (deduction.basis) {
      case "FLAT":
        return { base: null, amount: roundToMinorUnits(deduction.amount), line: deduction.label };
      case "PER_TICKET": {
        // Base counts the paid tickets; a deduction per ticket is never worked out on a guess.
        if (ticketsSold === null) throw new Error(`Deduction "${deduction.label}" is per paid ticket but no ticket count was given.`);
        const amount = roundToMinorUnits({ amount: deduction.perTicket.amount.mul(ticketsSold), currency });
        return { base: null, amount, line: `${deduction.label} (${describe(deduction.perTicket)} × ${ticketsSold} paid tickets)` };
      }
      default: {
        const base = isNegative(remaining) ? zeroMoney(currency) : roundToMinorUnits(remaining);
        const rate = deduction.rate;
        const share = deduction.basis === "TAX_INCLUDED_IN_PRICE" ? base.amount.mul(rate).div(rate.add(100)) : base.amount.mul(rate).div(100);
        const wording = { PERCENTAGE_OF_GROSS: "of", TAX_INCLUDED_IN_PRICE: "included in", TAX_ADDED_TO_PRICE: "on" }[deduction.basis];
        return { base, amount: roundToMinorUnits({ amount: share, currency }), line: `${deduction.label} (${rate.toString()}% ${wording} ${describe(base)})` };
      }
    }
  }
}
