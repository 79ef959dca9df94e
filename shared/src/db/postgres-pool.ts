// The one way a serving process opens connections to a PostgreSQL server, for its Prisma
// client and for its plain-SQL reads alike: sized from the URL, and reported to the
// process's metrics.
import pg from "pg";
import type { DatabaseTarget } from "./database-target.ts";

type PostgresTarget = Extract<DatabaseTarget, { kind: "postgres" }>;

/** A pool on the target, announced to its observer under the owner's schema. */
export function openPostgresPool(target: PostgresTarget, schema: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: target.url, max: poolSizeOf(target.url) });
  target.observePool?.(pool, schema);
  return pool;
}

/** node-postgres's own default: the connections one pool opens at most. */
const defaultPoolSize = 10;

/**
 * A pool's size, from the URL's `connection_limit` parameter (the name Prisma's URLs have
 * always given it; node-postgres ignores the parameter when it connects), so that an
 * operator can keep processes × pools under PostgreSQL's `max_connections`.
 */
export function poolSizeOf(url: string): number {
  const value = new URL(url).searchParams.get("connection_limit");
  if (value === null) return defaultPoolSize;
  const size = Number(value);
  if (!/^\d+$/.test(value) || size < 1 || size > 1000) throw new Error(`connection_limit in a database URL must be a whole number from 1 to 1000, not "${value}".`);
  return size;
}
