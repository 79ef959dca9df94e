// Tours list newest first: a tour's cursor carries its creation instant and its id,
// which breaks ties, so pages stay stable while tours are added.
import { isUuid } from "./ids.ts";
import type { TourRecord } from "./records.ts";

export type TourKey = readonly [createdAt: string, id: string];

export function isTourKey(value: unknown): value is TourKey {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === "string" &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value[0]) &&
    !Number.isNaN(Date.parse(value[0])) &&
    typeof value[1] === "string" &&
    isUuid(value[1])
  );
}

export const tourKeyOf = (tour: TourRecord): TourKey => [tour.createdAt, tour.id];

/** Whether `tour` comes after `key` in the newest-first order. */
export function comesAfter(tour: TourRecord, [createdAt, id]: TourKey): boolean {
  return tour.createdAt < createdAt || (tour.createdAt === createdAt && tour.id < id);
}

/** The Prisma condition for the tours after `key`. */
export function toursAfter([createdAt, id]: TourKey) {
  const at = new Date(createdAt);
  return { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: id } }] };
}

export const newestFirst = [{ createdAt: "desc" as const }, { id: "desc" as const }];
