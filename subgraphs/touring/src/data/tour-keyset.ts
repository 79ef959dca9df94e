// Tours list newest first: a tour's cursor carries its creation instant and its id,
// which breaks ties, so pages stay stable while tours are added. An artist's tours are
// paged in memory (an artist has tens of them), so the order is also written out here.
import type { SortKey } from "@marquee/kit";
import type { TourRecord } from "./records.ts";

export const tourKeyOf = (tour: TourRecord): SortKey => [tour.createdAt, tour.id];

/** Whether `tour` comes after `key` in the newest-first order. */
export function comesAfter(tour: TourRecord, [createdAt, id]: SortKey): boolean {
  return tour.createdAt < createdAt || (tour.createdAt === createdAt && tour.id < id);
}
