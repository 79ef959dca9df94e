// The hold queue of one venue, read and rewritten inside a transaction. Every change to
// the queue (a new hold, a release, a confirmation, a cancelled booking) first locks the
// venue's row, so changes to one venue's queue run one after another and each sees the
// last one's result: two concurrent holds never get the same rank. The exclusion
// constraints on the block tables back this up should anything write around it.
import { isUuid, notFound } from "@marquee/kit";
import { Prisma } from "../__generated__/prisma/client.ts";
import { blocksOf, rerank, type Claim, type QueuedHold, type SpaceBlock, type TimeRange } from "../domain/index.ts";
import { spaceRecord, venueRecord, type SpaceRecord, type VenueRecord } from "./records.ts";
import type { VenueTransaction } from "./venue-database.ts";

/** Generous limits: under a burst of requests for one venue, each waits its turn for the lock. */
export const queueTransaction = { maxWait: 30_000, timeout: 30_000 } as const;

/** The venue, locked until the transaction ends. */
export async function lockVenue(tx: VenueTransaction, companyId: string, venueId: string): Promise<VenueRecord> {
  await tx.$queryRaw(Prisma.sql`SELECT id FROM "venue"."venue" WHERE company_id = ${companyId}::uuid AND id = ${venueId}::uuid FOR UPDATE`);
  const venue = await tx.venue.findFirst({ where: { companyId, id: venueId } });
  if (!venue) throw notFound(`There is no venue "${venueId}".`, { id: venueId });
  return venueRecord(venue);
}

export async function spaceIn(tx: VenueTransaction, companyId: string, spaceId: string): Promise<SpaceRecord | null> {
  if (!isUuid(spaceId)) return null;
  const row = await tx.space.findFirst({ where: { companyId, id: spaceId }, include: { parts: { include: { part: true } } } });
  return row && spaceRecord(row);
}

/** What a hold or booking of `space` over `range` claims, as rows of a block table. */
export function blockRows(space: SpaceRecord, range: TimeRange): { spaceId: string; blockedFrom: Date; blockedUntil: Date }[] {
  return blocksOf(space, range).map((block) => ({ spaceId: block.spaceId, blockedFrom: block.range.start, blockedUntil: block.range.end }));
}

const asBlocks = (rows: { spaceId: string; blockedFrom: Date; blockedUntil: Date }[]): SpaceBlock[] =>
  rows.map((row) => ({ spaceId: row.spaceId, range: { start: row.blockedFrom, end: row.blockedUntil } }));

/** The venue's active holds with what they claim, in any order. */
export async function activeHolds(tx: VenueTransaction, companyId: string, venueId: string): Promise<QueuedHold[]> {
  const holds = await tx.hold.findMany({ where: { companyId, venueId, status: "ACTIVE" }, include: { blocks: true } });
  return holds.map((hold) => ({ id: hold.id, rank: hold.rank, createdAt: hold.createdAt, blocks: asBlocks(hold.blocks) }));
}

/** The venue's confirmed bookings that claim anything between the first and last of `claims`. */
export async function confirmedBookings(tx: VenueTransaction, companyId: string, venueId: string, claims: readonly Claim[]): Promise<Claim[]> {
  const ranges = claims.flatMap((claim) => claim.blocks.map((block) => block.range));
  if (ranges.length === 0) return [];
  const from = new Date(Math.min(...ranges.map((range) => range.start.getTime())));
  const until = new Date(Math.max(...ranges.map((range) => range.end.getTime())));
  const rows = await tx.bookingBlock.findMany({
    where: { companyId, status: "CONFIRMED", booking: { venueId }, blockedFrom: { lt: until }, blockedUntil: { gt: from } },
  });
  const byBooking = new Map<string, typeof rows>();
  for (const row of rows) byBooking.set(row.bookingId, [...(byBooking.get(row.bookingId) ?? []), row]);
  return [...byBooking.values()].map((blocks) => ({ blocks: asBlocks(blocks) }));
}

/**
 * Moves every active hold of the venue up the queue as far as the holds and bookings
 * ahead of it allow. Ranks only fall, and they are written in queue order, so no write
 * ever meets a hold still holding the rank it moves to.
 */
export async function promoteHolds(tx: VenueTransaction, companyId: string, venueId: string): Promise<void> {
  const holds = await activeHolds(tx, companyId, venueId);
  const bookings = await confirmedBookings(tx, companyId, venueId, holds);
  const current = new Map(holds.map((hold) => [hold.id, hold.rank]));
  for (const { id, rank } of rerank(holds, bookings)) {
    if (current.get(id) !== rank) await tx.hold.updateMany({ where: { companyId, id }, data: { rank } });
  }
}
