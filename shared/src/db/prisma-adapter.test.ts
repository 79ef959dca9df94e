import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../access/__generated__/prisma/client.ts";
import { applyMigrations } from "./migrate.ts";
import { createPrismaAdapter } from "./prisma-adapter.ts";
import { createTestDatabaseTarget, type TestDatabase } from "./test-database.ts";

// The access directory serves as a real schema to read and write.
const accessMigrations = { schema: "access", migrationsDir: new URL("../../../prisma/access/migrations/", import.meta.url) };

let database: TestDatabase;
let first: PrismaClient;
let second: PrismaClient;

beforeAll(async () => {
  database = await createTestDatabaseTarget();
  await applyMigrations(database.target, accessMigrations);
  first = new PrismaClient({ adapter: createPrismaAdapter(database.target, "access") });
  second = new PrismaClient({ adapter: createPrismaAdapter(database.target, "access") });
});

afterAll(async () => {
  await Promise.all([first?.$disconnect(), second?.$disconnect()]);
  await database?.drop();
});

describe("createPrismaAdapter", () => {
  it("lets a Prisma client read what the migrations wrote", async () => {
    const modules = await first.module.findMany({ select: { key: true }, orderBy: { key: "asc" } });
    expect(modules.map((module) => module.key)).toEqual(["ai", "basic", "finance", "market", "touring", "venue"]);
  });

  it("lets two clients on one database see each other's writes, database defaults included", async () => {
    const created = await first.company.create({ data: { name: "Harbor Hall", slug: "harbor-hall" } });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await second.company.findUnique({ where: { slug: "harbor-hall" } })).toEqual(created);
  });
});
