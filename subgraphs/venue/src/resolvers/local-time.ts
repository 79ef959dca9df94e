// Holds and bookings show their times as the venue's clock shows them; the venue (and its
// time zone) comes through the request's loader, so a list of them reads it once.
import { formatLocalIso } from "@marquee/kit";
import type { VenueContext } from "../context.ts";

export async function atVenue({ venue }: VenueContext, venueId: string, instant: Date): Promise<string> {
  const place = await venue.venues.venueById.load(venueId);
  if (!place) throw new Error(`Venue ${venueId} of a stored hold or booking is missing.`);
  return formatLocalIso(instant, place.timeZone);
}
