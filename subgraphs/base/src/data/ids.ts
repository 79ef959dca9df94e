const canonicalUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Whether `id` can name a row at all. Ids arrive as GraphQL `ID`s, so anything may
 * come; Base gives out ids as lower-case UUIDs only, and anything else is treated
 * exactly like an unknown id, without asking the database (which would refuse to
 * compare a non-UUID with a uuid column, or match an id Base never gave out).
 */
export function isRowId(id: string): boolean {
  return canonicalUuid.test(id);
}
