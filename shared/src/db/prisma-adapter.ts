// The Prisma 7 driver adapter for a database target: Prisma's client is Rust-free and
// reaches the database only through such an adapter.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { DatabaseTarget } from "./database-target.ts";
import { openPostgresPool } from "./postgres-pool.ts";

/**
 * The adapter factory to pass as `new PrismaClient({ adapter })`. `schema` is the
 * owner's PostgreSQL schema; it only matters for queries the client does not qualify
 * itself. Models declared with `@@schema` are always qualified, which is also why the
 * PGlite adapter, which has no such option, needs none.
 */
export function createPrismaAdapter(target: DatabaseTarget, schema: string): PrismaPg | PrismaPGlite {
  switch (target.kind) {
    case "postgres":
      // The pool is made here rather than by the adapter, so that its sizes can be read;
      // the adapter still ends it when the client disconnects.
      return new PrismaPg(openPostgresPool(target, schema), { schema, disposeExternalPool: true });
    case "embedded":
      return new PrismaPGlite(target.pglite);
  }
}
