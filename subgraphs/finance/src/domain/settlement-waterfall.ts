// A show's settlement over its whole bill. Promoters settle a bill from the bottom up: each
// support act is paid first, and its payout is a cost of the show before the percentage of
// every act billed above it; the promoter's result appears once, after every act is paid.
import { computeArtistPayout, computeNetPayable, dealNeedsTicketCount, type DealTerms } from "@marquee/kit";
import { InvalidSettlementInputError } from "./errors.ts";
import { EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS, type ExpenseCategory, type ExpenseSheet } from "./expense-categories.ts";
import {
  assertCurrency,
  assertSupportedCurrency,
  isNegative,
  roundToMinorUnits,
  subtractMoney,
  sumMoney,
  type Money,
} from "./money.ts";
import { assertDeduction, computeDeductions, deductionNeedsTicketCount, type Deduction, type DeductionFigures } from "./settlement-deductions.ts";
import { assertBill } from "./settlement-terms.ts";

export interface Expense {
  readonly id: string;
  readonly category: ExpenseCategory;
  readonly description: string;
  readonly amount: Money;
  /** ARTIST_SHEET when left out: the acts' deals count it. */
  readonly sheet?: ExpenseSheet;
}

/** A cost the artist paid that the promoter repays against the receipts, e.g. "Backline rental" USD 420. */
export interface Reimbursement {
  readonly label: string;
  /** Above zero, in the settlement's currency. */
  readonly amount: Money;
}

/** One act on the bill: Finance knows the artist by Base's id alone. */
export interface BilledAct {
  readonly artistId: string;
  readonly dealTerms: DealTerms;
  /** Entered on the settlement, not part of the deal; absent or empty for none. */
  readonly reimbursements?: readonly Reimbursement[];
}

export interface SettlementInput {
  /** The acts in billing order: the headliner first (billing position 0), the opener last. */
  readonly bill: readonly BilledAct[];
  /** The settlement's currency; every amount in the input must be in it. */
  readonly currency: string;
  readonly grossTicketSales: Money;
  /** In the order entered: a rate is taken of the gross less the deductions above it. */
  readonly deductions: readonly Deduction[];
  /** The event's expenses, on the artist's sheet and house only. */
  readonly expenses: readonly Expense[];
  /**
   * The event's paid tickets, when some act's deal or some deduction is worked out from them
   * (`settlementNeedsTicketCount`): a whole number of zero or more. Null when none reads it.
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
  "HOUSE_EXPENSE",
  "TOTAL_HOUSE_EXPENSES",
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
  /** The act's buyouts together: expenses of the show, paid on top of the payout; zero when none. */
  readonly buyouts: Money;
  /** The act's reimbursements together: expenses of the show, repaid on top of the payout; zero when none. */
  readonly reimbursements: Money;
  /** Payout − withholding + buyouts + reimbursements: what the artist receives, the deposit included. */
  readonly netPayable: Money;
}

/** The sheet the artist sees: the promoter's books without the house-only expenses. */
export interface ArtistSheet {
  /** Top to bottom: the promoter's lines up to the acts' payouts, then the result before house-only expenses. */
  readonly lines: readonly WaterfallLine[];
  /** Net minus every act's payout. */
  readonly promoterResult: Money;
}

export interface SettlementWaterfall {
  /** The promoter's books (the internal sheet), top to bottom; the same as the artist's sheet when no expense is house only. */
  readonly lines: readonly WaterfallLine[];
  readonly grossTicketSales: Money;
  /** Sum of all deduction lines. */
  readonly deductions: Money;
  readonly adjustedGross: Money;
  /** The expenses on the artist's sheet, the acts' buyouts and reimbursements among them: what the acts' deals count. */
  readonly totalExpenses: Money;
  /** Adjusted gross minus the artist-sheet expenses; negative when they exceed it. */
  readonly net: Money;
  /** Everything the acts are paid together, bonuses included. */
  readonly artistPayouts: Money;
  /** The house-only expenses, on the promoter's books alone; zero when there are none. */
  readonly houseExpenses: Money;
  /** Net minus every act's payout minus the house-only expenses; negative when the show loses the promoter money. */
  readonly promoterResult: Money;
  /** The paid tickets the deals and deductions were worked out from; null when none depends on a ticket count. */
  readonly ticketsSold: number | null;
  /** Each act's figures, in billing order (the headliner first). */
  readonly acts: readonly ActFigures[];
  /** Each deduction's base and amount, in the order entered. */
  readonly deductionFigures: readonly DeductionFigures[];
  /** The sheet the artist sees. */
  readonly artistSheet: ArtistSheet;
}

/** Whether the sheet needs the event's paid tickets: some act's deal or some deduction is worked out from them. */
export function settlementNeedsTicketCount(bill: readonly BilledAct[], deductions: readonly Deduction[]): boolean {
  return bill.some((act) => dealNeedsTicketCount(act.dealTerms)) || deductions.some(deductionNeedsTicketCount);
}

/**
 * Works a show's settlement from gross ticket sales down to the promoter's result.
 *
 * The deductions apply in the order entered, a rate of the gross less the deductions above
 * it. The acts are paid from the lowest-billed up: each act's deal is applied to the adjusted
 * gross, to the event's artist-sheet expenses plus the payouts (bonuses included) of every act
 * billed below it, and to the event's paid tickets. A one-act bill is today's artist
 * settlement. House-only expenses come off the promoter's result on the promoter's books,
 * after every act is paid; the artist's sheet does not show them.
 *
 * Each act's buyouts (its deal's) and reimbursements (entered on the act) are costs of the
 * show, settled as Prism.fm settles a reimbursement adjustment that "affects the split
 * point": an expense line each, below the event's expenses and counted in the total every
 * deal that counts expenses uses (so they lower the net before any percentage, and the
 * promoter's result, net − payouts, has them off once), and an amount the artist receives
 * on top of the payout, outside the withholding, which is taken of the payout alone
 * (https://intercom.help/prism-fm/en/articles/5955781-adjustments: a reimbursement for
 * "production, hotel, or travel buyouts" is added to the artist payout; "Affects Split
 * Point" counts it as a split-point line item; the tax may be taken of the payout only).
 *
 * Each line is rounded to the currency's minor units as it is produced, and every
 * later line is derived from the rounded lines above it, because the line is what
 * is paid: the printed sheet must add up exactly, to the cent, for both sides.
 */
export function computeSettlement(input: SettlementInput): SettlementWaterfall {
  assertValidInput(input);
  const { currency, bill } = input;

  const needsTickets = settlementNeedsTicketCount(bill, input.deductions);
  const grossLine = line("GROSS_TICKET_SALES", "Gross ticket sales", input.grossTicketSales);
  const deductionFigures = computeDeductions(grossLine.amount, input.deductions, needsTickets ? input.ticketsSold : null);
  const deductionLines = deductionFigures.map((deduction) => line("DEDUCTION", deduction.line, deduction.amount));
  const deductions = sumMoney(currency, deductionLines.map(amountOf));
  const adjustedGrossLine = line("ADJUSTED_GROSS", "Adjusted gross", subtractMoney(grossLine.amount, deductions));

  const houseOnly = (expense: Expense) => expense.sheet === "HOUSE_ONLY";
  // A one-act bill prints as it always has; on a shared bill each line names its act.
  const actLabel = (position: number, text: string) => (bill.length === 1 ? text : `Act ${position + 1} of ${bill.length}: ${text}`);

  const expenseLines = expenseLinesByCategory("EXPENSE", currency, input.expenses.filter((expense) => !houseOnly(expense)));
  // Each act's buyouts and reimbursements, in billing order, each on its own line: costs of the show every deal counts.
  const repaidLines = bill.flatMap((act, position) => [
    ...act.dealTerms.buyouts.map((buyout) => line("EXPENSE", actLabel(position, `Buyout: ${buyout.label}`), buyout.amount)),
    ...(act.reimbursements ?? []).map((repaid) => line("EXPENSE", actLabel(position, `Reimbursement: ${repaid.label}`), repaid.amount)),
  ]);
  const totalExpensesLine = line("TOTAL_EXPENSES", "Total expenses", sumMoney(currency, [...expenseLines, ...repaidLines].map(amountOf)));
  const netLine = line("NET", "Net", subtractMoney(adjustedGrossLine.amount, totalExpensesLine.amount));

  const paidFromTheBottom: { figures: ActFigures; lines: WaterfallLine[] }[] = [];
  let paidBelow: Money[] = [];
  for (let position = bill.length - 1; position >= 0; position -= 1) {
    const { artistId, dealTerms, reimbursements = [] } = bill[position]!;
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
        // of the payout, so the sheet and the promoter's result do not change with it. The
        // buyouts and reimbursements are not part of the payout (they are among the expenses
        // above): the artist receives them on top, untaxed.
        ...computeNetPayable(dealTerms, actPayout, reimbursements.map(amountOf)),
      },
      lines: [payoutLine, ...bonusLines],
    });
  }

  const artistPayouts = sumMoney(currency, paidBelow);
  const resultLine = (result: Money) => line("PROMOTER_RESULT", isNegative(result) ? "Promoter loss" : "Promoter profit", result);
  const artistResultLine = resultLine(subtractMoney(netLine.amount, artistPayouts));
  // The promoter's books add the house-only expenses after the acts are paid: no deal counts them.
  const houseLines = expenseLinesByCategory("HOUSE_EXPENSE", currency, input.expenses.filter(houseOnly));
  const houseExpenses = sumMoney(currency, houseLines.map(amountOf));
  const houseTotalLines = houseLines.length === 0 ? [] : [line("TOTAL_HOUSE_EXPENSES", "Total house-only expenses", houseExpenses)];
  const promoterLine = resultLine(subtractMoney(artistResultLine.amount, houseExpenses));

  const upToPayouts = [
    grossLine,
    ...deductionLines,
    adjustedGrossLine,
    ...expenseLines,
    ...repaidLines,
    totalExpensesLine,
    netLine,
    ...paidFromTheBottom.flatMap((act) => act.lines),
  ];
  return {
    lines: [...upToPayouts, ...houseLines, ...houseTotalLines, promoterLine],
    grossTicketSales: grossLine.amount,
    deductions,
    adjustedGross: adjustedGrossLine.amount,
    totalExpenses: totalExpensesLine.amount,
    net: netLine.amount,
    artistPayouts,
    houseExpenses,
    promoterResult: promoterLine.amount,
    ticketsSold: needsTickets ? input.ticketsSold : null,
    acts: [...paidFromTheBottom].reverse().map((act) => act.figures),
    deductionFigures,
    artistSheet: { lines: [...upToPayouts, artistResultLine], promoterResult: artistResultLine.amount },
  };
}

function assertValidInput(input: SettlementInput): void {
  assertSupportedCurrency(input.currency);
  assertBill(input.bill, input.currency);
  if (settlementNeedsTicketCount(input.bill, input.deductions)) {
    const tickets = input.ticketsSold;
    // Base counts the paid tickets; a deal or deduction worked out from them is never settled on a guess.
    if (tickets === null) {
      const paidByTickets = input.bill.find((act) => dealNeedsTicketCount(act.dealTerms));
      throw new Error(
        paidByTickets
          ? `A ${paidByTickets.dealTerms.type} deal with ${paidByTickets.dealTerms.ticketBonuses.length} ticket bonuses was settled without a ticket count.`
          : "A deduction per paid ticket was settled without a ticket count.",
      );
    }
    if (!Number.isInteger(tickets) || tickets < 0) throw new InvalidSettlementInputError("Tickets sold", `must be a whole number of zero or more (got ${tickets})`);
  }
  assertRecordedAmount(input.grossTicketSales, input.currency, "Gross ticket sales");
  for (const deduction of input.deductions) {
    assertDeduction(deduction, input.currency);
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

/**
 * One line per category that has expenses, in the fixed category order, so sheets compare at
 * a glance; house-only expenses say so, as they sit below the acts' payouts.
 */
function expenseLinesByCategory(kind: "EXPENSE" | "HOUSE_EXPENSE", currency: string, expenses: readonly Expense[]): WaterfallLine[] {
  return EXPENSE_CATEGORIES.flatMap((category) => {
    const amounts = expenses.filter((expense) => expense.category === category).map(amountOf);
    if (amounts.length === 0) {
      return [];
    }
    const label = kind === "EXPENSE" ? EXPENSE_CATEGORY_LABELS[category] : `${EXPENSE_CATEGORY_LABELS[category]} (house only)`;
    return [line(kind, label, sumMoney(currency, amounts))];
  });
}

function line(kind: WaterfallLineKind, label: string, amount: Money): WaterfallLine {
  return { kind, label, amount: roundToMinorUnits(amount) };
}

function amountOf(item: { readonly amount: Money }): Money {
  return item.amount;
}
