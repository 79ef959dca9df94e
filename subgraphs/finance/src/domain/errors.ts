import { RuleViolation } from "@marquee/kit";
import type { SettlementStatus } from "./settlement-lifecycle.ts";

/**
 * Stable, machine-readable reasons. Clients and the API layer branch on these,
 * so they must never change once released; the human message may.
 */
export type DomainErrorReason =
  | "UNSUPPORTED_CURRENCY"
  | "INVALID_AMOUNT"
  | "CURRENCY_MISMATCH"
  | "INVALID_SETTLEMENT_INPUT"
  | "ILLEGAL_SETTLEMENT_TRANSITION"
  | "SETTLEMENT_NOT_EDITABLE"
  | "PAYMENT_REFUSED"
  | "INVALID_PAYMENT_SCHEDULE";

/**
 * A business rule was broken by the caller's input: the kit's rule violation, which every
 * subgraph reports as BAD_USER_INPUT with the reason and the subclass's fields as details;
 * anything else escaping the domain is a bug.
 */
export class DomainError extends RuleViolation {
  declare readonly reason: DomainErrorReason;

  constructor(reason: DomainErrorReason, message: string) {
    super(reason, message);
  }
}

export class UnsupportedCurrencyError extends DomainError {
  readonly currency: string;

  constructor(currency: string) {
    super("UNSUPPORTED_CURRENCY", `"${currency}" is not a supported ISO 4217 currency code`);
    this.currency = currency;
  }
}

export class InvalidAmountError extends DomainError {
  readonly amount: string;

  constructor(amount: string, problem: string) {
    super("INVALID_AMOUNT", `Invalid amount "${amount}": ${problem}`);
    this.amount = amount;
  }
}

export class CurrencyMismatchError extends DomainError {
  readonly expectedCurrency: string;
  readonly actualCurrency: string;
  /** What carried the wrong currency, when the caller knows (e.g. `expense "exp-7"`). */
  readonly item: string | undefined;

  constructor(expectedCurrency: string, actualCurrency: string, item?: string) {
    super(
      "CURRENCY_MISMATCH",
      item === undefined
        ? `Cannot combine ${expectedCurrency} and ${actualCurrency} amounts`
        : `${item} is in ${actualCurrency} but ${expectedCurrency} was expected`,
    );
    this.expectedCurrency = expectedCurrency;
    this.actualCurrency = actualCurrency;
    this.item = item;
  }
}

export class InvalidSettlementInputError extends DomainError {
  readonly item: string;

  constructor(item: string, problem: string) {
    super("INVALID_SETTLEMENT_INPUT", `${item} ${problem}`);
    this.item = item;
  }
}

export class IllegalSettlementTransitionError extends DomainError {
  readonly from: SettlementStatus;
  readonly to: SettlementStatus;
  readonly allowed: readonly SettlementStatus[];

  constructor(from: SettlementStatus, to: SettlementStatus, allowed: readonly SettlementStatus[]) {
    const allowedMoves =
      allowed.length === 0 ? `${from} is final` : `from ${from} it can only move to ${allowed.join(", ")}`;
    super("ILLEGAL_SETTLEMENT_TRANSITION", `A settlement cannot move from ${from} to ${to}: ${allowedMoves}`);
    this.from = from;
    this.to = to;
    this.allowed = allowed;
  }
}

export class SettlementNotEditableError extends DomainError {
  readonly status: SettlementStatus;

  constructor(status: SettlementStatus) {
    super("SETTLEMENT_NOT_EDITABLE", `The settlement is ${status}; only DRAFT settlements can be edited`);
    this.status = status;
  }
}

/** A payment to an act that the settlement's state or the act's account does not allow. */
export class PaymentRefusedError extends DomainError {
  /** The input field at fault. */
  readonly field: string;

  constructor(field: string, message: string) {
    super("PAYMENT_REFUSED", message);
    this.field = field;
  }
}
