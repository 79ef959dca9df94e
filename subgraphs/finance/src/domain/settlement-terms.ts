import type { DealTerms } from "@marquee/kit";
import { CurrencyMismatchError, InvalidSettlementInputError } from "./errors.ts";
import { assertCurrency, assertSupportedCurrency, isNegative } from "./money.ts";
import type { Deduction } from "./settlement-waterfall.ts";

/** What a settlement is agreed on before its figures are known: the currency, the deal and the deductions. */
export interface SettlementTerms {
  readonly currency: string;
  readonly dealTerms: DealTerms;
  readonly deductions: readonly Deduction[];
}

/**
 * Checks the terms when they are written rather than when the sheet is computed, so that
 * a draft never holds terms its waterfall would refuse: every amount is in the
 * settlement's currency, and no deduction is negative.
 */
export function assertSettlementTerms(terms: SettlementTerms): void {
  assertSupportedCurrency(terms.currency);
  assertDealCurrency(terms.dealTerms, terms.currency);
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
