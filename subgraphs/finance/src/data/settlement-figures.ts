// A settlement's sheets (the promoter's books and the artist's sheet). A draft's are worked
// out from the event's ticketing income and expenses as they stand now; an approved
// settlement's are the ones frozen at approval.
import {
  assertCurrency,
  computeSettlement,
  sumMoney,
  type Deduction,
  type WaterfallLine,
} from "../domain/index.ts";
import type { DeductionRecord, ExpenseRecord, FrozenTotals, IncomeRecord, SettlementFiguresRecord, SettlementRecord, SettlementSheetRecord, SettlementSheet } from "./records.ts";

/** What an event's settlements are computed from. */
export interface EventLedger {
  ticketing: readonly IncomeRecord[];
  expenses: readonly ExpenseRecord[];
}

/**
 * The waterfall of a settlement from its bill, its event's ledger and, when some act's deal
 * is paid by them, the event's paid tickets (null otherwise). Every ticketing income and
 * expense must be in the settlement's currency: one in another currency is refused, named,
 * rather than converted or left out.
 */
export function liveFigures(settlement: SettlementRecord, deductions: readonly Deduction[], ledger: EventLedger, ticketsSold: number | null): SettlementFiguresRecord {
  const { currency } = settlement;
  for (const income of ledger.ticketing) {
    assertCurrency(income.amount, currency, `Ticketing income "${income.id}" (${income.description})`);
  }
  const waterfall = computeSettlement({
    bill: settlement.bill,
    currency,
    grossTicketSales: sumMoney(currency, ledger.ticketing.map((income) => income.amount)),
    deductions,
    expenses: ledger.expenses,
    ticketsSold,
  });
  return { ...waterfall, frozen: false };
}

/**
 * The sheets frozen at approval: the show's totals and both sheets' lines, and each act's
 * and each deduction's figures frozen with them.
 */
export function frozenFigures(
  settlement: SettlementRecord & { frozenTotals: FrozenTotals },
  sheets: { internal: readonly WaterfallLine[]; artist: readonly WaterfallLine[] },
  deductions: readonly DeductionRecord[],
): SettlementFiguresRecord {
  const broken = (part: string) => new Error(`Settlement ${settlement.id} is ${settlement.status} but ${part} has no frozen figures.`);
  const acts = settlement.bill.map((act) => {
    if (!act.frozenFigures) throw broken(`act ${act.billingPosition}`);
    return act.frozenFigures;
  });
  // Each deduction printed one DEDUCTION line, in the order entered.
  const deductionLines = sheets.internal.filter((line) => line.kind === "DEDUCTION");
  const deductionFigures = deductions.map(({ frozen }, position) => {
    const line = deductionLines[position];
    if (!frozen || !line) throw broken(`deduction ${position}`);
    return { ...frozen, line: line.label };
  });
  const { artistPromoterResult, ...totals } = settlement.frozenTotals;
  return { ...totals, lines: sheets.internal, acts, deductionFigures, artistSheet: { lines: sheets.artist, promoterResult: artistPromoterResult }, frozen: true };
}

/**
 * One of the two sheets, as the API shows it. The promoter's books (INTERNAL) show every
 * expense, the house-only ones on their own lines below the acts' payouts, and the result
 * after them; the artist's sheet (ARTIST) is the same up to the payouts, without the
 * house-only expenses, and its result is net minus the payouts. Both share every figure
 * the deals were paid from.
 */
export function settlementSheet(figures: SettlementFiguresRecord, sheet: SettlementSheet): SettlementSheetRecord {
  const { artistSheet, ...shared } = figures;
  return sheet === "ARTIST"
    ? { ...shared, sheet, lines: artistSheet.lines, houseExpenses: null, promoterResult: artistSheet.promoterResult }
    : { ...shared, sheet: "INTERNAL" };
}
