// AI's field on Base's Artist, batched like Event.prediction: one read of the history for any number of artists.
import type { ArtistResolvers } from "../__generated__/resolvers-types.ts";

export const Artist: ArtistResolvers = {
  drawScore: (artist, _, { ai }) => ai.drawScoreOfArtist.load(artist.id),
};
