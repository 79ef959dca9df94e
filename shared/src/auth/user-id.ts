// One spelling per user. A token's `sub` is compared exactly by caches, logs and the Auth
// service, but PostgreSQL compares uuids (the access directory's user ids) without regard
// to case: `5E1F…` and `5e1f…` reached the same memberships while being two users
// everywhere else. UUIDs and email-like subjects are case-insensitive by nature and are
// lowercased; any other subject is an identity provider's opaque id, compared exactly as
// RFC 7519 says, and kept as it is.

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const emailLike = /^[^@\s]+@[^@\s]+$/;

/** The form of a user id that every cache key, log line and lookup uses. */
export function canonicalUserId(subject: string): string {
  return uuid.test(subject) || emailLike.test(subject) ? subject.toLowerCase() : subject;
}
