// A space's turnaround is part of every block its holds and bookings claim (and of the
// blocks of the combinations it is part of). When it changes, the blocks of the holds and
// bookings that have not ended yet are recomputed in the same transaction, under the
// venue's lock: a longer turnaround may make two bookings overlap, which the exclusion
// constraint refuses (the whole change is then rolled back), and may make holds compete
// that did not, which the queue absorbs by re-ranking. Past holds and bookings keep the
// blocks they were made with.
import { blocksOf, rerank, type SpaceBlock } from "../domain/index.ts";
import { spaceRecord, type SpaceRecord } from "./records.ts";
import { activeHolds, blockRows, confirmedBookings } from "./venue-queue.ts";
import type { VenueTransaction } from "./venue-database.ts";

export async function reblockAfterTurnaroundChange(tx: VenueTransaction, companyId: string, venueId: string, spaceId: string, now: Date): Promise<void> {
  const combinations = await tx.spacePart.findMany({ where: { companyId, partId: spaceId } });
  const spaceRows = await tx.space.findMany({
    where: { companyId, id: { in: [spaceId, ...combinations.map((link) => link.combinationId)] } },
    include: { parts: { include: { part: true } } },
  });
  const spaces = new Map(spaceRows.map((row): [string, SpaceRecord] => [row.id, spaceRecord(row)]));
  const concerned = { companyId, spaceId: { in: [...spaces.keys()] }, endsAt: { gt: now } };

  const bookings = await tx.booking.findMany({ where: { ...concerned, status: "CONFIRMED" } });
  await tx.bookingBlock.deleteMany({ where: { companyId, bookingId: { in: bookings.map((booking) => booking.id) } } });
  await tx.bookingBlock.createMany({
    data: bookings.flatMap((booking) =>
      blockRows(spaces.get(booking.spaceId)!, { start: booking.startsAt, end: booking.endsAt }).map((block) => ({ companyId, bookingId: booking.id, status: "CONFIRMED" as const, ...block })),
    ),
  });

  const holds = await tx.hold.findMany({ where: { ...concerned, status: "ACTIVE" } });
  const reblocked = new Map(holds.map((hold): [string, SpaceBlock[]] => [hold.id, blocksOf(spaces.get(hold.spaceId)!, { start: hold.startsAt, end: hold.endsAt })]));
  const queue = (await activeHolds(tx, companyId, venueId)).map((hold) => ({ ...hold, blocks: reblocked.get(hold.id) ?? hold.blocks }));
  const ranks = rerank(queue, await confirmedBookings(tx, companyId, venueId, queue));

  // Only the holds whose rank or blocks change are rewritten: their blocks go first, so
  // no rank update meets a block still claiming the old ranges, and the new blocks are
  // written once every rank is final.
  const byId = new Map(queue.map((hold) => [hold.id, hold]));
  const changed = ranks.filter(({ id, rank }) => reblocked.has(id) || byId.get(id)!.rank !== rank);
  await tx.holdBlock.deleteMany({ where: { companyId, holdId: { in: changed.map((hold) => hold.id) } } });
  for (const { id, rank } of changed) {
    if (byId.get(id)!.rank !== rank) await tx.hold.updateMany({ where: { companyId, id }, data: { rank } });
  }
  await tx.holdBlock.createMany({
    data: changed.flatMap(({ id, rank }) =>
      byId.get(id)!.blocks.map((block) => ({ companyId, holdId: id, rank, status: "ACTIVE" as const, spaceId: block.spaceId, blockedFrom: block.range.start, blockedUntil: block.range.end })),
    ),
  });
}
