import type { VenueResolvers } from "../__generated__/resolvers-types.ts";

export const Venue: VenueResolvers = {
  spaces: (venue, _, context) => context.venue.venues.spacesOfVenue.load(venue.id),
};
