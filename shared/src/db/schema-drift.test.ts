import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "./migrate.ts";
import { findSchemaDrift } from "./schema-drift.ts";
import { openSqlExecutor, type SqlExecutor } from "./sql-executor.ts";
import { createTestDatabaseTarget, type TestDatabase } from "./test-database.ts";

const prismaSchema = `
datasource db {
  provider = "postgresql"
}

enum Tier {
  GOLD
  SILVER
  @@map("tier")
}

model Venue {
  id       String   @id @db.Uuid
  name     String   @db.VarChar(100)
  capacity Int?
  fee      Decimal  @db.Decimal(12, 2)
  openedAt DateTime @map("opened_at") @db.Timestamptz(3)
  tier     Tier
  tags     String[]
  slug     String   @unique
  shows    Show[]
  @@map("venue")
}

model Show {
  id       Int      @id @default(autoincrement())
  venueId  String   @map("venue_id") @db.Uuid
  startsAt DateTime @map("starts_at")
  venue    Venue    @relation(fields: [venueId], references: [id], onDelete: Cascade)
  @@unique([venueId, startsAt])
  @@index([startsAt])
  @@map("show")
}
`;

// What \`prisma migrate dev\` would write for the schema above, followed by what only
// the database can express, which the check must ignore.
const migrationInSync = `
CREATE TYPE "tier" AS ENUM ('GOLD', 'SILVER');

CREATE TABLE "venue" (
    "id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "capacity" INTEGER,
    "fee" DECIMAL(12,2) NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "tier" "tier" NOT NULL,
    "tags" TEXT[],
    "slug" TEXT NOT NULL,
    CONSTRAINT "venue_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "show" (
    "id" SERIAL NOT NULL,
    "venue_id" UUID NOT NULL,
    "starts_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "show_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "venue_slug_key" ON "venue"("slug");
CREATE UNIQUE INDEX "show_venue_id_starts_at_key" ON "show"("venue_id", "starts_at");
CREATE INDEX "show_starts_at_idx" ON "show"("starts_at");
ALTER TABLE "show" ADD CONSTRAINT "show_venue_id_fkey" FOREIGN KEY ("venue_id") REFERENCES "venue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE "show" ADD CONSTRAINT "show_no_overlap"
    EXCLUDE USING gist ("venue_id" WITH =, tsrange("starts_at", "starts_at" + interval '3 hours') WITH &&);
ALTER TABLE "venue" ADD CONSTRAINT "venue_capacity_check" CHECK ("capacity" > 0);
CREATE UNIQUE INDEX "venue_open_name_key" ON "venue"("name") WHERE "capacity" IS NOT NULL;
CREATE INDEX "venue_lower_name_idx" ON "venue"(lower("name"));
CREATE FUNCTION "touch_venue"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER "venue_touch" BEFORE UPDATE ON "venue" FOR EACH ROW EXECUTE FUNCTION "touch_venue"();
`;

let database: TestDatabase;
let sql: SqlExecutor;
let workDir: string;
let prismaSchemaPath: string;
let fixtureCount = 0;

beforeAll(async () => {
  database = await createTestDatabaseTarget();
  sql = await openSqlExecutor(database.target);
  workDir = await mkdtemp(join(tmpdir(), "marquee-drift-"));
  prismaSchemaPath = join(workDir, "schema.prisma");
  await writeFile(prismaSchemaPath, prismaSchema);
});

afterAll(async () => {
  await sql?.close();
  await database?.drop();
  await rm(workDir, { recursive: true, force: true });
});

/** Applies `migration` to a schema of its own and returns the drift against the fixture schema.prisma. */
async function driftAfter(migration: string, schemaFile = prismaSchemaPath): Promise<string[]> {
  fixtureCount += 1;
  const schema = `drift_test_${fixtureCount}`;
  const migrationsDir = join(workDir, schema);
  await mkdir(join(migrationsDir, "20260101000000_init"), { recursive: true });
  await writeFile(join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
  await writeFile(join(migrationsDir, "20260101000000_init", "migration.sql"), migration);
  await applyMigrations(database.target, { schema, migrationsDir });
  return findSchemaDrift(sql, { schema, prismaSchemaPath: schemaFile });
}

function edited(from: string, to: string): string {
  if (!migrationInSync.includes(from)) throw new Error(`The fixture migration has no ${from}`);
  return migrationInSync.replace(from, to);
}

describe("findSchemaDrift", () => {
  it("finds nothing when the migration builds what schema.prisma declares, whatever database-only objects it adds", async () => {
    expect(await driftAfter(migrationInSync)).toEqual([]);
  });

  it("reports a column the migration forgot", async () => {
    expect(await driftAfter(edited(`"tags" TEXT[],`, ""))).toEqual([
      "column venue.tags: declared in schema.prisma but missing from the database",
    ]);
  });

  it("reports a column schema.prisma does not declare", async () => {
    expect(await driftAfter(edited(`"slug" TEXT NOT NULL,`, `"slug" TEXT NOT NULL, "notes" TEXT,`))).toEqual([
      "column venue.notes: in the database but not declared in schema.prisma",
    ]);
  });

  it("reports a nullability mismatch", async () => {
    expect(await driftAfter(edited(`"fee" DECIMAL(12,2) NOT NULL`, `"fee" DECIMAL(12,2)`))).toEqual([
      "column venue.fee: nullable in the database, schema.prisma declares it NOT NULL",
    ]);
  });

  it("reports type mismatches, down to numeric scale and timestamp precision", async () => {
    const migration = edited(`"fee" DECIMAL(12,2)`, `"fee" DECIMAL(12,4)`).replace(`"opened_at" TIMESTAMPTZ(3)`, `"opened_at" TIMESTAMPTZ`);
    expect(await driftAfter(migration)).toEqual([
      "column venue.fee: type is numeric(12,4) in the database, schema.prisma declares numeric(12,2)",
      "column venue.opened_at: type is timestamp with time zone in the database, schema.prisma declares timestamp(3) with time zone",
    ]);
  });

  it("reports a column of the wrong enum or the wrong array type", async () => {
    const migration = edited(`"tier" "tier" NOT NULL`, `"tier" TEXT NOT NULL`).replace(`"tags" TEXT[]`, `"tags" VARCHAR(20)[]`);
    expect(await driftAfter(migration)).toEqual([
      "column venue.tier: type is text in the database, schema.prisma declares enum tier",
      "column venue.tags: type is character varying(20)[] in the database, schema.prisma declares text[]",
    ]);
  });

  it("reports missing and misnamed unique indexes and a plain index that became unique", async () => {
    const migration = edited(`CREATE UNIQUE INDEX "venue_slug_key"`, `CREATE UNIQUE INDEX "venue_slug_unique"`).replace(
      `CREATE INDEX "show_starts_at_idx"`,
      `CREATE UNIQUE INDEX "show_starts_at_idx"`,
    );
    expect(await driftAfter(migration)).toEqual([
      "table venue: unique index venue_slug_key (slug) declared in schema.prisma but missing from the database",
      "table venue: unique index venue_slug_unique (slug) in the database but not declared in schema.prisma",
      "table show: unique index show_starts_at_idx (starts_at) in the database, schema.prisma declares index show_starts_at_idx (starts_at)",
    ]);
  });

  it("reports a primary key on other columns", async () => {
    expect(await driftAfter(edited(`CONSTRAINT "show_pkey" PRIMARY KEY ("id")`, `CONSTRAINT "show_pkey" PRIMARY KEY ("id", "venue_id")`))).toEqual([
      "table show: primary key is show_pkey (id, venue_id) in the database, schema.prisma declares show_pkey (id)",
    ]);
  });

  it("reports foreign keys with other actions, or missing", async () => {
    expect(await driftAfter(edited("ON DELETE CASCADE ON UPDATE CASCADE", "ON DELETE RESTRICT ON UPDATE CASCADE"))).toEqual([
      "table show: foreign key (venue_id) -> venue (id) is ON DELETE Restrict ON UPDATE Cascade in the database, schema.prisma declares ON DELETE Cascade ON UPDATE Cascade",
    ]);
    expect(await driftAfter(edited(`ALTER TABLE "show" ADD CONSTRAINT "show_venue_id_fkey"`, "-- "))).toEqual([
      "table show: foreign key (venue_id) -> venue (id) ON DELETE Cascade ON UPDATE Cascade declared in schema.prisma but missing from the database",
    ]);
  });

  it("reports enum values and tables on one side only", async () => {
    const migration = edited(`('GOLD', 'SILVER')`, `('GOLD', 'BRONZE')`) + `\nCREATE TABLE "stage" ("id" INTEGER PRIMARY KEY);`;
    expect(await driftAfter(migration)).toEqual([
      "table stage: in the database but not declared in schema.prisma",
      "enum tier: values SILVER missing from the database",
      "enum tier: values BRONZE in the database but not in schema.prisma",
    ]);
  });

  it("names the file when schema.prisma does not parse", async () => {
    const brokenSchemaPath = join(workDir, "broken.prisma");
    await writeFile(brokenSchemaPath, "model Venue { id Int @id\n");
    await expect(driftAfter(migrationInSync, brokenSchemaPath)).rejects.toThrow(/broken\.prisma is not a valid Prisma schema/);
  });
});
