import type { AvailabilityIntervalResolvers } from "../__generated__/resolvers-types.ts";
import { venueLocalTime } from "../domain/index.ts";

export const AvailabilityInterval: AvailabilityIntervalResolvers = {
  startsAt: (interval) => interval.range.start.toISOString(),
  endsAt: (interval) => interval.range.end.toISOString(),
  startsAtLocal: (interval) => venueLocalTime(interval.range.start, interval.venueTimeZone),
  endsAtLocal: (interval) => venueLocalTime(interval.range.end, interval.venueTimeZone),
  booking: (interval, _, { venue }) => (interval.bookingId === null ? null : venue.bookings.bookingById.load(interval.bookingId)),
};
