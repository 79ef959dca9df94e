// The radius check of an offer: which of the artist's accepted shows fall inside the
// offer's radius clause, i.e. within its distance of the offered show's venue and within
// its days before or after the show.
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
  const earliest = offered.startsAt.getTime() - clause.daysBefore * dayMs;
  const latest = offered.startsAt.getTime() + clause.daysAfter * dayMs;
  return others
    .flatMap((other) => {
      const at = other.startsAt.getTime();
      const distanceKm = greatCircleKm(offered.location, other.location);
      if (at < earliest || at > latest || distanceKm > clause.kilometres) return [];
      return [{ other, distanceKm: Math.round(distanceKm * 10) / 10, daysApart: Math.round((at - offered.startsAt.getTime()) / dayMs) }];
    })
    .sort((left, right) => Math.abs(left.daysApart) - Math.abs(right.daysApart));
}
