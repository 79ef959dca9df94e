import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MigrationHistoryError } from "./migrate.ts";
import { openSqlExecutor, type SqlExecutor } from "./sql-executor.ts";
import { createTestDatabaseTarget, type TestDatabase } from "./test-database.ts";

const createVenue = `CREATE TABLE venue (id INTEGER PRIMARY KEY, name TEXT NOT NULL);`;
const addCapacity = `ALTER TABLE venue ADD COLUMN capacity INTEGER;`;

let database: TestDatabase;
let sql: SqlExecutor;
let workDir: string;
let schemaCount = 0;

beforeAll(async () => {
  database = await createTestDatabaseTarget();
  sql = await openSqlExecutor(database.target);
  workDir = await mkdtemp(join(tmpdir(), "marquee-migrate-"));
});

afterAll(async () => {
  await sql?.close();
  await database?.drop();
  await rm(workDir, { recursive: true, force: true });
});

// Each test migrates a schema of its own in the one database: independent tests
// without paying for a database each.
function freshSchema(): string {
  schemaCount += 1;
  return `migrate_test_${schemaCount}`;
}

async function writeMigrations(migrations: Record<string, string>, directory?: string): Promise<string> {
  const migrationsDir = directory ?? (await mkdtemp(join(workDir, "migrations-")));
  await writeFile(join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
  for (const [name, script] of Object.entries(migrations)) {
    await mkdir(join(migrationsDir, name), { recursive: true });
    await writeFile(join(migrationsDir, name, "migration.sql"), script);
  }
  return migrationsDir;
}

async function columnsOf(schema: string, table: string): Promise<string[]> {
  const rows = await sql.query<{ column_name: string }>(
    `SELECT column_name::text FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
    [schema, table],
  );
  return rows.map((row) => row.column_name);
}

async function historyOf(schema: string) {
  return sql.query<{
    id: string;
    checksum: string;
    finished_at: Date | null;
    migration_name: string;
    logs: string | null;
    rolled_back_at: Date | null;
    started_at: Date;
    applied_steps_count: number;
  }>(`SELECT * FROM "${schema}"."_prisma_migrations" ORDER BY started_at`);
}

describe("applyMigrations", () => {
  it("creates the schema, applies every migration in name order, and changes nothing when run again", async () => {
    const schema = freshSchema();
    // Written newest first: the runner orders by name, not by what the directory lists first.
    const migrationsDir = await writeMigrations({ "20260102000000_capacity": addCapacity, "20260101000000_venue": createVenue });

    expect(await applyMigrations(database.target, { schema, migrationsDir })).toEqual([
      "20260101000000_venue",
      "20260102000000_capacity",
    ]);
    // Unqualified names land in the owner's schema, as with Prisma's `?schema=`.
    expect(await columnsOf(schema, "venue")).toEqual(["id", "name", "capacity"]);

    const historyBefore = await historyOf(schema);
    expect(await applyMigrations(database.target, { schema, migrationsDir })).toEqual([]);
    expect(await historyOf(schema)).toEqual(historyBefore);
    expect(await columnsOf(schema, "venue")).toEqual(["id", "name", "capacity"]);
  });

  it("accepts the migrations directory as a file: URL", async () => {
    const schema = freshSchema();
    const migrationsDir = await writeMigrations({ "20260101000000_venue": createVenue });
    const directoryUrl = new URL(`file://${migrationsDir}/`);
    expect(await applyMigrations(database.target, { schema, migrationsDir: directoryUrl })).toEqual(["20260101000000_venue"]);
  });

  it("records migrations in _prisma_migrations exactly as prisma migrate deploy does", async () => {
    const schema = freshSchema();
    const migrationsDir = await writeMigrations({ "20260101000000_venue": createVenue });
    await applyMigrations(database.target, { schema, migrationsDir });

    const columns = await sql.query(
      `SELECT column_name::text, data_type::text, character_maximum_length::int AS length, is_nullable::text, column_default::text
       FROM information_schema.columns WHERE table_schema = $1 AND table_name = '_prisma_migrations' ORDER BY ordinal_position`,
      [schema],
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", length: 36, is_nullable: "NO", column_default: null },
      { column_name: "checksum", data_type: "character varying", length: 64, is_nullable: "NO", column_default: null },
      { column_name: "finished_at", data_type: "timestamp with time zone", length: null, is_nullable: "YES", column_default: null },
      { column_name: "migration_name", data_type: "character varying", length: 255, is_nullable: "NO", column_default: null },
      { column_name: "logs", data_type: "text", length: null, is_nullable: "YES", column_default: null },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", length: null, is_nullable: "YES", column_default: null },
      { column_name: "started_at", data_type: "timestamp with time zone", length: null, is_nullable: "NO", column_default: "now()" },
      { column_name: "applied_steps_count", data_type: "integer", length: null, is_nullable: "NO", column_default: "0" },
    ]);
    const [primaryKey] = await sql.query(
      `SELECT conname::text AS name FROM pg_constraint WHERE contype = 'p' AND conrelid = $1::regclass`,
      [`"${schema}"._prisma_migrations`],
    );
    expect(primaryKey).toEqual({ name: "_prisma_migrations_pkey" });

    const [record] = await historyOf(schema);
    expect(record).toMatchObject({
      migration_name: "20260101000000_venue",
      checksum: createHash("sha256").update(createVenue).digest("hex"),
      logs: null,
      rolled_back_at: null,
      applied_steps_count: 1,
    });
    expect(record?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(record?.finished_at?.getTime()).toBeGreaterThanOrEqual(record?.started_at.getTime() ?? Infinity);
  });

  it("applies only the migrations added since the last run", async () => {
    const schema = freshSchema();
    const migrationsDir = await writeMigrations({ "20260101000000_venue": createVenue });
    await applyMigrations(database.target, { schema, migrationsDir });

    await writeMigrations({ "20260102000000_capacity": addCapacity }, migrationsDir);
    expect(await applyMigrations(database.target, { schema, migrationsDir })).toEqual(["20260102000000_capacity"]);
    expect((await historyOf(schema)).map((record) => record.migration_name)).toEqual([
      "20260101000000_venue",
      "20260102000000_capacity",
    ]);
  });

  it("stops, naming the migration, when an applied migration was edited", async () => {
    const schema = freshSchema();
    const migrationsDir = await writeMigrations({ "20260101000000_venue": createVenue });
    await applyMigrations(database.target, { schema, migrationsDir });

    await writeMigrations({ "20260101000000_venue": `${createVenue}\nCREATE INDEX venue_name_idx ON venue (name);` }, migrationsDir);
    const failure = applyMigrations(database.target, { schema, migrationsDir });
    await expect(failure).rejects.toBeInstanceOf(MigrationHistoryError);
    await expect(failure).rejects.toMatchObject({ migrationName: "20260101000000_venue", problem: "edited" });
    await expect(failure).rejects.toThrow(/20260101000000_venue was edited/);
  });

  it("accepts an applied migration whose line endings changed on checkout", async () => {
    const schema = freshSchema();
    const script = `CREATE TABLE venue (\n  id INTEGER PRIMARY KEY\n);\n`;
    const migrationsDir = await writeMigrations({ "20260101000000_venue": script });
    await applyMigrations(database.target, { schema, migrationsDir });

    await writeMigrations({ "20260101000000_venue": script.replaceAll("\n", "\r\n") }, migrationsDir);
    expect(await applyMigrations(database.target, { schema, migrationsDir })).toEqual([]);
  });

  it("stops, naming the migration, when an applied migration is missing from disk", async () => {
    const schema = freshSchema();
    const migrationsDir = await writeMigrations({ "20260101000000_venue": createVenue, "20260102000000_capacity": addCapacity });
    await applyMigrations(database.target, { schema, migrationsDir });

    await rm(join(migrationsDir, "20260102000000_capacity"), { recursive: true });
    const failure = applyMigrations(database.target, { schema, migrationsDir });
    await expect(failure).rejects.toMatchObject({ migrationName: "20260102000000_capacity", problem: "missing" });
    await expect(failure).rejects.toThrow(/20260102000000_capacity is applied to the database but missing/);
  });

  it("stops on a migration that Prisma recorded as started but never finished", async () => {
    const schema = freshSchema();
    const migrationsDir = await writeMigrations({ "20260101000000_venue": createVenue });
    await applyMigrations(database.target, { schema, migrationsDir });
    await sql.query(`UPDATE "${schema}"."_prisma_migrations" SET finished_at = NULL, logs = 'syntax error'`);

    await expect(applyMigrations(database.target, { schema, migrationsDir })).rejects.toMatchObject({
      migrationName: "20260101000000_venue",
      problem: "failed",
    });
  });

  it("rolls back a failing migration entirely, records nothing for it, and applies it once fixed", async () => {
    const schema = freshSchema();
    const broken = `CREATE TABLE stage (id INTEGER PRIMARY KEY);\nALTER TABLE missing_table ADD COLUMN x INTEGER;`;
    const migrationsDir = await writeMigrations({ "20260101000000_venue": createVenue, "20260102000000_stage": broken });

    await expect(applyMigrations(database.target, { schema, migrationsDir })).rejects.toThrow(/missing_table/);
    expect((await historyOf(schema)).map((record) => record.migration_name)).toEqual(["20260101000000_venue"]);
    expect(await columnsOf(schema, "stage")).toEqual([]);

    await writeMigrations({ "20260102000000_stage": `CREATE TABLE stage (id INTEGER PRIMARY KEY);` }, migrationsDir);
    expect(await applyMigrations(database.target, { schema, migrationsDir })).toEqual(["20260102000000_stage"]);
  });

  it("applies each migration once when runners start together", async () => {
    const schema = freshSchema();
    const migrationsDir = await writeMigrations({ "20260101000000_venue": createVenue, "20260102000000_capacity": addCapacity });

    const runs = await Promise.all([1, 2, 3].map(() => applyMigrations(database.target, { schema, migrationsDir })));
    expect(runs.flat().sort()).toEqual(["20260101000000_venue", "20260102000000_capacity"]);
    expect(await historyOf(schema)).toHaveLength(2);
  });

  it("refuses a migrations directory locked to another provider", async () => {
    const migrationsDir = await writeMigrations({ "20260101000000_venue": createVenue });
    await writeFile(join(migrationsDir, "migration_lock.toml"), 'provider = "mysql"\n');
    await expect(applyMigrations(database.target, { schema: freshSchema(), migrationsDir })).rejects.toThrow(
      /must declare provider = "postgresql" \(found "mysql"\)/,
    );
  });
});
