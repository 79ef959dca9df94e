import type { RankedVenueHoldResolvers } from "../__generated__/resolvers-types.ts";

export const RankedVenueHold: RankedVenueHoldResolvers = {
  hold: (ranked, _, { venue }) => venue.holds.holdById.load(ranked.holdId).then((hold) => hold!),
};
