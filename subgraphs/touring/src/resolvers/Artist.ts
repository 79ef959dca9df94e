// Touring's field on Base's Artist, batched per request like Event.tourStop.
import type { ArtistResolvers } from "../__generated__/resolvers-types.ts";

export const Artist: ArtistResolvers = {
  tours: (artist, args, { touring }) => touring.tours.pageOfArtist(artist.id, args),
};
