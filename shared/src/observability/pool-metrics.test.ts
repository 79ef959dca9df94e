// The database pool gauges read a real PostgreSQL pool: the kit makes the pool it hands to
// Prisma's adapter, so its sizes can be published. PostgreSQL only (DATABASE_URL): the
// embedded database has no pool.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../access/__generated__/prisma/client.ts";
import { applyMigrations } from "../db/migrate.ts";
import { createPrismaAdapter } from "../db/prisma-adapter.ts";
import { createTestDatabaseTarget, type TestDatabase } from "../db/test-database.ts";
import { createObservability, type Observability } from "./observability.ts";

const accessMigrations = { schema: "access", migrationsDir: new URL("../../../prisma/access/migrations/", import.meta.url) };

describe.runIf(Boolean(process.env["DATABASE_URL"]))("database pool metrics on PostgreSQL", () => {
  let database: TestDatabase;
  let observability: Observability;
  let prisma: PrismaClient;

  beforeAll(async () => {
    database = await createTestDatabaseTarget();
    await applyMigrations(database.target, accessMigrations);
    observability = await createObservability({});
    prisma = new PrismaClient({ adapter: createPrismaAdapter(observability.withPoolMetrics("finance", database.target), "access") });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await observability?.close();
    await database?.drop();
  });

  const gauge = async (name: string) => {
    const { text } = await observability.metrics.exposition();
    const line = text.split("\n").find((candidate) => candidate.startsWith(`${name}{service="finance",owner="access"} `));
    return line === undefined ? undefined : Number(line.split(" ")[1]);
  };

  it("publishes the pool's open, idle and waiting counts, read when scraped", async () => {
    // Five queries at once on a pool of its own: it opens connections for them, which then idle.
    await Promise.all(Array.from({ length: 5 }, () => prisma.module.count()));
    const open = await gauge("marquee_db_pool_connections");
    expect(open).toBeGreaterThanOrEqual(1);
    expect(open).toBeLessThanOrEqual(5);
    expect(await gauge("marquee_db_pool_idle_connections")).toBe(open);
    expect(await gauge("marquee_db_pool_waiting_requests")).toBe(0);
  });
});
