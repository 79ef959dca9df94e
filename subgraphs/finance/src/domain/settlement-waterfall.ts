// A show's settlement over its whole bill. Promoters settle a bill from the bottom up: each
// support act is paid first, and its payout is a cost of the show before the percentage of
// every act billed above it; the promoter's result appears once, after every act is paid.
import { computeArtistPayout, computeNetPayable, dealNeedsTicketCount, type DealTerms } from "@marquee/kit";
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
import { assertBill } from "./settlement-terms.ts";

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

/** One act on the bill: Finance knows the artist by Base's id alone. */
export interface BilledAct {
  readonly artistId: string;
  readonly dealTerms: DealTerms;
}

export interface SettlementInput {
  /** The acts in billing order: the headliner first (billing position 0), the opener last. */
  readonly bill: readonly BilledAct[];
  /** The settlement's currency; every amount in the input must be in it. */
  readonly currency: string;
  readonly grossTicketSales: Money;
  readonly deductions: readonly Deduction[];
  readonly expenses: readonly Expense[];
  /**
   * The event's paid tickets, when some act's deal is paid by them (`dealNeedsTicketCount`):
   * a whole number of zero or more. Null when no act's deal reads it.
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

/** What one act of the bill is paid, and the figures its deal was worked from. */
export interface ActFigures {
  readonly artistId: string;
  /** 0 is the headliner. */
  readonly billingPosition: number;
  /** Everything the act is paid: the deal's amount plus the ticket bonuses earned. */
  readonly payout: Money;
  /** What the deal form pays, before bonuses. */
  readonly dealAmount: Money;
  /** The ticket bonuses earned, together; zero when none was reached. */
  readonly bonuses: Money;
  /** The promoter profit the act's deal allowed for; null when the deal has none. */
  readonly promoterProfit: Money | null;
  /** Expenses (as capped) + guarantee + promoter profit, for a plus deal; null otherwise. */
  readonly splitPoint: Money | null;
  /**
   * The expenses the deal counted (the event's expenses plus the payouts of the acts billed
   * below, after the deal's cap); null for a deal that counts none.
   */
  readonly expensesCounted: Money | null;
  /** The deal's withholding rate × the payout, rounded half up to minor units; zero without a rate. */
  readonly withholding: Money;
  /** The payout less the withholding: what the artist receives, the deposit included. */
  readonly netPayable: Money;
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
  /** Everything the acts are paid together, bonuses included. */
  readonly artistPayouts: Money;
  /** Net minus every act's payout; negative when the show loses the promoter money. */
  readonly promoterResult: Money;
  /** The paid tickets the deals were paid by; null when no act's deal depends on a ticket count. */
  readonly ticketsSold: number | null;
  /** Each act's figures, in billing order (the headliner first). */
  readonly acts: readonly ActFigures[];
}

/**
 * Works a show's settlement from gross ticket sales down to the promoter's result.
 *
 * The acts are paid from the lowest-billed up: each act's deal is applied to the adjusted
 * gross, to the event's expenses plus the payouts (bonuses included) of every act billed
 * below it, and to the event's paid tickets. A one-act bill is today's artist settlement.
 *
 * Each line is rounded to the currency's minor units as it is produced, and every
 * later line is derived from the rounded lines above it, because the line is what
 * is paid: the printed sheet must add up exactly, to the cent, for both sides.
 */
export function computeSettlement(input: SettlementInput): SettlementWaterfall {
  assertValidInput(input);
  const { currency, bill } = input;

  const grossLine = line("GROSS_TICKET_SALES", "Gross ticket sales", input.grossTicketSales);
  const deductionLines = input.deductions.map((deduction) => line("DEDUCTION", deduction.label, deduction.amount));
  const deductions = sumMoney(currency, deductionLines.map(amountOf));
  const adjustedGrossLine = line("ADJUSTED_GROSS", "Adjusted gross", subtractMoney(grossLine.amount, deductions));

  const expenseLines = expenseLinesByCategory(currency, input.expenses);
  const totalExpensesLine = line("TOTAL_EXPENSES", "Total expenses", sumMoney(currency, expenseLines.map(amountOf)));
  const netLine = line("NET", "Net", subtractMoney(adjustedGrossLine.amount, totalExpensesLine.amount));

  const needsTickets = bill.some((act) => dealNeedsTicketCount(act.dealTerms));
  // A one-act bill prints as it always has; on a shared bill each line names its act.
  const actLabel = (position: number, text: string) => (bill.length === 1 ? text : `Act ${position + 1} of ${bill.length}: ${text}`);

  const paidFromTheBottom: { figures: ActFigures; lines: WaterfallLine[] }[] = [];
  let paidBelow: Money[] = [];
  for (let position = bill.length - 1; position >= 0; position -= 1) {
    const { artistId, dealTerms } = bill[position]!;
    const payout = computeArtistPayout(dealTerms, {
      adjustedGross: adjustedGrossLine.amount,
      expenses: sumMoney(currency, [totalExpensesLine.amount, ...paidBelow]),
      ticketsSold: dealNeedsTicketCount(dealTerms) ? input.ticketsSold : null,
    });
    const payoutLine = line("ARTIST_PAYOUT", actLabel(position, payout.explanation), payout.dealAmount);
    const bonusLines = payout.bonusesEarned.map((earned) => line("ARTIST_BONUS", actLabel(position, `Bonus at ${earned.ticketsSold} paid tickets`), earned.bonus));
    const bonuses = sumMoney(currency, bonusLines.map(amountOf));
    const actPayout = sumMoney(currency, [payoutLine.amount, bonuses]);
    paidBelow = [...paidBelow, actPayout];
    paidFromTheBottom.push({
      figures: {
        artistId,
        billingPosition: position,
        payout: actPayout,
        dealAmount: payoutLine.amount,
        bonuses,
        // A plus deal without an agreed promoter profit has none, though its split point counts it as zero.
        promoterProfit: dealTerms.promoterProfit ? payout.promoterProfit : null,
        splitPoint: payout.splitPoint,
        expensesCounted: payout.expensesCounted,
        // The withholding is the artist's tax, paid by the promoter for the artist: it is part
        // of the payout, so the sheet and the promoter's result do not change with it.
        ...computeNetPayable(dealTerms, actPayout),
      },
      lines: [payoutLine, ...bonusLines],
    });
  }

  const artistPayouts = sumMoney(currency, paidBelow);
  const promoterResult = subtractMoney(netLine.amount, artistPayouts);
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
      ...paidFromTheBottom.flatMap((act) => act.lines),
      promoterLine,
    ],
    grossTicketSales: grossLine.amount,
    deductions,
    adjustedGross: adjustedGrossLine.amount,
    totalExpenses: totalExpensesLine.amount,
    net: netLine.amount,
    artistPayouts,
    promoterResult: promoterLine.amount,
    ticketsSold: needsTickets ? input.ticketsSold : null,
    acts: [...paidFromTheBottom].reverse().map((act) => act.figures),
  };
}

function assertValidInput(input: SettlementInput): void {
  assertSupportedCurrency(input.currency);
  assertBill(input.bill, input.currency);
  const paidByTickets = input.bill.find((act) => dealNeedsTicketCount(act.dealTerms));
  if (paidByTickets) {
    const tickets = input.ticketsSold;
    // Base counts the paid tickets; a deal paid by them is never settled on a guess.
    if (tickets === null) {
      throw new Error(`A ${paidByTickets.dealTerms.type} deal with ${paidByTickets.dealTerms.ticketBonuses.length} ticket bonuses was settled without a ticket count.`);
    }
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
