// Venue's ids (and the Base event ids it keeps) are uuids. Whatever else a caller sends is
// an id that exists nowhere: it must read as unknown, never reach the database as a type error.
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return uuid.test(value);
}

/** The uuids among `ids`: the others name nothing. */
export function uuidsOf(ids: readonly string[]): string[] {
  return ids.filter(isUuid);
}
