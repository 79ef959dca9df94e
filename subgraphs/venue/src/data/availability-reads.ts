// A venue's calendar over a run of its days: for each space, what is free, held (and by
// which holds, in rank order) and booked. Days are the venue's own, so a window starts
// and ends at the venue's midnight, whatever the daylight-saving offset.
import { addDays, badUserInput, startOfLocalDay, type Tenant } from "@marquee/kit";
import { availabilityIntervals, physicalSpacesOf, type Occupant, type TimeRange } from "../domain/index.ts";
import type { AvailabilityIntervalRecord, SpaceRecord, VenueAvailabilityRecord } from "./records.ts";
import type { VenueRepository } from "./venue-repository.ts";
import type { VenuePrisma } from "./venue-database.ts";

/** Two months: a season planner's view, and a bound on what one request reads. */
export const maxAvailabilityDays = 62;

interface BlockRow {
  spaceId: string;
  blockedFrom: Date;
  blockedUntil: Date;
}

export type AvailabilityReads = ReturnType<typeof createAvailabilityReads>;

export function createAvailabilityReads(prisma: VenuePrisma, { companyId }: Tenant, venues: VenueRepository) {
  return {
    /** Null when the company has no such venue. */
    async ofVenue(venueId: string, from: string, to: string, spaceId: string | null): Promise<VenueAvailabilityRecord | null> {
      const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
      if (days < 1) throw badUserInput(`"to" (${to}) is before "from" (${from}).`, { field: "to" });
      if (days > maxAvailabilityDays) throw badUserInput(`Ask for at most ${maxAvailabilityDays} days at a time (got ${days}).`, { field: "to" });
      const venue = await venues.venueById.load(venueId);
      if (!venue) return null;
      const allSpaces = await venues.spacesOfVenue.load(venue.id);
      const spaces = spaceId === null ? allSpaces : allSpaces.filter((space) => space.id === spaceId);
      if (spaceId !== null && spaces.length === 0) throw badUserInput(`The venue has no space "${spaceId}".`, { field: "spaceId", spaceId });

      const window = { start: startOfLocalDay(from, venue.timeZone), end: startOfLocalDay(addDays(to, 1), venue.timeZone) };
      const inWindow = { companyId, spaceId: { in: allSpaces.map((space) => space.id) }, blockedFrom: { lt: window.end }, blockedUntil: { gt: window.start } };
      const [holdBlocks, bookingBlocks] = await Promise.all([
        prisma.holdBlock.findMany({ where: { ...inWindow, status: "ACTIVE" } }),
        prisma.bookingBlock.findMany({ where: { ...inWindow, status: "CONFIRMED" } }),
      ]);

      return {
        venue,
        from,
        to,
        spaces: spaces.map((space) => {
          const holds = occupantsOf(space, holdBlocks, (block) => [block.holdId, block.rank]);
          const bookings = occupantsOf(space, bookingBlocks, (block) => [block.bookingId, null]);
          const intervals = availabilityIntervals(window, bookings, holds).map(
            (interval): AvailabilityIntervalRecord => ({
              venueTimeZone: venue.timeZone,
              state: interval.state,
              range: interval.range,
              holds: interval.state === "HELD" ? interval.occupants.map((occupant) => ({ holdId: occupant.id, rank: occupant.rank! })) : [],
              bookingId: interval.state === "BOOKED" ? interval.occupants[0]!.id : null,
            }),
          );
          return { space, intervals };
        }),
      };
    },
  };
}

/** The holds or bookings claiming any of the space's floors, each over the span of its claims there. */
function occupantsOf<Block extends BlockRow>(space: SpaceRecord, blocks: readonly Block[], identify: (block: Block) => [string, number | null]): Occupant[] {
  const floors = new Set(physicalSpacesOf(space));
  const byOccupant = new Map<string, Occupant>();
  for (const block of blocks) {
    if (!floors.has(block.spaceId)) continue;
    const [id, rank] = identify(block);
    const known = byOccupant.get(id);
    const range: TimeRange = known
      ? { start: minDate(known.range.start, block.blockedFrom), end: maxDate(known.range.end, block.blockedUntil) }
      : { start: block.blockedFrom, end: block.blockedUntil };
    byOccupant.set(id, { id, rank, range });
  }
  return [...byOccupant.values()];
}

const minDate = (a: Date, b: Date) => (a < b ? a : b);
const maxDate = (a: Date, b: Date) => (a > b ? a : b);
