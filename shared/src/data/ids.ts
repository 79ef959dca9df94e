// Every id a module gives out is a uuid, written as PostgreSQL writes one: lower case.
// Ids arrive as GraphQL `ID`s, so anything may come; whatever else a caller sends is an id
// that exists nowhere. It must read exactly like an unknown id, without asking the
// database, which would refuse to compare it with a uuid column (a type error, not
// "unknown") or, for an upper-case spelling, match a row under an id never given out.
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether `id` can name a row at all: a uuid as the database writes it. */
export function isUuid(id: string): boolean {
  return uuid.test(id);
}

/** The uuids among `ids`: the others name nothing. */
export function uuidsOf(ids: readonly string[]): string[] {
  return ids.filter(isUuid);
}

/** A Prisma condition on a uuid column: equal to `id`, or matching nothing when `id` is no uuid. */
export function sameId(id: string): string | { in: string[] } {
  return isUuid(id) ? id : { in: [] };
}
