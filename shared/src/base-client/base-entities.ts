// Events and artists are Base's (spec §5.1): only Base can say whether an id names one in
// the caller's company, so an id a caller gives a module is checked there before the
// module keeps it.
import { isUuid } from "../data/ids.ts";
import { badUserInput } from "../errors/errors.ts";
import type { BaseEntityType, BaseReader } from "./base-reader.ts";

/** Refuses, as BAD_USER_INPUT naming the id, the first of `ids` that names no `type` in the caller's company. */
export async function assertExistInBase(base: BaseReader, type: BaseEntityType, ids: readonly string[]): Promise<void> {
  // An id that is no uuid names nothing: Base need not be asked about it.
  const asked = ids.filter(isUuid);
  const existing = asked.length === 0 ? new Set<string>() : await base.existing(type, asked);
  const missing = ids.find((id) => !existing.has(id));
  if (missing !== undefined) throw badUserInput(`There is no ${type.toLowerCase()} "${missing}" in this company.`, { type, id: missing });
}
