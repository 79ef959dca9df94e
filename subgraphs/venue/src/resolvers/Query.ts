import type { QueryResolvers } from "../__generated__/resolvers-types.ts";

export const Query: QueryResolvers = {
  venues: (_, args, { venue }) => venue.venues.list(args),
  venue: (_, { id }, { venue }) => venue.venues.venueById.load(id),
  venueHolds: (_, { filter, first, after }, { venue }) => venue.holds.list(filter ?? {}, { first, after }),
  venueHold: (_, { id }, { venue }) => venue.holds.find(id),
  venueBookings: (_, { filter, first, after }, { venue }) => venue.bookings.list(filter ?? {}, { first, after }),
  venueBooking: (_, { id }, { venue }) => venue.bookings.find(id),
  venueAvailability: (_, { venueId, from, to, spaceId }, { venue }) => venue.availability.ofVenue(venueId, from, to, spaceId ?? null),
};
