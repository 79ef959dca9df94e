import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqlExecutor, openSqlPool, type SqlExecutor } from "./sql-executor.ts";
import { createTestDatabaseTarget, type TestDatabase } from "./test-database.ts";

let database: TestDatabase;
let sql: SqlExecutor;

beforeAll(async () => {
  database = await createTestDatabaseTarget();
  sql = await openSqlExecutor(database.target);
  await sql.exec(`
    CREATE TABLE venue (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
    INSERT INTO venue VALUES (1, 'Northwind Live'), (2, 'Harbor Hall');
  `);
});

afterAll(async () => {
  await sql?.close();
  await database?.drop();
});

describe("SqlExecutor", () => {
  it("runs a parameterised query and returns its rows", async () => {
    expect(await sql.query("SELECT id, name FROM venue WHERE id = $1", [2])).toEqual([{ id: 2, name: "Harbor Hall" }]);
  });

  it("runs a script of several statements", async () => {
    await sql.exec("CREATE TABLE stage (id INTEGER); INSERT INTO stage VALUES (1); INSERT INTO stage VALUES (2);");
    expect(await sql.query("SELECT count(*)::int AS stages FROM stage")).toEqual([{ stages: 2 }]);
  });

  it("commits a transaction whose work resolves, with its result", async () => {
    const result = await sql.transaction(async (session) => {
      await session.query("INSERT INTO venue VALUES ($1, $2)", [3, "Pier Pavilion"]);
      return (await session.query<{ venues: number }>("SELECT count(*)::int AS venues FROM venue"))[0]?.venues;
    });
    expect(result).toBe(3);
    expect(await sql.query("SELECT name FROM venue WHERE id = 3")).toEqual([{ name: "Pier Pavilion" }]);
  });

  it("rolls back a transaction whose work rejects, and passes the rejection on", async () => {
    const failure = new Error("the booking fell through");
    await expect(
      sql.transaction(async (session) => {
        await session.exec("INSERT INTO venue VALUES (4, 'Ghost Venue')");
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await sql.query("SELECT * FROM venue WHERE id = 4")).toEqual([]);
  });

  it("rolls back a transaction whose statement fails", async () => {
    await expect(
      sql.transaction(async (session) => {
        await session.exec("INSERT INTO venue VALUES (5, 'Another Ghost')");
        await session.exec("INSERT INTO venue VALUES (1, 'Duplicate')");
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await sql.query("SELECT * FROM venue WHERE id = 5")).toEqual([]);
    expect(await sql.query("SELECT count(*)::int AS venues FROM venue")).toEqual([{ venues: 3 }]);
  });
});

describe("SqlPool", () => {
  it("runs parameterised queries side by side, and leaves the database usable after close()", async () => {
    const pool = openSqlPool(database.target, "public");
    const names = await Promise.all([1, 2, 1].map((id) => pool.query<{ name: string }>("SELECT name FROM venue WHERE id = $1", [id])));
    expect(names).toEqual([[{ name: "Northwind Live" }], [{ name: "Harbor Hall" }], [{ name: "Northwind Live" }]]);
    await pool.close();
    // Closing the pool ends its own connections only: the embedded instance and the executor's connection stay open.
    expect(await sql.query("SELECT count(*)::int AS venues FROM venue")).toEqual([{ venues: 3 }]);
  });

  it("rejects a failing statement and keeps answering the next one", async () => {
    const pool = openSqlPool(database.target, "public");
    try {
      await expect(pool.query("SELECT name FROM no_such_table")).rejects.toThrow(/no_such_table/);
      expect(await pool.query("SELECT name FROM venue WHERE id = $1", [2])).toEqual([{ name: "Harbor Hall" }]);
    } finally {
      await pool.close();
    }
  });
});
