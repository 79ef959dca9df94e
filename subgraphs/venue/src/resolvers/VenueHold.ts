import type { VenueHoldResolvers } from "../__generated__/resolvers-types.ts";
import { atVenue } from "./local-time.ts";

export const VenueHold: VenueHoldResolvers = {
  venue: (hold, _, { venue }) => venue.venues.venueById.load(hold.venueId).then((found) => found!),
  space: (hold, _, { venue }) => venue.venues.spaceById.load(hold.spaceId).then((space) => space!),
  event: (hold) => ({ id: hold.eventId }),
  startsAt: (hold) => hold.start.toISOString(),
  endsAt: (hold) => hold.end.toISOString(),
  startsAtLocal: (hold, _, context) => atVenue(context, hold.venueId, hold.start),
  endsAtLocal: (hold, _, context) => atVenue(context, hold.venueId, hold.end),
};
