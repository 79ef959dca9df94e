// Finance's fields on Base's Event. The gateway asks for them for many events at once, so
// each goes through a per-request loader: a bounded number of statements for any number
// of events.
import type { EventResolvers } from "../__generated__/resolvers-types.ts";

export const Event: EventResolvers = {
  expenses: (event, args, { finance }) => finance.expenses.pageOfEvent(event.id, args),
  income: (event, args, { finance }) => finance.incomes.pageOfEvent(event.id, args),
  financeTotals: (event, _, { finance }) => finance.totals.ofEvent.load(event.id),
  settlement: (event, _, { finance }) => finance.settlements.ofEvent.load(event.id),
};
