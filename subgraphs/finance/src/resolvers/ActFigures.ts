// An act's figures. What was paid comes from the settlement's payments, read once per
// settlement and request (batched), whichever act asks first.
import type { ActFiguresResolvers } from "../__generated__/resolvers-types.ts";
import { balanceDue, paidTo } from "../domain/index.ts";

export const ActFigures: ActFiguresResolvers = {
  paid: async (figures, _, { finance }) => paidTo(figures.netPayable.currency, await finance.settlements.payments(figures.settlement), figures.artistId),
  balanceDue: async (figures, _, { finance }) => balanceDue(figures, await finance.settlements.payments(figures.settlement)),
};
