// The queue of holds, as venues run it: the first hold on a date has first right to book
// it, the second takes over if the first is released, and so on. Two holds compete when
// they claim a common physical space at overlapping times (turnarounds included). A
// confirmed booking stands ahead of every hold it competes with.
//
// A hold's rank is one more than the highest rank among the competitors ahead of it in
// the queue (a booking counting as rank 1). A new hold joins the back of the queue; when
// a hold or booking leaves, recomputing the ranks in queue order moves the ones behind it
// up and never moves a hold down or past a competitor that was ahead of it.
import { overlaps } from "./time-range.ts";
import type { SpaceBlock } from "./space-blocks.ts";

export interface QueuedHold {
  id: string;
  rank: number;
  /** Ties in rank (holds that do not compete) are ordered by age, oldest first. */
  createdAt: Date;
  blocks: readonly SpaceBlock[];
}

export interface Claim {
  blocks: readonly SpaceBlock[];
}

export function competes(a: Claim, b: Claim): boolean {
  return a.blocks.some((mine) => b.blocks.some((theirs) => mine.spaceId === theirs.spaceId && overlaps(mine.range, theirs.range)));
}

/** The rank a new hold takes: at the back of the queue of everything it competes with. */
export function rankOfNewHold(newHold: Claim, activeHolds: readonly QueuedHold[], bookings: readonly Claim[]): number {
  const ahead = [...bookings.filter((booking) => competes(newHold, booking)).map(() => 1), ...activeHolds.filter((hold) => competes(newHold, hold)).map((hold) => hold.rank)];
  return Math.max(0, ...ahead) + 1;
}

/** Every active hold's rank after the queue changed, in queue order (the order to write them in). */
export function rerank(activeHolds: readonly QueuedHold[], bookings: readonly Claim[]): { id: string; rank: number }[] {
  const queue = [...activeHolds].sort((a, b) => a.rank - b.rank || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const ranked: (QueuedHold & { newRank: number })[] = [];
  for (const hold of queue) {
    const ahead = [
      ...bookings.filter((booking) => competes(hold, booking)).map(() => 1),
      ...ranked.filter((other) => competes(hold, other)).map((other) => other.newRank),
    ];
    ranked.push({ ...hold, newRank: Math.max(0, ...ahead) + 1 });
  }
  return ranked.map((hold) => ({ id: hold.id, rank: hold.newRank }));
}
