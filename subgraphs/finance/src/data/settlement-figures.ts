// A settlement's sheet. A draft's is worked out from the event's ticketing income and
// expenses as they stand now; an approved settlement's is the one frozen at approval.
import {
  assertCurrency,
  computeSettlement,
  sumMoney,
  type Deduction,
  type WaterfallLine,
} from "../domain/index.ts";
import type { ExpenseRecord, FrozenTotals, IncomeRecord, SettlementFiguresRecord, SettlementRecord } from "./records.ts";

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

/** The sheet frozen at approval: the show's totals and lines, and each act's figures frozen with it. */
export function frozenFigures(settlement: SettlementRecord & { frozenTotals: FrozenTotals }, lines: readonly WaterfallLine[]): SettlementFiguresRecord {
  const acts = settlement.bill.map((act) => {
    if (!act.frozenFigures) throw new Error(`Settlement ${settlement.id} is ${settlement.status} but act ${act.billingPosition} has no frozen figures.`);
    return act.frozenFigures;
  });
  return { ...settlement.frozenTotals, lines, acts, frozen: true };
}
