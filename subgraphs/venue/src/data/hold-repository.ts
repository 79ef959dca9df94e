// The company's holds: placed at the back of their space's queue, released with the
// holds behind them moving up. Both run under the venue's lock (venue-queue.ts).
import DataLoader from "dataloader";
import { isInstantKey, isUuid, newestFirst, newestFirstAfter, notFound, pageRequest, rowPerKey, rowsPerKey, RuleViolation, toConnection, uuidsOf, type Connection, type PageArgs, type SortKey, type Tenant } from "@marquee/kit";
import type { HoldStatus } from "../__generated__/prisma/client.ts";
import { blocksOf, rankOfNewHold, type TimeRange } from "../domain/index.ts";
import { holdRecord, type HoldRecord } from "./records.ts";
import { activeHolds, blockRows, confirmedBookings, lockVenue, promoteHolds, queueTransaction, spaceIn } from "./venue-queue.ts";
import { placementConditions, type PlacementFilter } from "./placement-filter.ts";
import type { VenuePrisma } from "./venue-database.ts";

export interface HoldDraft {
  spaceId: string;
  /** A Base event, already known to exist in the company. */
  eventId: string;
  range: TimeRange;
  note: string | null;
}

export type HoldFilter = PlacementFilter<HoldStatus>;

const sortKeyOf = (hold: HoldRecord): SortKey => [hold.createdAt.toISOString(), hold.id];

export type HoldRepository = ReturnType<typeof createHoldRepository>;

export function createHoldRepository(prisma: VenuePrisma, { companyId, userId }: Tenant) {
  const unknown = (id: string) => notFound(`There is no hold "${id}".`, { id });

  const holdById = new DataLoader(async (ids: readonly string[]) => {
    const rows = await prisma.hold.findMany({ where: { companyId, id: { in: uuidsOf(ids) } } });
    return rowPerKey(ids, rows.map(holdRecord), (hold) => hold.id);
  });

  /** Each event's active holds, first rank first. */
  const activeOfEvent = new DataLoader(async (eventIds: readonly string[]) => {
    const rows = await prisma.hold.findMany({
      where: { companyId, status: "ACTIVE", eventId: { in: uuidsOf(eventIds) } },
      orderBy: [{ rank: "asc" }, { startsAt: "asc" }, { id: "asc" }],
    });
    return rowsPerKey(eventIds, rows.map(holdRecord), (hold) => hold.eventId);
  });

  async function find(id: string): Promise<HoldRecord | null> {
    return isUuid(id) ? holdById.load(id) : null;
  }

  return {
    find,
    holdById,
    activeOfEvent,

    /** The company's holds, most recently placed first. */
    async list(filter: HoldFilter, args: PageArgs): Promise<Connection<HoldRecord>> {
      const page = pageRequest(args, isInstantKey);
      const rows = await prisma.hold.findMany({
        where: {
          AND: [...placementConditions(companyId, filter), ...(page.after ? [newestFirstAfter("createdAt", page.after)] : [])],
        },
        orderBy: newestFirst("createdAt"),
        take: page.take + 1,
      });
      return toConnection(rows.map(holdRecord), page.take, sortKeyOf);
    },

    /** Places a hold at the back of the queue of every hold and booking it competes with. */
    async place(draft: HoldDraft): Promise<HoldRecord> {
      const hold = await prisma.$transaction(async (tx) => {
        const space = await spaceIn(tx, companyId, draft.spaceId);
        if (!space) throw notFound(`There is no space "${draft.spaceId}".`, { id: draft.spaceId });
        await lockVenue(tx, companyId, space.venueId);
        const claim = { blocks: blocksOf(space, draft.range) };
        const rank = rankOfNewHold(claim, await activeHolds(tx, companyId, space.venueId), await confirmedBookings(tx, companyId, space.venueId, [claim]));
        const row = await tx.hold.create({
          data: {
            companyId,
            venueId: space.venueId,
            spaceId: space.id,
            eventId: draft.eventId,
            startsAt: draft.range.start,
            endsAt: draft.range.end,
            rank,
            note: draft.note,
            createdBy: userId,
          },
        });
        await tx.holdBlock.createMany({ data: blockRows(space, draft.range).map((block) => ({ companyId, holdId: row.id, rank, status: "ACTIVE" as const, ...block })) });
        return holdRecord(row);
      }, queueTransaction);
      holdById.prime(hold.id, hold);
      return hold;
    },

    /** Releases an active hold; the holds behind it move up. */
    async release(id: string): Promise<HoldRecord> {
      const current = await find(id);
      if (!current) throw unknown(id);
      const released = await prisma.$transaction(async (tx) => {
        await lockVenue(tx, companyId, current.venueId);
        const [row] = await tx.hold.updateManyAndReturn({
          where: { companyId, id, status: "ACTIVE" },
          data: { status: "RELEASED", closedAt: new Date(), closedBy: userId },
        });
        if (!row) {
          const now = await tx.hold.findFirstOrThrow({ where: { companyId, id } });
          throw new RuleViolation("HOLD_NOT_ACTIVE", `The hold is ${now.status}; only an ACTIVE hold can be released.`, { id, status: now.status });
        }
        await promoteHolds(tx, companyId, current.venueId);
        return holdRecord(row);
      }, queueTransaction);
      holdById.clear(id).prime(id, released);
      return released;
    },
  };
}
