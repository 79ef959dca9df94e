import { isInstantKey, pageRequest } from "@marquee/kit";
import type { ArtistResolvers } from "../__generated__/resolvers-types.ts";

export const Artist: ArtistResolvers = {
  // Other modules' references, batched: one statement per batch, scoped to the caller's company.
  __resolveReference: ({ id }, { data }) => data.loaders.artistById.load(id),
  events: ({ id }, { first, after }, { data }) => data.loaders.eventsOfArtist.load({ artistId: id, page: pageRequest({ first, after }, isInstantKey) }),
};
