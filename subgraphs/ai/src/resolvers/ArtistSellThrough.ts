import type { ArtistSellThroughResolvers } from "../__generated__/resolvers-types.ts";

export const ArtistSellThrough: ArtistSellThroughResolvers = {
  // The group's key is the headliner's artist id.
  artist: (group) => ({ id: group.key }),
};
