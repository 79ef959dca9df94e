import type { ArtistResolvers } from "../__generated__/resolvers-types.ts";

export const Artist: ArtistResolvers = {
  settlements: (artist, args, { finance }) => finance.settlements.pageOfArtist(artist.id, args),
};
