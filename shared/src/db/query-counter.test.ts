import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../access/__generated__/prisma/client.ts";
import { applyMigrations } from "./migrate.ts";
import { createPrismaAdapter } from "./prisma-adapter.ts";
import { countQueries } from "./query-counter.ts";
import { createTestDatabaseTarget, type TestDatabase } from "./test-database.ts";

// The access directory serves as a real schema to query.
const accessMigrations = { schema: "access", migrationsDir: new URL("../../../prisma/access/migrations/", import.meta.url) };

let database: TestDatabase;
let prisma: PrismaClient<"query">;

beforeAll(async () => {
  database = await createTestDatabaseTarget();
  await applyMigrations(database.target, accessMigrations);
  prisma = new PrismaClient({ adapter: createPrismaAdapter(database.target, "access"), log: [{ emit: "event", level: "query" }] });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

describe("countQueries", () => {
  it("counts each statement the client sends, with its SQL, from the moment it is made", async () => {
    await prisma.module.count();
    const counter = countQueries(prisma);
    expect(counter.count()).toBe(0);

    await prisma.module.findMany();
    expect(counter.count()).toBe(1);
    expect(counter.statements()).toEqual([expect.stringMatching(/^SELECT .* FROM "access"\."module"/)]);
  });

  it("starts over on reset", async () => {
    const counter = countQueries(prisma);
    await prisma.module.findMany();
    counter.reset();
    expect(counter.count()).toBe(0);
    expect(counter.statements()).toEqual([]);
    await prisma.company.findMany();
    expect(counter.statements()).toEqual([expect.stringContaining('FROM "access"."company"')]);
  });

  it("counts one statement per relation level, however many rows come back", async () => {
    await prisma.company.create({ data: { name: "Northwind Live", slug: "northwind-live" } });
    const counter = countQueries(prisma);
    await prisma.company.findMany({ include: { entitlements: true } });
    expect(counter.count()).toBe(2);

    await prisma.company.createMany({ data: [1, 2, 3].map((n) => ({ name: `Venue ${n}`, slug: `venue-${n}` })) });
    counter.reset();
    await prisma.company.findMany({ include: { entitlements: true } });
    expect(counter.count()).toBe(2);
  });

  it("counts a transaction's COMMIT as a statement", async () => {
    const counter = countQueries(prisma);
    await prisma.$transaction(async (transaction) => {
      await transaction.module.count();
    });
    expect(counter.count()).toBe(2);
    expect(counter.statements()[1]).toMatch(/COMMIT/);
  });
});
