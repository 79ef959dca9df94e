import type { DealResolvers } from "../__generated__/resolvers-types.ts";
import { allowedDealMoves } from "../domain/index.ts";

export const Deal: DealResolvers = {
  artist: (deal) => ({ id: deal.artistId }),
  event: (deal) => (deal.eventId === null ? null : { id: deal.eventId }),
  allowedMoves: (deal) => allowedDealMoves(deal.status),
  currentTerms: (deal, _, { market }) => market.deals.version(deal.currentVersionId),
  acceptedTerms: (deal, _, { market }) => (deal.acceptedVersionId === null ? null : market.deals.version(deal.acceptedVersionId)),
  history: (deal, args, { market }) => market.deals.history(deal.id, args),
  contract: (deal, _, { market }) => market.contracts.liveOfDeal(deal.id),
};
