import { computeArtistPayout, dealNeedsTicketCount, type DealTerms } from "@marquee/kit";
import { InvalidSettlementInputError } from "./errors.ts";
import { EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS, type ExpenseCategory } from "./expense-categories.ts";
import {
  assertCurrency,
  assertSupportedCurrency,
  isNegative,
  roundToMinorUnits,
  subtractMoney,
  sumMoney,
  type Money,
} from "./money.ts";
import { assertDealCurrency } from "./settlement-terms.ts";

/** A ticket fee or tax taken off gross before anyone is paid. */
export interface Deduction {
  readonly label: string;
  readonly amount: Money;
}

export interface Expense {
  readonly id: string;
  readonly category: ExpenseCategory;
  readonly description: string;
  readonly amount: Money;
}

export interface SettlementInput {
  readonly dealTerms: DealTerms;
  /** The settlement's currency; every amount in the input must be in it. */
  readonly currency: string;
  readonly grossTicketSales: Money;
  readonly deductions: readonly Deduction[];
  readonly expenses: readonly Expense[];
  /**
   * The event's paid tickets, for a deal paid by them (`dealNeedsTicketCount`): a whole
   * number of zero or more. Null for any other deal, which never reads it.
   */
  readonly ticketsSold: number | null;
}

/** Every kind of waterfall line, in the order they appear. */
export const WATERFALL_LINE_KINDS = [
  "GROSS_TICKET_SALES",
  "DEDUCTION",
  "ADJUSTED_GROSS",
  "EXPENSE",
  "TOTAL_EXPENSES",
  "NET",
  "ARTIST_PAYOUT",
  "ARTIST_BONUS",
  "PROMOTER_RESULT",
] as const;

export type WaterfallLineKind = (typeof WATERFALL_LINE_KINDS)[number];

export interface WaterfallLine {
  readonly kind: WaterfallLineKind;
  readonly label: string;
  readonly amount: Money;
}

export interface SettlementWaterfall {
  /** The settlement sheet, top to bottom. */
  readonly lines: readonly WaterfallLine[];
  readonly grossTicketSales: Money;
  /** Sum of all deduction lines. */
  readonly deductions: Money;
  readonly adjustedGross: Money;
  readonly totalExpenses: Money;
  /** Negative when expenses exceed adjusted gross. */
  readonly net: Money;
  /** Everything the artist is paid: the deal's amount plus the ticket bonuses earned. */
  readonly artistPayout: Money;
  /** Net minus artist payout; negative when the show loses the promoter money. */
  readonly promoterResult: Money;
  /** The paid tickets the deal was paid by; null when it depends on no ticket count. */
  readonly ticketsSold: number | null;
  /** The promoter profit the deal allowed for; null when the deal has none. */
  readonly promoterProfit: Money | null;
  /** Expenses (as capped) + guarantee + promoter profit, for a plus deal; null otherwise. */
  readonly splitPoint: Money | null;
}

/**
 * Works a show's settlement from gross ticket sales down to the promoter's result.
 *
 * Each line is rounded to the currency's minor units as it is produced, and every
 * later line is derived from the rounded lines above it, because the line is what
 * is paid: the printed sheet must add up exactly, to the cent, for both sides.
 */
export function computeSettlement(input: SettlementInput): SettlementWaterfall {
  assertValidInput(input);
  const { currency } = input;

  const grossLine = line("GROSS_TICKET_SALES", "Gross ticket sales", input.grossTicketSales);
  const deductionLines = input.deductions.map((deduction) => line("DEDUCTION", deduction.label, deduction.amount));
  const deductions = sumMoney(currency, deductionLines.map(amountOf));
  const adjustedGrossLine = line("ADJUSTED_GROSS", "Adjusted gross", subtractMoney(grossLine.amount, deductions));

  const expenseLines = expenseLinesByCategory(currency, input.expenses);
  const totalExpensesLine = line("TOTAL_EXPENSES", "Total expenses", sumMoney(currency, expenseLines.map(amountOf)));
  const netLine = line("NET", "Net", subtractMoney(adjustedGrossLine.amount, totalExpensesLine.amount));

  const ticketsSold = dealNeedsTicketCount(input.dealTerms) ? input.ticketsSold : null;
  const payout = computeArtistPayout(input.dealTerms, {
    adjustedGross: adjustedGrossLine.amount,
    expenses: totalExpensesLine.amount,
    ticketsSold,
  });
  const payoutLine = line("ARTIST_PAYOUT", payout.explanation, payout.dealAmount);
  const bonusLines = payout.bonusesEarned.map((earned) => line("ARTIST_BONUS", `Bonus at ${earned.ticketsSold} paid tickets`, earned.bonus));
  const artistPayout = sumMoney(currency, [payoutLine, ...bonusLines].map(amountOf));
  const promoterResult = subtractMoney(netLine.amount, artistPayout);
  const promoterLabel = isNegative(promoterResult) ? "Promoter loss" : "Promoter profit";
  const promoterLine = line("PROMOTER_RESULT", promoterLabel, promoterResult);

  return {
    lines: [
      grossLine,
      ...deductionLines,
      adjustedGrossLine,
      ...expenseLines,
      totalExpensesLine,
      netLine,
      payoutLine,
      ...bonusLines,
      promoterLine,
    ],
    grossTicketSales: grossLine.amount,
    deductions,
    adjustedGross: adjustedGrossLine.amount,
    totalExpenses: totalExpensesLine.amount,
    net: netLine.amount,
    artistPayout,
    promoterResult: promoterLine.amount,
    ticketsSold,
    // A plus deal without an agreed promoter profit has none, though its split point counts it as zero.
    promoterProfit: input.dealTerms.promoterProfit ? payout.promoterProfit : null,
    splitPoint: payout.splitPoint,
  };
}

function assertValidInput(input: SettlementInput): void {
  assertSupportedCurrency(input.currency);
  assertDealCurrency(input.dealTerms, input.currency);
  if (dealNeedsTicketCount(input.dealTerms)) {
    const tickets = input.ticketsSold;
    // Base counts the paid tickets; a deal paid by them is never settled on a guess.
    if (tickets === null) throw new Error(`A ${input.dealTerms.type} deal with ${input.dealTerms.ticketBonuses.length} ticket bonuses was settled without a ticket count.`);
    if (!Number.isInteger(tickets) || tickets < 0) throw new InvalidSettlementInputError("Tickets sold", `must be a whole number of zero or more (got ${tickets})`);
  }
  assertRecordedAmount(input.grossTicketSales, input.currency, "Gross ticket sales");
  for (const deduction of input.deductions) {
    assertRecordedAmount(deduction.amount, input.currency, `Deduction "${deduction.label}"`);
  }
  for (const expense of input.expenses) {
    assertRecordedAmount(expense.amount, input.currency, `Expense "${expense.id}" (${expense.description})`);
  }
}

/** Sales, fees, taxes and expenses are recorded as positive figures; the waterfall applies the signs. */
function assertRecordedAmount(amount: Money, currency: string, item: string): void {
  assertCurrency(amount, currency, item);
  if (isNegative(amount)) {
    throw new InvalidSettlementInputError(item, "cannot be negative");
  }
}

/** One line per category that has expenses, in the fixed category order, so sheets compare at a glance. */
function expenseLinesByCategory(currency: string, expenses: readonly Expense[]): WaterfallLine[] {
  return EXPENSE_CATEGORIES.flatMap((category) => {
    const amounts = expenses.filter((expense) => expense.category === category).map(amountOf);
    if (amounts.length === 0) {
      return [];
    }
    return [line("EXPENSE", EXPENSE_CATEGORY_LABELS[category], sumMoney(currency, amounts))];
  });
}

function line(kind: WaterfallLineKind, label: string, amount: Money): WaterfallLine {
  return { kind, label, amount: roundToMinorUnits(amount) };
}

function amountOf(item: { readonly amount: Money }): Money {
  return item.amount;
}
