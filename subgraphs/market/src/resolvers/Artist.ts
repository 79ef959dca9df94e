// Market's field on Base's Artist, batched per request like Event.deals.
import type { ArtistResolvers } from "../__generated__/resolvers-types.ts";

export const Artist: ArtistResolvers = {
  deals: (artist, args, { market }) => market.deals.pageOfArtist(artist.id, args),
};
