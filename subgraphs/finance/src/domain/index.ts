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
export { EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS, EXPENSE_SHEETS, type ExpenseCategory, type ExpenseSheet } from "./expense-categories.ts";
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
export {
  DEDUCTION_BASES,
  assertDeduction,
  computeDeductions,
  deductionNeedsTicketCount,
  type Deduction,
  type DeductionBasis,
  type DeductionFigures,
  type RateBasis,
} from "./settlement-deductions.ts";
export { MAX_INSTALLMENTS, InvalidPaymentScheduleError, assertPaymentSchedule, scheduleStanding, type Installment, type InstallmentStanding, type InstallmentStatus } from "./payment-schedule.ts";
export { MAX_ACTS_ON_BILL, MAX_REIMBURSEMENTS, assertBill, assertDealCurrency, assertSettlementTerms, type SettledAct, type SettlementTerms } from "./settlement-terms.ts";
export {
  WATERFALL_LINE_KINDS,
  computeSettlement,
  settlementNeedsTicketCount,
  type ActFigures,
  type ArtistSheet,
  type BilledAct,
  type Expense,
  type Reimbursement,
  type SettlementInput,
  type SettlementWaterfall,
  type WaterfallLine,
  type WaterfallLineKind,
} from "./settlement-waterfall.ts";
