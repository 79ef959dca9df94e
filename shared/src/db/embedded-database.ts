// The embedded PostgreSQL (PGlite): what every owner uses when no database URL is set.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { clusterTemplate } from "./embedded-cluster-template.ts";

// PGlite runs PostgreSQL inside this process and takes its data directory for itself:
// a second instance on the same directory would corrupt it. So the process holds one
// instance per directory, and every owner and Prisma client shares it.
const sharedDatabases = new Map<string, Promise<PGlite>>();
const inMemoryKey = "memory://";

/** The process-wide embedded database for `dataDir` (in memory when undefined), started on first use. */
export function openEmbeddedDatabase(dataDir?: string): Promise<PGlite> {
  const key = dataDir === undefined ? inMemoryKey : resolve(dataDir);
  const existing = sharedDatabases.get(key);
  if (existing) return existing;
  const database = createEmbeddedDatabase(dataDir);
  sharedDatabases.set(key, database);
  // A failed start must not stay cached: the next caller tries again.
  database.catch(() => {
    if (sharedDatabases.get(key) === database) sharedDatabases.delete(key);
  });
  return database;
}

/**
 * A new embedded database that belongs to the caller alone (tests use one each).
 * The btree_gist bundle is loaded so that migrations can `CREATE EXTENSION btree_gist`
 * for exclusion constraints, as they would on a PostgreSQL server. A new cluster (in
 * memory, or a data directory that holds none yet) starts from the initialised template
 * instead of running initdb; an existing one starts as it is.
 */
export async function createEmbeddedDatabase(dataDir?: string): Promise<PGlite> {
  const holdsCluster = dataDir !== undefined && existsSync(join(dataDir, "PG_VERSION"));
  const loadDataDir = holdsCluster ? undefined : await clusterTemplate();
  // One options object: PGlite.create(undefined, options) silently drops the options.
  return PGlite.create({ dataDir, extensions: { btree_gist }, ...(loadDataDir ? { loadDataDir } : {}) });
}

/** Closes every shared embedded database, for a clean shutdown; the next open starts afresh. */
export async function closeEmbeddedDatabases(): Promise<void> {
  const databases = [...sharedDatabases.values()];
  sharedDatabases.clear();
  const started = await Promise.allSettled(databases);
  await Promise.all(started.map((result) => (result.status === "fulfilled" ? result.value.close() : undefined)));
}
