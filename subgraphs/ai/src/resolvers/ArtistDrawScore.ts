import type { ArtistDrawScoreResolvers } from "../__generated__/resolvers-types.ts";

export const ArtistDrawScore: ArtistDrawScoreResolvers = {
  artist: (score) => ({ id: score.artistId }),
};
