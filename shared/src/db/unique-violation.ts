// A write that a unique index refused, recognised by the index's name, so that a module can
// turn the race its own pre-check cannot see (two requests writing the same key at once)
// into the same clear refusal as the pre-check. Prisma reports it as P2002; the driver
// adapters (PostgreSQL and PGlite) carry the database's message, which names the index.
export function isUniqueViolation(error: unknown, indexName: string): boolean {
  if (typeof error !== "object" || error === null || (error as { code?: unknown }).code !== "P2002") return false;
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalMessage?: unknown; constraint?: { index?: unknown } } } } }).meta?.driverAdapterError?.cause;
  return cause?.constraint?.index === indexName || (typeof cause?.originalMessage === "string" && cause.originalMessage.includes(`"${indexName}"`));
}
