// What each act of a bill is owed and has been paid. The promoter pays an act its deposit
// before the show, on account, then the balance once the settlement is approved: the net
// payable (the payout less the tax withheld for the artist) less everything paid before.
import { CurrencyMismatchError, PaymentRefusedError } from "./errors.ts";
import { isNegative, subtractMoney, sumMoney, type Money } from "./money.ts";
import type { SettlementStatus } from "./settlement-lifecycle.ts";

export const SETTLEMENT_PAYMENT_KINDS = ["DEPOSIT", "BALANCE"] as const;

export type SettlementPaymentKind = (typeof SETTLEMENT_PAYMENT_KINDS)[number];

/** A payment made to one act. */
export interface ActPayment {
  readonly artistId: string;
  readonly kind: SettlementPaymentKind;
  readonly amount: Money;
}

/** What an act is owed: its deal's deposit term and its net payable (live for a draft, frozen once approved). */
export interface ActAccount {
  readonly artistId: string;
  /** The deal's deposit; null when the deal has none. */
  readonly deposit: Money | null;
  readonly netPayable: Money;
}

/** Everything paid to the act, of one kind or of both. */
export function paidTo(currency: string, payments: readonly ActPayment[], artistId: string, kind?: SettlementPaymentKind): Money {
  return sumMoney(
    currency,
    payments.filter((payment) => payment.artistId === artistId && (kind === undefined || payment.kind === kind)).map((payment) => payment.amount),
  );
}

/**
 * The net payable less everything paid to the act. Negative when the act was paid more than
 * it is owed: a deposit above a draft's live figures, say.
 */
export function balanceDue(account: Pick<ActAccount, "artistId" | "netPayable">, payments: readonly ActPayment[]): Money {
  return subtractMoney(account.netPayable, paidTo(account.netPayable.currency, payments, account.artistId));
}

export interface PaymentRequest {
  readonly status: SettlementStatus;
  /** The settlement's currency. */
  readonly currency: string;
  /** The act paid; its net payable is the frozen one, null while the settlement is a DRAFT (no balance is paid then). */
  readonly act: Omit<ActAccount, "netPayable"> & { readonly netPayable: Money | null };
  /** Every payment already recorded on the settlement. */
  readonly payments: readonly ActPayment[];
  readonly kind: SettlementPaymentKind;
  readonly amount: Money;
}

/**
 * Throws unless the payment may be recorded: in the settlement's currency and above zero;
 * a DEPOSIT while the settlement is DRAFT or APPROVED, at most the deal's deposit less the
 * deposits already paid (and, once approved, at most the balance due); a BALANCE once
 * APPROVED, at most the balance due; nothing once PAID.
 */
export function assertPaymentAllowed(request: PaymentRequest): void {
  const { status, currency, act, payments, kind, amount } = request;
  if (amount.currency !== currency) throw new CurrencyMismatchError(currency, amount.currency, "The payment");
  if (!amount.amount.greaterThan(0)) throw new PaymentRefusedError("amount", `A payment must be more than zero (got ${amount.amount.toFixed()}).`);
  if (status === "PAID") throw new PaymentRefusedError("settlementId", "The settlement is PAID: every act has been paid in full, and nothing more is recorded.");
  const { netPayable } = act;
  const due = netPayable && balanceDue({ ...act, netPayable }, payments);
  if (kind === "DEPOSIT") {
    if (!act.deposit) throw new PaymentRefusedError("kind", `Artist "${act.artistId}"'s deal has no deposit; record a BALANCE payment once the settlement is approved.`);
    const remaining = subtractMoney(act.deposit, paidTo(currency, payments, act.artistId, "DEPOSIT"));
    if (amount.amount.greaterThan(remaining.amount)) {
      throw new PaymentRefusedError("amount", `The deposit left to pay artist "${act.artistId}" is ${currency} ${remaining.amount.toFixed()}; ${amount.amount.toFixed()} is more.`);
    }
    if (due && amount.amount.greaterThan(due.amount)) {
      throw new PaymentRefusedError("amount", `The balance due to artist "${act.artistId}" is ${currency} ${due.amount.toFixed()}; ${amount.amount.toFixed()} is more.`);
    }
    return;
  }
  if (status !== "APPROVED" || !due) throw new PaymentRefusedError("kind", "A BALANCE payment needs an APPROVED settlement: approve it first, so that the figures it pays are frozen.");
  if (amount.amount.greaterThan(due.amount)) {
    throw new PaymentRefusedError("amount", `The balance due to artist "${act.artistId}" is ${currency} ${due.amount.toFixed()}; ${amount.amount.toFixed()} is more.`);
  }
}

/** Whether every act has been paid what it is owed: an approved settlement then becomes PAID. */
export function isPaidInFull(acts: readonly ActAccount[], payments: readonly ActPayment[]): boolean {
  return acts.every((act) => {
    const due = balanceDue(act, payments);
    return due.amount.isZero() || isNegative(due);
  });
}

/**
 * A draft's bill is rewritten whole on update; the payments already made must still fit it:
 * every artist paid stays on the bill, in the same currency, with a deposit term at least
 * the deposits paid.
 */
export function assertBillKeepsPayments(bill: readonly { artistId: string; deposit: Money | null }[], currency: string, payments: readonly ActPayment[]): void {
  for (const payment of payments) {
    if (payment.amount.currency !== currency) {
      throw new PaymentRefusedError("currency", `The settlement has payments in ${payment.amount.currency}; its currency cannot change.`);
    }
    const act = bill.find((candidate) => candidate.artistId === payment.artistId);
    if (!act) throw new PaymentRefusedError("bill", `Artist "${payment.artistId}" has been paid on this settlement and must stay on its bill.`);
    const deposits = paidTo(currency, payments, act.artistId, "DEPOSIT");
    if (deposits.amount.greaterThan(act.deposit?.amount ?? 0)) {
      throw new PaymentRefusedError("bill", `Artist "${act.artistId}" has been paid a deposit of ${currency} ${deposits.amount.toFixed()}; the deal's deposit cannot be less.`);
    }
  }
}
