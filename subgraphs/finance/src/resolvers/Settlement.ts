import type { SettlementResolvers } from "../__generated__/resolvers-types.ts";
import { settlementSheet } from "../data/settlement-figures.ts";
import { ticketCountFor } from "../ticket-count.ts";

export const Settlement: SettlementResolvers = {
  event: (settlement) => ({ id: settlement.eventId }),
  bill: (settlement) => settlement.bill.map((act) => ({ ...act, settlement })),
  deductions: async (settlement, _, { finance }) => (await finance.settlements.deductions(settlement)).map((deduction, position) => ({ ...deduction, position, settlement })),
  payments: (settlement, _, { finance }) => finance.settlements.payments(settlement),
  // Both sheets come from one computation (worked once per settlement and request); the argument picks which to show.
  figures: async (settlement, { sheet }, { finance, base }) => settlementSheet(await finance.settlements.figures(settlement, await ticketCountFor({ base, finance }, settlement)), sheet),
};
