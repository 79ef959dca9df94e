// An act on a show's bill. Its figures are its part of the show's sheet: the sheet is
// worked once per settlement and request, whichever of the settlement's figures and its
// acts' figures asks first.
import type { SettlementActResolvers } from "../__generated__/resolvers-types.ts";
import { ticketCountFor } from "../ticket-count.ts";

export const SettlementAct: SettlementActResolvers = {
  artist: (act) => ({ id: act.artistId }),
  figures: async ({ settlement, billingPosition }, _, { finance, base }) => {
    const sheet = await finance.settlements.figures(settlement, await ticketCountFor(base, settlement));
    const figures = sheet.acts.find((act) => act.billingPosition === billingPosition);
    if (!figures) throw new Error(`Settlement ${settlement.id}'s sheet has no act at billing position ${billingPosition}.`);
    return { ...figures, frozen: sheet.frozen, settlement };
  },
};
