// Keyset pagination: a row's cursor carries its sort value and its id, which breaks ties,
// so pages stay stable while rows are added. What the sort value is (a day, an instant, a
// name, a version number) is each list's own; the pair, and the id in it, are the same
// in every list.
import { textProblem } from "../graphql/text-integrity.ts";
import { calendarDateProblem, isoInstantProblem } from "../time/calendar-range.ts";
import { isUuid } from "./ids.ts";

export type SortKey = readonly [sortValue: string, id: string];

/** The guard of the cursors of a list whose sort values pass `isSortValue`. */
export function sortKeyGuard(isSortValue: (value: string) => boolean): (value: unknown) => value is SortKey {
  return (value): value is SortKey =>
    Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && isSortValue(value[0]) && typeof value[1] === "string" && isUuid(value[1]);
}

const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

// A cursor is opaque to clients but not unforgeable: its sort value reaches SQL, so it
// must pass the same checks as the text and dates the API accepts anywhere else.

/** A cursor of a list sorted on text, such as a name. */
export const isTextKey = sortKeyGuard((value) => textProblem(value) === null);

/** A cursor of a list sorted on an instant, written as `Date#toISOString` writes it. */
export const isInstantKey = sortKeyGuard((value) => instant.test(value) && isoInstantProblem(value) === null);

/** A cursor of a list sorted on a calendar day (YYYY-MM-DD). */
export const isDayKey = sortKeyGuard((value) => calendarDateProblem(value) === null);

/** Prisma's ordering for a newest-first list sorted on `field`. */
export function newestFirst<Field extends string>(field: Field) {
  return [{ [field]: "desc" } as Record<Field, "desc">, { id: "desc" as const }];
}

/** The rows after `key` in a newest-first list sorted on `field`, a day or instant column. */
export function newestFirstAfter<Field extends string>(field: Field, [value, id]: SortKey) {
  const at = new Date(value);
  return { OR: [{ [field]: { lt: at } } as Record<Field, { lt: Date }>, { ...({ [field]: at } as Record<Field, Date>), id: { lt: id } }] };
}
