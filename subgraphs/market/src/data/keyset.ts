// Keyset cursors of Market's lists: a row's cursor carries its sort value and its id, which
// breaks ties, so pages stay stable while rows are added. Deals and contracts list newest
// first by creation instant; a deal's history lists oldest first by version number.
import { isUuid } from "./ids.ts";

export type SortKey = readonly [sortValue: string, id: string];

const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const versionNumber = /^[1-9]\d{0,8}$/;

const keyOf = (value: unknown, sortValue: (text: string) => boolean): value is SortKey =>
  Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && sortValue(value[0]) && typeof value[1] === "string" && isUuid(value[1]);

/** A cursor of a newest-first list: [created at, id]. */
export const isInstantKey = (value: unknown): value is SortKey => keyOf(value, (text) => instant.test(text) && !Number.isNaN(Date.parse(text)));

/** A cursor of a deal's history: [version number, id]. */
export const isVersionKey = (value: unknown): value is SortKey => keyOf(value, (text) => versionNumber.test(text));

export const newestFirst = [{ createdAt: "desc" as const }, { id: "desc" as const }];

/** The rows after `key` in a newest-first list. */
export function createdBefore([value, id]: SortKey) {
  const at = new Date(value);
  return { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: id } }] };
}
