import type { DealTerms } from "@marquee/kit";
import { CurrencyMismatchError, InvalidSettlementInputError } from "./errors.ts";
import { assertCurrency, assertSupportedCurrency, isNegative } from "./money.ts";
import type { BilledAct, Deduction } from "./settlement-waterfall.ts";

/** The most acts one show's bill lists. */
export const MAX_ACTS_ON_BILL = 20;

/** What a settlement is agreed on before its figures are known: the currency, the bill with each act's deal, and the deductions. */
export interface SettlementTerms {
  readonly currency: string;
  /** Billing order: the headliner first. */
  readonly bill: readonly BilledAct[];
  readonly deductions: readonly Deduction[];
}

/**
 * Checks the terms when they are written rather than when the sheet is computed, so that
 * a draft never holds terms its waterfall would refuse: every amount is in the
 * settlement's currency, and no deduction is negative.
 */
export function assertSettlementTerms(terms: SettlementTerms): void {
  assertSupportedCurrency(terms.currency);
  assertBill(terms.bill, terms.currency);
  for (const deduction of terms.deductions) {
    const item = `Deduction "${deduction.label}"`;
    assertCurrency(deduction.amount, terms.currency, item);
    if (isNegative(deduction.amount)) {
      throw new InvalidSettlementInputError(item, "cannot be negative");
    }
  }
}

/** Throws unless the deal is in `currency`: `parseDealTerms` already holds each of its amounts to the deal's own. */
export function assertDealCurrency(dealTerms: DealTerms, currency: string): void {
  if (dealTerms.currency !== currency) {
    throw new CurrencyMismatchError(currency, dealTerms.currency, "The deal");
  }
}

/** A bill lists 1 to 20 acts, each artist once, each deal in the settlement's currency. */
export function assertBill(bill: readonly BilledAct[], currency: string): void {
  if (bill.length < 1 || bill.length > MAX_ACTS_ON_BILL) {
    throw new InvalidSettlementInputError("The bill", `must list 1 to ${MAX_ACTS_ON_BILL} acts (got ${bill.length})`);
  }
  const seen = new Set<string>();
  bill.forEach((act, position) => {
    if (seen.has(act.artistId)) throw new InvalidSettlementInputError(`Artist "${act.artistId}"`, `is on the bill twice (again at billing position ${position}); list each artist once`);
    seen.add(act.artistId);
    assertDealCurrency(act.dealTerms, currency);
  });
}
