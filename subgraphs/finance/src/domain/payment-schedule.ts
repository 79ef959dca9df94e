// When each act is paid: the deposit in one or more installments before the show, and the
// balance in one or more after it, each due on a day. The schedule says what is due when;
// the payments recorded say what was paid. Payments of a kind settle that kind's
// installments in due order, so a schedule always reads how far the act has been paid.
import { DomainError } from "./errors.ts";
import { isNegative, subtractMoney, sumMoney, zeroMoney, type Money } from "./money.ts";
import { paidTo, type ActPayment, type SettlementPaymentKind } from "./settlement-payments.ts";

/** The most installments one act's schedule has. */
export const MAX_INSTALLMENTS = 12;

/** One payment the act is due, as scheduled. */
export interface Installment {
  readonly kind: SettlementPaymentKind;
  /** The calendar day it is due, YYYY-MM-DD. */
  readonly dueOn: string;
  /** Null for the last BALANCE installment when it is "the rest": whatever the balance then is. */
  readonly amount: Money | null;
}

export type InstallmentStatus = "PAID" | "PART_PAID" | "DUE" | "OVERDUE";

/** An installment with what has been paid of it, as of a day. */
export interface InstallmentStanding {
  readonly installment: Installment;
  /** The installment's amount: as scheduled, or for "the rest" the balance left after the other installments. */
  readonly amount: Money;
  readonly paid: Money;
  readonly outstanding: Money;
  readonly status: InstallmentStatus;
}

/** A schedule the deal cannot be paid by. */
export class InvalidPaymentScheduleError extends DomainError {
  /** The input field at fault. */
  readonly field: string;

  constructor(field: string, message: string) {
    super("INVALID_PAYMENT_SCHEDULE", message);
    this.field = field;
  }
}

/**
 * Throws unless the act can be paid by the schedule: at most 12 installments in due order,
 * every deposit installment due no later than the first balance installment; the deposit
 * installments add up to the deal's deposit exactly; each amount above zero in the
 * settlement's currency; only the last balance installment may leave its amount out, to pay
 * whatever the balance then is. `field` names the schedule in the input, for the refusal.
 */
export function assertPaymentSchedule(schedule: readonly Installment[], deposit: Money | null, currency: string, field: string): void {
  const refuse = (at: string, message: string) => new InvalidPaymentScheduleError(at, message);
  if (schedule.length > MAX_INSTALLMENTS) throw refuse(field, `A payment schedule has at most ${MAX_INSTALLMENTS} installments (got ${schedule.length}).`);
  schedule.forEach((installment, index) => {
    const at = `${field}[${index}]`;
    const previous = schedule[index - 1];
    if (previous && installment.dueOn < previous.dueOn) throw refuse(`${at}.dueOn`, `List the installments in due order: ${installment.dueOn} comes before ${previous.dueOn}.`);
    if (previous?.kind === "BALANCE" && installment.kind === "DEPOSIT") {
      throw refuse(`${at}.kind`, "Every deposit installment comes before the first balance installment.");
    }
    if (installment.amount === null) {
      if (installment.kind === "DEPOSIT") throw refuse(`${at}.amount`, "A deposit installment needs its amount.");
      if (index !== schedule.length - 1) throw refuse(`${at}.amount`, "Only the last balance installment may leave its amount out (the rest of the balance).");
      return;
    }
    if (installment.amount.currency !== currency) throw refuse(`${at}.amount`, `The installment is in ${installment.amount.currency}; the settlement is in ${currency}.`);
    if (!installment.amount.amount.greaterThan(0)) throw refuse(`${at}.amount`, `An installment must be more than zero (got ${installment.amount.amount.toFixed()}).`);
  });
  const deposits = schedule.filter((installment) => installment.kind === "DEPOSIT");
  if (deposits.length === 0) return;
  if (!deposit) throw refuse(field, "The deal has no deposit, so the schedule has no deposit installments.");
  const scheduled = sumMoney(currency, deposits.map((installment) => installment.amount!));
  if (!scheduled.amount.equals(deposit.amount)) {
    throw refuse(field, `The deposit installments add up to ${currency} ${scheduled.amount.toFixed()}; the deal's deposit is ${currency} ${deposit.amount.toFixed()}.`);
  }
}

/**
 * Each installment with what has been paid of it. Deposits paid settle the deposit
 * installments and balance payments the balance installments, each in due order. "The rest"
 * is the net payable less the deposit and the other balance installments (never below zero);
 * an installment with something outstanding is OVERDUE once its day has passed (`today`,
 * YYYY-MM-DD, is the caller's).
 */
export function scheduleStanding(
  schedule: readonly Installment[],
  account: { readonly artistId: string; readonly deposit: Money | null; readonly netPayable: Money },
  payments: readonly ActPayment[],
  today: string,
): InstallmentStanding[] {
  const { currency } = account.netPayable;
  const fixedBalance = sumMoney(currency, schedule.flatMap((installment) => (installment.kind === "BALANCE" && installment.amount ? [installment.amount] : [])));
  const rest = subtractMoney(subtractMoney(account.netPayable, account.deposit ?? zeroMoney(currency)), fixedBalance);
  const unspent: Record<SettlementPaymentKind, Money> = {
    DEPOSIT: paidTo(currency, payments, account.artistId, "DEPOSIT"),
    BALANCE: paidTo(currency, payments, account.artistId, "BALANCE"),
  };
  return schedule.map((installment) => {
    const amount = installment.amount ?? (isNegative(rest) ? zeroMoney(currency) : rest);
    const available = unspent[installment.kind];
    const paid = available.amount.greaterThan(amount.amount) ? amount : available;
    unspent[installment.kind] = subtractMoney(available, paid);
    const outstanding = subtractMoney(amount, paid);
    const status: InstallmentStatus = outstanding.amount.isZero() ? "PAID" : installment.dueOn < today ? "OVERDUE" : paid.amount.isZero() ? "DUE" : "PART_PAID";
    return { installment, amount, paid, outstanding, status };
  });
}
