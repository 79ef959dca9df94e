export {
  CurrencyMismatchError,
  DomainError,
  IllegalSettlementTransitionError,
  InvalidAmountError,
  InvalidSettlementInputError,
  PaymentRefusedError,
  SettlementNotEditableError,
  UnsupportedCurrencyError,
  type DomainErrorReason,
} from "./errors.ts";
export { EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS, type ExpenseCategory } from "./expense-categories.ts";
export {
  addMoney,
  assertCurrency,
  assertSupportedCurrency,
  isNegative,
  isStorable,
  minorUnitsOf,
  parseMoney,
  roundToMinorUnits,
  subtractMoney,
  sumMoney,
  zeroMoney,
  type Money,
} from "./money.ts";
export {
  SETTLEMENT_STATUSES,
  allowedTransitions,
  assertEditable,
  assertTransition,
  type SettlementStatus,
} from "./settlement-lifecycle.ts";
export {
  SETTLEMENT_PAYMENT_KINDS,
  assertBillKeepsPayments,
  assertPaymentAllowed,
  balanceDue,
  isPaidInFull,
  paidTo,
  type ActAccount,
  type ActPayment,
  type PaymentRequest,
  type SettlementPaymentKind,
} from "./settlement-payments.ts";
export { MAX_ACTS_ON_BILL, assertBill, assertDealCurrency, assertSettlementTerms, type SettlementTerms } from "./settlement-terms.ts";
export {
  WATERFALL_LINE_KINDS,
  computeSettlement,
  type ActFigures,
  type BilledAct,
  type Deduction,
  type Expense,
  type SettlementInput,
  type SettlementWaterfall,
  type WaterfallLine,
  type WaterfallLineKind,
} from "./settlement-waterfall.ts";
