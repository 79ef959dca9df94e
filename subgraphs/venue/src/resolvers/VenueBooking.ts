import type { VenueBookingResolvers } from "../__generated__/resolvers-types.ts";
import { atVenue } from "./local-time.ts";

export const VenueBooking: VenueBookingResolvers = {
  venue: (booking, _, { venue }) => venue.venues.venueById.load(booking.venueId).then((found) => found!),
  space: (booking, _, { venue }) => venue.venues.spaceById.load(booking.spaceId).then((space) => space!),
  layout: (booking, _, { venue }) => venue.layouts.layoutById.load(booking.layoutId),
  event: (booking) => ({ id: booking.eventId }),
  hold: (booking, _, { venue }) => venue.holds.holdById.load(booking.holdId).then((hold) => hold!),
  startsAt: (booking) => booking.start.toISOString(),
  endsAt: (booking) => booking.end.toISOString(),
  startsAtLocal: (booking, _, context) => atVenue(context, booking.venueId, booking.start),
  endsAtLocal: (booking, _, context) => atVenue(context, booking.venueId, booking.end),
};
