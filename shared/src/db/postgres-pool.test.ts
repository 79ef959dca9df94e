import type pg from "pg";
import { describe, expect, it } from "vitest";
import { openPostgresPool, poolSizeOf } from "./postgres-pool.ts";

describe("a PostgreSQL pool's size", () => {
  it("is node-postgres's 10 unless the URL's connection_limit says otherwise", () => {
    expect(poolSizeOf("postgresql://marquee@db:5432/marquee")).toBe(10);
    expect(poolSizeOf("postgresql://marquee@db:5432/marquee?connection_limit=4&sslmode=require")).toBe(4);
  });

  it("refuses a connection_limit that is not a whole number from 1 to 1000", () => {
    for (const value of ["0", "-1", "2.5", "ten", "", "1001"]) {
      expect(() => poolSizeOf(`postgresql://marquee@db:5432/marquee?connection_limit=${value}`)).toThrow(/connection_limit/);
    }
  });
});

describe("openPostgresPool", () => {
  it("opens a pool of the URL's size and announces it, with the owner's schema, to the target's observer", async () => {
    const observed: { pool: pg.Pool; schema: string }[] = [];
    const pool = openPostgresPool({ kind: "postgres", url: "postgresql://marquee@db:5432/marquee?connection_limit=3", observePool: (each, schema) => observed.push({ pool: each, schema }) }, "access");
    try {
      expect(pool.options.max).toBe(3);
      expect(observed).toEqual([{ pool, schema: "access" }]);
    } finally {
      await pool.end();
    }
  });
});
