// The company's tours. Every statement is scoped to the caller's company, so an id from
// another company reads and writes exactly like an unknown one; what can be resolved for
// many parents at once (a stop's tour, an artist's tours) is batched per request.
import DataLoader from "dataloader";
import { isInstantKey, isUuid, newestFirst, newestFirstAfter, notFound, pageRequest, rowPerKey, rowsPerKey, toConnection, type Connection, type PageArgs, type Tenant } from "@marquee/kit";
import { assertTourDeletable, assertTourEditable, assertTourTransition, type TourStatus } from "../domain/tour-lifecycle.ts";
import { tourRecord, type TourRecord } from "./records.ts";
import { comesAfter, tourKeyOf } from "./tour-keyset.ts";
import type { TouringPrisma, TouringTransaction } from "./touring-database.ts";

export interface TourFilter {
  artistId?: string | null;
  status?: TourStatus | null;
}

/** A validated new tour; its artist already checked in Base. */
export interface TourDraft {
  artistId: string;
  name: string;
  dailyDriveLimitKm: number;
}

export type TourRepository = ReturnType<typeof createTourRepository>;

export function createTourRepository(prisma: TouringPrisma, { companyId, userId }: Tenant) {
  const unknown = (id: string) => notFound(`There is no tour "${id}".`, { id });

  const byId = new DataLoader(async (ids: readonly string[]) => {
    const rows = await prisma.tour.findMany({ where: { companyId, id: { in: ids.filter(isUuid) } } });
    return rowPerKey(ids, rows.map(tourRecord), (tour) => tour.id);
  });

  /** Every tour of each artist, newest first: an artist has tens of tours, never thousands. */
  const allOfArtist = new DataLoader(async (artistIds: readonly string[]) => {
    const rows = await prisma.tour.findMany({ where: { companyId, artistId: { in: artistIds.filter(isUuid) } }, orderBy: newestFirst("createdAt") });
    return rowsPerKey(artistIds, rows.map(tourRecord), (tour) => tour.artistId);
  });

  /** The tour, locked until the transaction ends: stops and items of one tour change one request at a time. */
  async function locked(tx: TouringTransaction, id: string): Promise<TourRecord> {
    const tour = isUuid(id) ? await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text FROM "touring"."tour" WHERE "id" = ${id}::uuid AND "company_id" = ${companyId}::uuid FOR UPDATE` : [];
    if (tour.length === 0) throw unknown(id);
    return tourRecord(await tx.tour.findFirstOrThrow({ where: { id, companyId } }));
  }

  /** The tour, locked for the transaction, if it, its stops and its schedule may still change. */
  async function lockedForEditing(tx: TouringTransaction, id: string): Promise<TourRecord> {
    const tour = await locked(tx, id);
    assertTourEditable(tour);
    return tour;
  }

  return {
    find: (id: string): Promise<TourRecord | null> => byId.load(id),

    /** The tour, or NOT_FOUND naming the id. */
    async existing(id: string): Promise<TourRecord> {
      const tour = await byId.load(id);
      if (!tour) throw unknown(id);
      return tour;
    },

    lockedForEditing,

    async list(filter: TourFilter, args: PageArgs): Promise<Connection<TourRecord>> {
      const page = pageRequest(args, isInstantKey);
      if (filter.artistId != null && !isUuid(filter.artistId)) return toConnection([], page.take, tourKeyOf);
      const rows = await prisma.tour.findMany({
        where: {
          AND: [
            { companyId },
            ...(filter.artistId != null ? [{ artistId: filter.artistId }] : []),
            ...(filter.status ? [{ status: filter.status }] : []),
            ...(page.after ? [newestFirstAfter("createdAt", page.after)] : []),
          ],
        },
        orderBy: newestFirst("createdAt"),
        take: page.take + 1,
      });
      return toConnection(rows.map(tourRecord), page.take, tourKeyOf);
    },

    /** A page of an artist's tours, newest first, batched with every other artist of the request. */
    async pageOfArtist(artistId: string, args: PageArgs): Promise<Connection<TourRecord>> {
      const page = pageRequest(args, isInstantKey);
      const tours = await allOfArtist.load(artistId);
      const after = page.after;
      const rest = after ? tours.filter((tour) => comesAfter(tour, after)) : tours;
      return toConnection(rest.slice(0, page.take + 1), page.take, tourKeyOf);
    },

    async create(draft: TourDraft): Promise<TourRecord> {
      const row = await prisma.tour.create({ data: { companyId, createdBy: userId, ...draft } });
      return tourRecord(row);
    },

    /** Changes the fields given (undefined keeps a field); a completed or cancelled tour stays as it ended. */
    async update(id: string, changes: { name?: string; dailyDriveLimitKm?: number }): Promise<TourRecord> {
      return prisma.$transaction(async (tx) => {
        await lockedForEditing(tx, id);
        const updated = tourRecord(await tx.tour.update({ where: { id }, data: changes }));
        byId.clear(id);
        return updated;
      });
    },

    /** Moves the tour to `status` if its lifecycle allows it from the status it has when written. */
    async changeStatus(id: string, status: TourStatus): Promise<TourRecord> {
      return prisma.$transaction(async (tx) => {
        const tour = await locked(tx, id);
        assertTourTransition(tour, status);
        return tourRecord(await tx.tour.update({ where: { id }, data: { status } }));
      });
    },

    /** Deletes the tour if its lifecycle allows it; its stops and schedule items go with it (ON DELETE CASCADE). */
    async delete(id: string): Promise<TourRecord> {
      return prisma.$transaction(async (tx) => {
        const tour = await locked(tx, id);
        assertTourDeletable(tour);
        await tx.tour.deleteMany({ where: { id, companyId } });
        byId.clear(id);
        return tour;
      });
    },
  };
}
