import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterTemplate, clusterTemplateFile } from "./embedded-cluster-template.ts";
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

describe("the cluster template a new embedded database starts from", () => {
  it("is the installed PGlite version's initialised cluster, gzipped and kept with the project's build caches", async () => {
    const database = await createEmbeddedDatabase();
    await database.close();
    const file = clusterTemplateFile();
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, "../../../node_modules/@electric-sql/pglite/package.json"), "utf8")) as { version: string };
    expect(file).toBe(join(import.meta.dirname, "../../../node_modules/.cache/marquee", `pglite-${version}-cluster.tar.gz`));
    expect(existsSync(file)).toBe(true);
    const tar = gunzipSync(readFileSync(file));
    // A tar entry's name sits in the first 100 bytes of its header; initdb wrote these.
    for (const entry of ["PG_VERSION", "global/pg_control", "postgresql.conf"]) expect(tar.includes(Buffer.from(entry))).toBe(true);
    expect(await clusterTemplate()).toBe(await clusterTemplate());
  });

  it("is not laid over a data directory that already holds a cluster", async () => {
    const dataDir = join(dataRoot, "kept");
    const first = await createEmbeddedDatabase(dataDir);
    await first.exec("CREATE TABLE hall (name TEXT); INSERT INTO hall VALUES ('Roundhouse');");
    await first.close();
    const second = await createEmbeddedDatabase(dataDir);
    try {
      expect((await second.query("SELECT name FROM hall")).rows).toEqual([{ name: "Roundhouse" }]);
    } finally {
      await second.close();
    }
  });
});
