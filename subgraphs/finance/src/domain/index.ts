export { computeArtistPayout, type ArtistPayout, type ShowRevenue } from "./artist-payout.ts";
export {
  DEAL_TYPES,
  assertDealTermsCurrency,
  parseDealTerms,
  type DealTerms,
  type DealTermsInput,
  type DealType,
  type DoorDealTerms,
  type FlatGuaranteeTerms,
  type GuaranteePlusPercentageAboveSplitTerms,
  type GuaranteeVersusPercentageOfNetTerms,
} from "./deal-terms.ts";
export {
  CurrencyMismatchError,
  DomainError,
  IllegalSettlementTransitionError,
  InvalidAmountError,
  InvalidDealTermsError,
  InvalidSettlementInputError,
  SettlementNotEditableError,
  UnsupportedCurrencyError,
  type DomainErrorReason,
} from "./errors.ts";
export { EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS, type ExpenseCategory } from "./expense-categories.ts";
export {
  addMoney,
  assertCurrency,
  assertSupportedCurrency,
  compareMoney,
  describeMoney,
  floorAtZero,
  isNegative,
  isStorable,
  minorUnitsOf,
  parseMoney,
  percentageOf,
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
export { assertSettlementTerms, type SettlementTerms } from "./settlement-terms.ts";
export {
  WATERFALL_LINE_KINDS,
  computeSettlement,
  type Deduction,
  type Expense,
  type SettlementInput,
  type SettlementWaterfall,
  type WaterfallLine,
  type WaterfallLineKind,
} from "./settlement-waterfall.ts";
