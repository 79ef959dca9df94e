// The stops of the company's tours, in each tour's order. A tour's stops change one
// request at a time (the tour row is locked), and positions stay 0..n-1 without gaps:
// every change renumbers the tour in one statement, which the deferrable unique
// (tour, position) constraint checks once the statement is done.
import DataLoader from "dataloader";
import { badUserInput, isUuid, notFound, rowsPerKey, RuleViolation, type Tenant } from "@marquee/kit";
import type { StopKind } from "../__generated__/prisma/client.ts";
import { dateColumn, tourStopRecord, type Place, type TourRecord, type TourStopRecord } from "./records.ts";
import type { TourRepository } from "./tour-repository.ts";
import type { TouringPrisma, TouringTransaction } from "./touring-database.ts";

/** A validated stop, ready to be written; a SHOW's event already checked in Base. */
export interface StopDraft {
  kind: StopKind;
  eventId: string | null;
  dateFixed: boolean;
  day: string | null;
  place: Place | null;
  notes: string | null;
}

/** Changes to a stop, already checked against its kind; a field left undefined keeps its value. */
export interface StopChanges {
  dateFixed?: boolean;
  day?: string | null;
  place?: Place | null;
  notes?: string | null;
}

const noPlace = { city: null, country: null, latitude: null, longitude: null, timeZone: null };

/**
 * The most stops a tour holds: ten months of day-slots (a longer run is planned as several
 * tours). It bounds what reading one tour costs a request: its shows are one batch read
 * of Base, its routing weighs every pair of its stops.
 */
export const maxStopsPerTour = 300;

export type StopRepository = ReturnType<typeof createStopRepository>;

export function createStopRepository(prisma: TouringPrisma, { companyId }: Tenant, tours: TourRepository) {
  const unknown = (id: string) => notFound(`There is no tour stop "${id}".`, { id });

  async function stopsOf(tx: TouringTransaction, tourId: string): Promise<string[]> {
    const rows = await tx.tourStop.findMany({ where: { companyId, tourId }, orderBy: { position: "asc" }, select: { id: true } });
    return rows.map((row) => row.id);
  }

  /** Gives the tour's stops the positions of `order`, 0..n-1. */
  async function renumber(tx: TouringTransaction, tourId: string, order: readonly string[]): Promise<void> {
    await tx.$executeRaw`
      UPDATE "touring"."tour_stop" AS "stop" SET "position" = ("numbered"."ordinal" - 1)::int
      FROM unnest(${[...order]}::uuid[]) WITH ORDINALITY AS "numbered"("id", "ordinal")
      WHERE "stop"."id" = "numbered"."id" AND "stop"."company_id" = ${companyId}::uuid AND "stop"."tour_id" = ${tourId}::uuid`;
  }

  function assertPosition(position: number, count: number): void {
    if (!Number.isInteger(position) || position < 0 || position > count) {
      throw badUserInput(`position must be between 0 and ${count} (got ${position}).`, { field: "position" });
    }
  }

  async function existing(tx: TouringTransaction, id: string): Promise<TourStopRecord> {
    const row = isUuid(id) ? await tx.tourStop.findFirst({ where: { id, companyId } }) : null;
    if (!row) throw unknown(id);
    return tourStopRecord(row);
  }

  const ofTour = new DataLoader(async (tourIds: readonly string[]) => {
    const rows = await prisma.tourStop.findMany({ where: { companyId, tourId: { in: tourIds.filter(isUuid) } }, orderBy: [{ tourId: "asc" }, { position: "asc" }] });
    return rowsPerKey(tourIds, rows.map(tourStopRecord), (stop) => stop.tourId);
  });

  return {
    /** Each tour's stops, in the tour's order. */
    ofTour,

    /** The stop that plays each event, if any. */
    ofEvent: new DataLoader(async (eventIds: readonly string[]) => {
      const rows = await prisma.tourStop.findMany({ where: { companyId, eventId: { in: eventIds.filter(isUuid) } } });
      const stops = new Map(rows.map((row) => [row.eventId, tourStopRecord(row)]));
      return eventIds.map((id) => stops.get(id) ?? null);
    }),

    /** Adds a stop at `position` (default: the end); the stops from there shift over. */
    async add(tourId: string, draft: StopDraft, position: number | null): Promise<TourStopRecord> {
      return prisma.$transaction(async (tx) => {
        await tours.lockedForEditing(tx, tourId);
        const order = await stopsOf(tx, tourId);
        if (order.length >= maxStopsPerTour) {
          throw new RuleViolation("TOUR_FULL", `A tour holds at most ${maxStopsPerTour} stops; this one is full. Plan the rest of the run as another tour.`, { tourId });
        }
        const at = position ?? order.length;
        assertPosition(at, order.length);
        if (draft.eventId) {
          const routed = await tx.tourStop.findFirst({ where: { companyId, eventId: draft.eventId }, select: { tourId: true, position: true } });
          if (routed) {
            throw new RuleViolation("SHOW_ALREADY_ROUTED", `Event "${draft.eventId}" is already stop ${routed.position} of tour "${routed.tourId}"; a show is routed once.`, { eventId: draft.eventId });
          }
        }
        const row = await tx.tourStop.create({
          data: {
            companyId,
            tourId,
            position: order.length,
            kind: draft.kind,
            eventId: draft.eventId,
            dateFixed: draft.dateFixed,
            day: draft.day === null ? null : dateColumn(draft.day),
            ...(draft.place ?? {}),
            notes: draft.notes,
          },
        });
        if (at < order.length) await renumber(tx, tourId, [...order.slice(0, at), row.id, ...order.slice(at)]);
        return { ...tourStopRecord(row), position: at };
      });
    },

    /** Moves a stop to `position`; the stops between shift over. Returns the stop's tour. */
    async move(id: string, position: number): Promise<TourRecord> {
      return prisma.$transaction(async (tx) => {
        const stop = await existing(tx, id);
        const tour = await tours.lockedForEditing(tx, stop.tourId);
        const order = (await stopsOf(tx, stop.tourId)).filter((stopId) => stopId !== id);
        assertPosition(position, order.length);
        await renumber(tx, stop.tourId, [...order.slice(0, position), id, ...order.slice(position)]);
        return tour;
      });
    },

    /**
     * Changes a stop with what `changesFor` makes of it as it is once its tour is locked
     * (a stop's kind never changes, so the caller may check its input against it).
     */
    async update(id: string, changesFor: (stop: TourStopRecord) => StopChanges): Promise<TourStopRecord> {
      return prisma.$transaction(async (tx) => {
        await tours.lockedForEditing(tx, (await existing(tx, id)).tourId);
        const { dateFixed, day, place, notes } = changesFor(await existing(tx, id));
        const row = await tx.tourStop.update({
          where: { id },
          data: {
            dateFixed,
            notes,
            ...(day === undefined ? {} : { day: day === null ? null : dateColumn(day) }),
            ...(place === undefined ? {} : (place ?? noPlace)),
          },
        });
        return tourStopRecord(row);
      });
    },

    /**
     * Puts the tour's stops in `order` in one statement, provided they are still `expected`, the
     * order `order` was worked out from. Returns the tour.
     */
    async reorder(tourId: string, expected: readonly string[], order: readonly string[]): Promise<TourRecord> {
      const tour = await prisma.$transaction(async (tx) => {
        const tour = await tours.lockedForEditing(tx, tourId);
        if ((await stopsOf(tx, tourId)).join() !== expected.join()) {
          throw badUserInput("The tour's stops changed while its new order was worked out; ask again.", { tourId });
        }
        await renumber(tx, tourId, order);
        return tour;
      });
      // The stops this request read before the change are in their old order.
      ofTour.clear(tourId);
      return tour;
    },

    /** Removes a stop; the later stops move up. Returns the stop's tour. */
    async remove(id: string): Promise<TourRecord> {
      return prisma.$transaction(async (tx) => {
        const stop = await existing(tx, id);
        const tour = await tours.lockedForEditing(tx, stop.tourId);
        await tx.tourStop.deleteMany({ where: { id, companyId } });
        await renumber(tx, stop.tourId, await stopsOf(tx, stop.tourId));
        return tour;
      });
    },
  };
}
