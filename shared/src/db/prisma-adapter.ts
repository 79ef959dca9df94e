// The Prisma 7 driver adapter for a database target: Prisma's client is Rust-free and
// reaches the database only through such an adapter.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { DatabaseTarget } from "./database-target.ts";

/**
 * The adapter factory to pass as `new PrismaClient({ adapter })`. `schema` is the
 * owner's PostgreSQL schema; it only matters for queries the client does not qualify
 * itself. Models declared with `@@schema` are always qualified, which is also why the
 * PGlite adapter, which has no such option, needs none.
 */
export function createPrismaAdapter(target: DatabaseTarget, schema: string): PrismaPg | PrismaPGlite {
  switch (target.kind) {
    case "postgres": {
      // The pool is made here rather than by the adapter, so that its sizes can be read;
      // the adapter still ends it when the client disconnects.
      const pool = new pg.Pool({ connectionString: target.url, max: poolSizeOf(target.url) });
      target.observePool?.(pool, schema);
      return new PrismaPg(pool, { schema, disposeExternalPool: true });
    }
    case "embedded":
      return new PrismaPGlite(target.pglite);
  }
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
