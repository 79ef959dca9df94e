import type { SettlementResolvers } from "../__generated__/resolvers-types.ts";
import { ticketCountFor } from "../ticket-count.ts";

export const Settlement: SettlementResolvers = {
  event: (settlement) => ({ id: settlement.eventId }),
  bill: (settlement) => settlement.bill.map((act) => ({ ...act, settlement })),
  deductions: (settlement, _, { finance }) => finance.settlements.deductions(settlement),
  payments: (settlement, _, { finance }) => finance.settlements.payments(settlement),
  figures: async (settlement, _, { finance, base }) => finance.settlements.figures(settlement, await ticketCountFor(base, settlement)),
};
