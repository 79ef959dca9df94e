// Applies an owner's migrations the way `prisma migrate deploy` would. `prisma migrate`
// needs Prisma's native schema engine, which cannot be downloaded everywhere Marquee
// runs, so migrations stay SQL files in Prisma's layout
// (`migrations/<timestamp>_<name>/migration.sql` + `migration_lock.toml`) and this
// runner records them in Prisma's `_prisma_migrations` table, in the owner's schema,
// with the same columns and values Prisma writes, so that `prisma migrate status|deploy`
// with `?schema=<owner>` agree with it on a machine that has the engine.
import { createHash, randomUUID } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import type { DatabaseTarget } from "./database-target.ts";
import { openSqlExecutor, type SqlExecutor } from "./sql-executor.ts";

export interface MigrationOptions {
  /** The PostgreSQL schema the migrations build and record themselves in (the owner's name). */
  schema: string;
  /** The owner's `prisma/<owner>/migrations` directory, as a path or a file: URL. */
  migrationsDir: string | URL;
}

export type MigrationHistoryProblem = "edited" | "missing" | "failed";

/** The database's migration history no longer matches the migration files. */
export class MigrationHistoryError extends Error {
  constructor(
    readonly migrationName: string,
    readonly problem: MigrationHistoryProblem,
    message: string,
  ) {
    super(message);
    this.name = "MigrationHistoryError";
  }
}

interface MigrationFile {
  name: string;
  script: string;
}

interface MigrationRecord {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

/**
 * Applies the migrations not yet applied, in name order, each in its own transaction,
 * and returns their names (none when the database is up to date). Each migration runs
 * with `search_path` set to the schema, as Prisma's `?schema=` would; being inside a
 * transaction, it cannot use statements PostgreSQL refuses there (`CREATE INDEX
 * CONCURRENTLY`) nor use an enum value it adds.
 */
export async function applyMigrations(target: DatabaseTarget, options: MigrationOptions): Promise<string[]> {
  const migrationsDir = options.migrationsDir instanceof URL ? fileURLToPath(options.migrationsDir) : options.migrationsDir;
  const migrations = await readMigrations(migrationsDir);
  const executor = await openSqlExecutor(target);
  try {
    return await withMigrationLock(target, executor, options.schema, () =>
      applyPendingMigrations(executor, options.schema, migrations),
    );
  } finally {
    await executor.close();
  }
}

async function readMigrations(migrationsDir: string): Promise<MigrationFile[]> {
  const lockFile = join(migrationsDir, "migration_lock.toml");
  const lock = await readFile(lockFile, "utf8").catch((error: unknown) => {
    throw new Error(`${lockFile} cannot be read; it is part of Prisma's migrations layout.`, { cause: error });
  });
  const provider = /^\s*provider\s*=\s*"([^"]*)"/m.exec(lock)?.[1];
  if (provider !== "postgresql") {
    throw new Error(`${lockFile} must declare provider = "postgresql" (found ${provider ? `"${provider}"` : "none"}).`);
  }

  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const scriptFile = join(migrationsDir, name, "migration.sql");
      const script = await readFile(scriptFile, "utf8").catch((error: unknown) => {
        throw new Error(`Migration ${name} has no readable ${scriptFile}.`, { cause: error });
      });
      return { name, script };
    }),
  );
}

// On a server, concurrent runners (several processes starting at once) take turns on a
// session-level advisory lock keyed on the schema; it is released when the runner's
// dedicated connection closes. An embedded database has a single session, in which
// advisory locks do not exclude anyone, so runners in the process queue per instance.
const embeddedMigrationQueues = new WeakMap<PGlite, Promise<unknown>>();

async function withMigrationLock<T>(
  target: DatabaseTarget,
  executor: SqlExecutor,
  schema: string,
  work: () => Promise<T>,
): Promise<T> {
  if (target.kind === "postgres") {
    await executor.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [`marquee.migrate:${schema}`]);
    return work();
  }
  const previous = embeddedMigrationQueues.get(target.pglite) ?? Promise.resolve();
  // The previous run's failure belongs to its own caller; this run starts after it regardless.
  const run = previous.catch(() => {}).then(work);
  embeddedMigrationQueues.set(target.pglite, run);
  return run;
}

async function applyPendingMigrations(executor: SqlExecutor, schema: string, migrations: MigrationFile[]): Promise<string[]> {
  const schemaName = quoteIdentifier(schema);
  const historyTable = `${schemaName}."_prisma_migrations"`;
  // Prisma's own definition of the table, so that Prisma reads and writes it unchanged.
  await executor.exec(`
    CREATE SCHEMA IF NOT EXISTS ${schemaName};
    CREATE TABLE IF NOT EXISTS ${historyTable} (
      "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum"            VARCHAR(64) NOT NULL,
      "finished_at"         TIMESTAMPTZ,
      "migration_name"      VARCHAR(255) NOT NULL,
      "logs"                TEXT,
      "rolled_back_at"      TIMESTAMPTZ,
      "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    );
  `);
  // Rows rolled back with `prisma migrate resolve --rolled-back` no longer count as applied.
  const history = await executor.query<MigrationRecord>(
    `SELECT migration_name, checksum, finished_at FROM ${historyTable} WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
  const appliedNames = verifyHistory(history, migrations);

  const applied: string[] = [];
  for (const migration of migrations.filter(({ name }) => !appliedNames.has(name))) {
    await executor.transaction(async (session) => {
      // LOCAL: an embedded database's one session is shared with Prisma clients.
      await session.exec(`SET LOCAL search_path TO ${schemaName}`);
      const id = randomUUID();
      await session.query(
        `INSERT INTO ${historyTable} (id, checksum, started_at, migration_name) VALUES ($1, $2, clock_timestamp(), $3)`,
        [id, sha256(migration.script), migration.name],
      );
      await session.exec(migration.script);
      await session.query(
        `UPDATE ${historyTable} SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp() WHERE id = $1`,
        [id],
      );
    });
    applied.push(migration.name);
  }
  return applied;
}

/** The names of the applied migrations, once the history is known to agree with the files. */
function verifyHistory(history: MigrationRecord[], migrations: MigrationFile[]): Set<string> {
  const files = new Map(migrations.map((migration) => [migration.name, migration]));
  for (const record of history) {
    const name = record.migration_name;
    if (record.finished_at === null) {
      throw new MigrationHistoryError(
        name,
        "failed",
        `Migration ${name} started but never finished. Repair the database, then mark it with \`prisma migrate resolve\`.`,
      );
    }
    const file = files.get(name);
    if (!file) {
      throw new MigrationHistoryError(
        name,
        "missing",
        `Migration ${name} is applied to the database but missing from the migrations directory.`,
      );
    }
    if (!matchesChecksum(file.script, record.checksum)) {
      throw new MigrationHistoryError(
        name,
        "edited",
        `Migration ${name} was edited after it was applied (its checksum changed). Restore it and put the change in a new migration.`,
      );
    }
  }
  return new Set(history.map((record) => record.migration_name));
}

// Like Prisma, accept the script with either line ending: git may have converted it on checkout.
function matchesChecksum(script: string, checksum: string): boolean {
  const lf = script.replaceAll("\r\n", "\n");
  return [script, lf, lf.replaceAll("\n", "\r\n")].some((variant) => sha256(variant) === checksum);
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
