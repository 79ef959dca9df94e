// Holds and bookings are both placements of an event in a space of a venue, and are
// filtered the same way: by venue, space, event and status, always within the company.
import { sameId } from "@marquee/kit";

export interface PlacementFilter<Status extends string> {
  venueId?: string | null;
  spaceId?: string | null;
  eventId?: string | null;
  status?: Status | null;
}

/** The conditions (for a Prisma `AND`) of a placement list, the company's first. */
export function placementConditions<Status extends string>(companyId: string, filter: PlacementFilter<Status>) {
  return [
    { companyId },
    ...(filter.venueId != null ? [{ venueId: sameId(filter.venueId) }] : []),
    ...(filter.spaceId != null ? [{ spaceId: sameId(filter.spaceId) }] : []),
    ...(filter.eventId != null ? [{ eventId: sameId(filter.eventId) }] : []),
    ...(filter.status ? [{ status: filter.status }] : []),
  ];
}
