import { formatLocalIso } from "@marquee/kit";
import type { AvailabilityIntervalResolvers } from "../__generated__/resolvers-types.ts";

export const AvailabilityInterval: AvailabilityIntervalResolvers = {
  startsAt: (interval) => interval.range.start.toISOString(),
  endsAt: (interval) => interval.range.end.toISOString(),
  startsAtLocal: (interval) => formatLocalIso(interval.range.start, interval.venueTimeZone),
  endsAtLocal: (interval) => formatLocalIso(interval.range.end, interval.venueTimeZone),
  booking: (interval, _, { venue }) => (interval.bookingId === null ? null : venue.bookings.bookingById.load(interval.bookingId)),
};
