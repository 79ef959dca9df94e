import type { VenueSpaceResolvers } from "../__generated__/resolvers-types.ts";
import type { SpaceRecord } from "../data/records.ts";

export const VenueSpace: VenueSpaceResolvers = {
  venue: (space, _, { venue }) => venue.venues.venueById.load(space.venueId).then((found) => found!),
  isCombination: (space) => space.parts.length > 0,
  parts: async (space, _, { venue }) => (await venue.venues.spaceById.loadMany(space.parts.map((part) => part.id))).filter((part): part is SpaceRecord => part !== null && !(part instanceof Error)),
  partOf: (space, _, { venue }) => venue.venues.combinationsOfSpace.load(space.id),
  layouts: (space, _, { venue }) => venue.layouts.layoutsOfSpace.load(space.id),
};
