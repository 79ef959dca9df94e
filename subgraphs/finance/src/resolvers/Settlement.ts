import type { SettlementResolvers } from "../__generated__/resolvers-types.ts";

export const Settlement: SettlementResolvers = {
  event: (settlement) => ({ id: settlement.eventId }),
  artist: (settlement) => ({ id: settlement.artistId }),
  deductions: (settlement, _, { finance }) => finance.settlements.deductions(settlement),
  figures: (settlement, _, { finance }) => finance.settlements.figures(settlement),
};
