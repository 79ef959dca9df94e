// The radius check of an offer, both ways: which of the artist's accepted shows fall
// inside the offer's radius clause, and inside which accepted shows' own clauses the
// offered show would fall. A show is inside a clause when it is within the clause's
// distance of the clause's show and within its days before or after that show.
import { greatCircleKm, type GeoPoint } from "@marquee/kit";
import type { RadiusClause } from "./offer-terms.ts";

/** A show as the radius check sees it: where and when. */
export interface Show {
  readonly location: GeoPoint;
  readonly startsAt: Date;
}

export interface RadiusConflict<Other> {
  readonly other: Other;
  /** Great-circle distance, rounded to 0.1 km. */
  readonly distanceKm: number;
  /** Days from the offered show to the other, to the nearest whole day (negative: the other comes first). */
  readonly daysApart: number;
}

const dayMs = 86_400_000;

/**
 * The other shows inside the clause around `offered`, nearest in time first. The days
 * are counted between start instants: a show starting 30 days and 2 hours later is
 * outside a 30-day clause.
 */
export function radiusConflicts<Other extends Show>(offered: Show, clause: RadiusClause, others: readonly Other[]): RadiusConflict<Other>[] {
  return nearestInTimeFirst(others.flatMap((other) => conflict(offered, other, clause.kilometres, -clause.daysBefore, clause.daysAfter)));
}

/**
 * The other shows whose own clause `offered` would breach (it falls inside their
 * distance and days around them), nearest in time first, measured from the offered show
 * like radiusConflicts's. Seen from the offered show, the other's window is mirrored:
 * its days before become days after.
 */
export function clauseBreaches<Other extends Show & { readonly clause: RadiusClause }>(offered: Show, others: readonly Other[]): RadiusConflict<Other>[] {
  return nearestInTimeFirst(others.flatMap((other) => conflict(offered, other, other.clause.kilometres, -other.clause.daysAfter, other.clause.daysBefore)));
}

/** `other` when it starts between `fromDays` and `toDays` from `offered` (negative: earlier) and within `kilometres`. */
function conflict<Other extends Show>(offered: Show, other: Other, kilometres: number, fromDays: number, toDays: number): RadiusConflict<Other>[] {
  const offsetMs = other.startsAt.getTime() - offered.startsAt.getTime();
  const distanceKm = greatCircleKm(offered.location, other.location);
  if (offsetMs < fromDays * dayMs || offsetMs > toDays * dayMs || distanceKm > kilometres) return [];
  return [{ other, distanceKm: Math.round(distanceKm * 10) / 10, daysApart: Math.round(offsetMs / dayMs) }];
}

function nearestInTimeFirst<Other>(conflicts: RadiusConflict<Other>[]): RadiusConflict<Other>[] {
  return conflicts.sort((left, right) => Math.abs(left.daysApart) - Math.abs(right.daysApart));
}
