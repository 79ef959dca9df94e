// Venue's fields on Base's Event. The gateway asks for them for many events at once, so
// each goes through a per-request loader: one statement for any number of events.
import type { EventResolvers } from "../__generated__/resolvers-types.ts";

export const Event: EventResolvers = {
  venueBooking: (event, _, { venue }) => venue.bookings.confirmedOfEvent.load(event.id),
  venueHolds: (event, _, { venue }) => venue.holds.activeOfEvent.load(event.id),
};
