import { describe, expect, it } from "vitest";
import { connectPostgresExecutor, openSqlExecutor } from "./sql-executor.ts";
import { createTestDatabaseTarget } from "./test-database.ts";

const serverUrl = process.env.DATABASE_URL;

describe("createTestDatabaseTarget", () => {
  it("without DATABASE_URL, gives each caller an empty embedded database of its own and closes it on drop", async () => {
    const [first, second] = await Promise.all([createTestDatabaseTarget({}), createTestDatabaseTarget({})]);
    if (first.target.kind !== "embedded" || second.target.kind !== "embedded") throw new Error("expected embedded targets");

    await first.target.pglite.exec("CREATE TABLE venue (id INTEGER)");
    const tablesInSecond = await second.target.pglite.query("SELECT 1 FROM pg_tables WHERE tablename = 'venue'");
    expect(tablesInSecond.rows).toEqual([]);

    await Promise.all([first.drop(), second.drop()]);
    expect(first.target.pglite.closed).toBe(true);
    expect(second.target.pglite.closed).toBe(true);
  });

  it.runIf(serverUrl)("with DATABASE_URL, creates a fresh database on that server and drops it, even while connected", async () => {
    const database = await createTestDatabaseTarget({ DATABASE_URL: serverUrl });
    if (database.target.kind !== "postgres") throw new Error("expected a PostgreSQL target");
    const name = new URL(database.target.url).pathname.slice(1);
    expect(name).toMatch(/^marquee_test_[0-9a-f]{12}$/);

    const lingering = await openSqlExecutor(database.target);
    expect(await lingering.query("SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = 'public'")).toEqual([{ tables: 0 }]);

    await database.drop();
    const server = await connectPostgresExecutor(serverUrl ?? "");
    try {
      expect(await server.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).toEqual([]);
    } finally {
      await server.close();
      await lingering.close().catch(() => {});
    }
  });
});
