import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeEmbeddedDatabases, createEmbeddedDatabase, openEmbeddedDatabase } from "./embedded-database.ts";

let dataRoot: string;

beforeAll(async () => {
  dataRoot = await mkdtemp(join(tmpdir(), "marquee-embedded-"));
});

afterAll(async () => {
  await closeEmbeddedDatabases();
  await rm(dataRoot, { recursive: true, force: true });
});

describe("openEmbeddedDatabase", () => {
  it("shares one instance per data directory in the process, however the directory is written", async () => {
    const [first, second] = await Promise.all([openEmbeddedDatabase(join(dataRoot, "a")), openEmbeddedDatabase(`${dataRoot}/./a/`)]);
    expect(second).toBe(first);
    expect(await openEmbeddedDatabase(join(dataRoot, "b"))).not.toBe(first);
  });

  it("keeps what was written in a data directory across a shutdown", async () => {
    const dataDir = join(dataRoot, "durable");
    const before = await openEmbeddedDatabase(dataDir);
    await before.exec("CREATE TABLE venue (name TEXT); INSERT INTO venue VALUES ('Harbor Hall');");

    await closeEmbeddedDatabases();
    expect(before.closed).toBe(true);

    const after = await openEmbeddedDatabase(dataDir);
    expect(after).not.toBe(before);
    expect((await after.query("SELECT name FROM venue")).rows).toEqual([{ name: "Harbor Hall" }]);
  });
});

describe("createEmbeddedDatabase", () => {
  it("starts an empty in-memory database of its own that can create exclusion constraints", async () => {
    const database = await createEmbeddedDatabase();
    try {
      expect(database).not.toBe(await openEmbeddedDatabase());
      await database.exec(`
        CREATE EXTENSION btree_gist;
        CREATE TABLE hold (room INTEGER, during TSTZRANGE, EXCLUDE USING gist (room WITH =, during WITH &&));
        INSERT INTO hold VALUES (1, '[2026-05-01 18:00+00, 2026-05-01 23:00+00)');
      `);
      await expect(database.exec("INSERT INTO hold VALUES (1, '[2026-05-01 20:00+00, 2026-05-02 01:00+00)')")).rejects.toThrow(
        /conflicting key value violates exclusion constraint/,
      );
    } finally {
      await database.close();
    }
  });
});
