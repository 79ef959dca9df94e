import type { DealTerms } from "@marquee/kit";
import { CurrencyMismatchError, InvalidSettlementInputError } from "./errors.ts";
import { assertSupportedCurrency } from "./money.ts";
import { assertDeduction, type Deduction } from "./settlement-deductions.ts";
import type { Installment } from "./payment-schedule.ts";
import type { BilledAct } from "./settlement-waterfall.ts";

/** The most acts one show's bill lists. */
export const MAX_ACTS_ON_BILL = 20;
/** The most reimbursements one act takes. */
export const MAX_REIMBURSEMENTS = 20;

/** An act as a settlement stores it: its deal, and the signed contract (Market's) it is paid under, when it has one. */
export interface SettledAct extends BilledAct {
  /** Absent or null when the act was entered without a contract. */
  readonly contractId?: string | null;
  /** When the act is paid, in due order; absent or empty for no schedule. */
  readonly paymentSchedule?: readonly Installment[];
}

/** What a settlement is agreed on before its figures are known: the currency, the bill with each act's deal, and the deductions. */
export interface SettlementTerms {
  readonly currency: string;
  /** Billing order: the headliner first. */
  readonly bill: readonly SettledAct[];
  readonly deductions: readonly Deduction[];
}

/**
 * Checks the terms when they are written rather than when the sheet is computed, so that
 * a draft never holds terms its waterfall would refuse: every amount is in the
 * settlement's currency, and each deduction's term is in range for its basis.
 */
export function assertSettlementTerms(terms: Omit<SettlementTerms, "bill"> & { readonly bill: readonly BilledAct[] }): void {
  assertSupportedCurrency(terms.currency);
  assertBill(terms.bill, terms.currency);
  for (const deduction of terms.deductions) {
    assertDeduction(deduction, terms.currency);
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
    const reimbursements = act.reimbursements ?? [];
    if (reimbursements.length > MAX_REIMBURSEMENTS) {
      throw new InvalidSettlementInputError(`The reimbursements of act ${position}`, `must be at most ${MAX_REIMBURSEMENTS} (got ${reimbursements.length})`);
    }
    for (const repaid of reimbursements) {
      const item = `Reimbursement "${repaid.label}"`;
      if (repaid.amount.currency !== currency) throw new CurrencyMismatchError(currency, repaid.amount.currency, item);
      if (!repaid.amount.amount.greaterThan(0)) throw new InvalidSettlementInputError(item, "must be more than zero");
    }
  });
}
