// Keyset pagination for Venue's lists: a row's cursor carries its sort value (a name, or
// an instant) and its id, which breaks ties, so pages stay stable while rows are added.
import { isUuid } from "./ids.ts";

export type SortKey = readonly [sortValue: string, id: string];

export function isSortKey(value: unknown): value is SortKey {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string" && isUuid(value[1]);
}

/** A sort key whose value is an instant (ISO 8601). */
export function isInstantKey(value: unknown): value is SortKey {
  return isSortKey(value) && !Number.isNaN(Date.parse(value[0]));
}

/** Prisma's ordering for a newest-first list sorted on `field`. */
export function newestFirst<Field extends string>(field: Field) {
  return [{ [field]: "desc" } as Record<Field, "desc">, { id: "desc" as const }];
}

/** The rows after `key` in a newest-first list sorted on `field`. */
export function newestFirstAfter<Field extends string>(field: Field, [value, id]: SortKey) {
  const at = new Date(value);
  return { OR: [{ [field]: { lt: at } } as Record<Field, { lt: Date }>, { ...({ [field]: at } as Record<Field, Date>), id: { lt: id } }] };
}
