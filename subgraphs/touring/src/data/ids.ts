// Touring's ids (and the Base ids it keeps) are uuids. Whatever else a caller sends is an
// id that exists nowhere: it must read as unknown, never reach the database as a type error.
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return uuid.test(value);
}
