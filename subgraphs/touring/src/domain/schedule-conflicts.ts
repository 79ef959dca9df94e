// Items of a day's schedule that cannot both happen as planned: two spans that overlap
// (a soundcheck running into doors), or a moment inside a span (curfew during the set).
// Moments never clash with each other, and a hotel stay spans the night around
// everything else, so it clashes with nothing.

export interface TimedItem {
  id: string;
  kind: string;
  startsAt: Date;
  /** Null for a moment (doors, curfew). */
  endsAt: Date | null;
}

export interface ScheduleConflict {
  firstId: string;
  secondId: string;
}

/** Every clashing pair, the earlier-starting item first, in start order. */
export function scheduleConflicts(items: readonly TimedItem[]): ScheduleConflict[] {
  const timed = items.filter((item) => item.kind !== "HOTEL").sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return timed.flatMap((first, index) => timed.slice(index + 1).filter((second) => clash(first, second)).map((second) => ({ firstId: first.id, secondId: second.id })));
}

function clash(a: TimedItem, b: TimedItem): boolean {
  const [aStart, aEnd] = span(a);
  const [bStart, bEnd] = span(b);
  if (aStart === aEnd && bStart === bEnd) return false;
  if (aStart === aEnd) return bStart < aStart && aStart < bEnd;
  if (bStart === bEnd) return aStart < bStart && bStart < aEnd;
  return aStart < bEnd && bStart < aEnd;
}

function span(item: TimedItem): [number, number] {
  const start = item.startsAt.getTime();
  return [start, item.endsAt?.getTime() ?? start];
}
