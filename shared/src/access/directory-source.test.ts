import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "../db/migrate.ts";
import { createPrismaAdapter } from "../db/prisma-adapter.ts";
import { findSchemaDrift } from "../db/schema-drift.ts";
import { openSqlExecutor, openSqlPool, type SqlExecutor, type SqlPool } from "../db/sql-executor.ts";
import { createTestDatabaseTarget, type TestDatabase } from "../db/test-database.ts";
import { PrismaClient } from "./__generated__/prisma/client.ts";
import { AccessSourceUnavailableError, type AccessSource } from "./access-source.ts";
import { createDirectoryAccessSource } from "./directory-source.ts";

const accessMigrations = { schema: "access", migrationsDir: new URL("../../../prisma/access/migrations/", import.meta.url) };
const prismaSchemaPath = fileURLToPath(new URL("../../../prisma/access/schema.prisma", import.meta.url));

const now = new Date("2026-06-01T12:00:00Z");

const northwind = { id: "0b0c6a2e-2f1d-4a3e-9a55-1d0a7c1e0001", name: "Northwind Live", slug: "northwind-live" };
const harbor = { id: "0b0c6a2e-2f1d-4a3e-9a55-1d0a7c1e0002", name: "Harbor Hall", slug: "harbor-hall" };
const unknownCompanyId = "0b0c6a2e-2f1d-4a3e-9a55-1d0a7c1e0099";

const alice = { id: "5e1f0a8b-7c2d-4e6f-8a9b-0c1d2e3f0001", email: "alice@northwind.test", displayName: "Alice Moreno" };
const bob = { id: "5e1f0a8b-7c2d-4e6f-8a9b-0c1d2e3f0002", email: "bob@northwind.test", displayName: "Bob Okafor" };
const sam = { id: "5e1f0a8b-7c2d-4e6f-8a9b-0c1d2e3f0004", email: "sam@both.test", displayName: "Sam Lindqvist" };
const nobody = { id: "5e1f0a8b-7c2d-4e6f-8a9b-0c1d2e3f0005", email: "nobody@nowhere.test", displayName: "Nobody Atall" };
const unknownUserId = "5e1f0a8b-7c2d-4e6f-8a9b-0c1d2e3f0099";

const aliceAtNorthwind = "9d4c1e7a-0000-4000-8000-000000000001";

let database: TestDatabase;
let prisma: PrismaClient;
let reads: SqlPool;
let statements: string[];
let source: AccessSource;

beforeAll(async () => {
  database = await createTestDatabaseTarget();
  await applyMigrations(database.target, accessMigrations);
  prisma = new PrismaClient({ adapter: createPrismaAdapter(database.target, "access") });
  reads = openSqlPool(database.target, "access");
  statements = [];
  // The reads the source sends, counted on their way to the pool.
  const counted = { query: <Row>(sql: string, params?: readonly unknown[]) => (statements.push(sql), reads.query<Row>(sql, params)) };
  source = createDirectoryAccessSource(counted, { now: () => now });
  await seedDirectory(prisma);
});

afterAll(async () => {
  await reads?.close();
  await prisma?.$disconnect();
  await database?.drop();
});

/**
 * Northwind is entitled, at `now`, to finance (open-ended), market (until year end) and
 * ai (from exactly now); not to touring (suspended), venue (expired exactly now) nor
 * basic (from next month). Alice is granted finance and venue there; Bob's membership is
 * suspended; Sam belongs to both companies; nobody belongs nowhere.
 */
async function seedDirectory(client: PrismaClient): Promise<void> {
  await client.company.createMany({ data: [northwind, harbor] });
  await client.user.createMany({ data: [alice, bob, sam, nobody] });
  await client.entitlement.createMany({
    data: [
      { companyId: northwind.id, moduleKey: "finance", status: "ACTIVE", validFrom: new Date("2026-01-01T00:00:00Z") },
      { companyId: northwind.id, moduleKey: "market", status: "ACTIVE", validFrom: new Date("2026-01-01T00:00:00Z"), validUntil: new Date("2027-01-01T00:00:00Z") },
      { companyId: northwind.id, moduleKey: "ai", status: "ACTIVE", validFrom: now },
      { companyId: northwind.id, moduleKey: "touring", status: "SUSPENDED", validFrom: new Date("2026-01-01T00:00:00Z") },
      { companyId: northwind.id, moduleKey: "venue", status: "ACTIVE", validFrom: new Date("2025-01-01T00:00:00Z"), validUntil: now },
      { companyId: northwind.id, moduleKey: "basic", status: "ACTIVE", validFrom: new Date("2026-07-01T00:00:00Z") },
      { companyId: harbor.id, moduleKey: "basic", status: "ACTIVE", validFrom: new Date("2026-01-01T00:00:00Z") },
    ],
  });
  await client.membership.create({
    data: {
      id: aliceAtNorthwind,
      userId: alice.id,
      companyId: northwind.id,
      status: "ACTIVE",
      grants: { create: [{ moduleKey: "finance" }, { moduleKey: "venue" }] },
      permissions: {
        create: [
          { moduleKey: "finance", permission: "finance.expense.view" },
          { moduleKey: "finance", permission: "finance.expense.create" },
        ],
      },
    },
  });
  await client.membership.create({
    data: { userId: bob.id, companyId: northwind.id, status: "SUSPENDED", grants: { create: [{ moduleKey: "finance" }] } },
  });
  await client.membership.create({
    data: {
      userId: sam.id,
      companyId: northwind.id,
      status: "ACTIVE",
      grants: { create: [{ moduleKey: "market" }] },
      permissions: { create: [{ moduleKey: "market", permission: "market.deal.view" }] },
    },
  });
  await client.membership.create({
    data: { userId: sam.id, companyId: harbor.id, status: "ACTIVE", grants: { create: [{ moduleKey: "basic" }] } },
  });
}

describe("the access directory schema", () => {
  it("is built by its migrations exactly as schema.prisma declares it", async () => {
    const sql = await openSqlExecutor(database.target);
    try {
      expect(await findSchemaDrift(sql, { schema: "access", prismaSchemaPath })).toEqual([]);
    } finally {
      await sql.close();
    }
  });
});

describe("loadAccessFacts", () => {
  it("reports the company's current entitlements and the membership's grants and permissions", async () => {
    expect(await source.loadAccessFacts({ userId: alice.id, companyId: northwind.id, token: "unused" })).toEqual({
      userId: alice.id,
      company: { id: northwind.id, name: "Northwind Live" },
      // Not touring (suspended), venue (expired at `now`) nor basic (starts next month).
      entitlements: ["ai", "finance", "market"],
      // As granted: venue stays listed though no longer entitled, market absent though entitled.
      grants: ["finance", "venue"],
      permissions: ["finance.expense.create", "finance.expense.view"],
    });
  });

  it("judges entitlements at the injected moment", async () => {
    const aYearEarlier = createDirectoryAccessSource(reads, { now: () => new Date("2025-06-01T12:00:00Z") });
    const facts = await aYearEarlier.loadAccessFacts({ userId: alice.id, companyId: northwind.id, token: "unused" });
    expect(facts?.entitlements).toEqual(["venue"]);
  });

  it("knows nobody whose membership is suspended", async () => {
    expect(await source.loadAccessFacts({ userId: bob.id, companyId: northwind.id, token: "unused" })).toBeNull();
  });

  it("knows nobody in a company they do not belong to", async () => {
    expect(await source.loadAccessFacts({ userId: nobody.id, companyId: northwind.id, token: "unused" })).toBeNull();
    expect(await source.loadAccessFacts({ userId: alice.id, companyId: harbor.id, token: "unused" })).toBeNull();
  });

  it("knows no unknown company and no unknown user", async () => {
    expect(await source.loadAccessFacts({ userId: alice.id, companyId: unknownCompanyId, token: "unused" })).toBeNull();
    expect(await source.loadAccessFacts({ userId: unknownUserId, companyId: northwind.id, token: "unused" })).toBeNull();
  });

  it("answers null for malformed ids instead of a database error", async () => {
    expect(await source.loadAccessFacts({ userId: "alice", companyId: northwind.id, token: "unused" })).toBeNull();
    expect(await source.loadAccessFacts({ userId: alice.id, companyId: "'; DROP TABLE access.company; --", token: "unused" })).toBeNull();
  });
});

describe("listAccessFacts", () => {
  it("reports every company the user is an active member of, by company name", async () => {
    expect(await source.listAccessFacts({ userId: sam.id, token: "unused" })).toEqual([
      { userId: sam.id, company: { id: harbor.id, name: "Harbor Hall" }, entitlements: ["basic"], grants: ["basic"], permissions: [] },
      {
        userId: sam.id,
        company: { id: northwind.id, name: "Northwind Live" },
        entitlements: ["ai", "finance", "market"],
        grants: ["market"],
        permissions: ["market.deal.view"],
      },
    ]);
  });

  it("leaves out suspended memberships, and lists nothing for strangers and malformed ids", async () => {
    expect(await source.listAccessFacts({ userId: bob.id, token: "unused" })).toEqual([]);
    expect(await source.listAccessFacts({ userId: nobody.id, token: "unused" })).toEqual([]);
    expect(await source.listAccessFacts({ userId: "not-a-uuid", token: "unused" })).toEqual([]);
  });

  it("costs one statement, for two companies as for one", async () => {
    statements.length = 0;
    await source.listAccessFacts({ userId: alice.id, token: "unused" });
    expect(statements).toHaveLength(1);
    await source.listAccessFacts({ userId: sam.id, token: "unused" });
    expect(statements).toHaveLength(2);
  });
});

describe("the access source over an unreachable directory", () => {
  it("rejects with AccessSourceUnavailableError, never a denial", async () => {
    const lost = await createTestDatabaseTarget();
    await applyMigrations(lost.target, accessMigrations);
    const lostReads = openSqlPool(lost.target, "access");
    try {
      await lost.drop();
      const attempt = createDirectoryAccessSource(lostReads).loadAccessFacts({ userId: alice.id, companyId: northwind.id, token: "unused" });
      await expect(attempt).rejects.toBeInstanceOf(AccessSourceUnavailableError);
    } finally {
      await lostReads.close().catch(() => {});
    }
  });
});

describe("the directory's own rules", () => {
  let sql: SqlExecutor;

  beforeAll(async () => {
    sql = await openSqlExecutor(database.target);
  });

  afterAll(async () => {
    await sql?.close();
  });

  it("lets an entitlement or a grant name only a catalogued module", async () => {
    await expect(
      sql.query(`INSERT INTO access.entitlement (company_id, module_key, status) VALUES ($1, 'ticketing', 'ACTIVE')`, [harbor.id]),
    ).rejects.toThrow(/entitlement_module_key_fkey/);
    await expect(
      sql.query(`INSERT INTO access.membership_module_grant (membership_id, module_key) VALUES ($1, 'ticketing')`, [aliceAtNorthwind]),
    ).rejects.toThrow(/membership_module_grant_module_key_fkey/);
  });

  it("accepts only permissions of the form module.resource.action that belong to the module named", async () => {
    const grantPermission = (moduleKey: string, permission: string) =>
      sql.query(`INSERT INTO access.membership_permission (membership_id, module_key, permission) VALUES ($1, $2, $3)`, [
        aliceAtNorthwind,
        moduleKey,
        permission,
      ]);
    for (const malformed of ["finance.expense", "finance.expense.view.all", "finance.Expense.view", "finance..view", "finance.expense.view "]) {
      await expect(grantPermission("finance", malformed), malformed).rejects.toThrow(/membership_permission_key_check/);
    }
    await expect(grantPermission("finance", "market.deal.view")).rejects.toThrow(/membership_permission_key_check/);
    await expect(grantPermission("ticketing", "ticketing.seat.view")).rejects.toThrow(/membership_permission_module_key_fkey/);
    await expect(grantPermission("finance", "finance.settlement.approveFinal")).resolves.toEqual([]);
  });

  it("stores e-mail addresses lower-case only", async () => {
    await expect(
      sql.query(`INSERT INTO access.app_user (email, display_name) VALUES ('Carol@Northwind.test', 'Carol')`),
    ).rejects.toThrow(/app_user_email_lower_case_check/);
  });

  it("removes a membership's grants and permissions with it", async () => {
    const membership = await prisma.membership.create({
      data: {
        userId: nobody.id,
        companyId: harbor.id,
        status: "ACTIVE",
        grants: { create: [{ moduleKey: "basic" }] },
        permissions: { create: [{ moduleKey: "basic", permission: "basic.event.view" }] },
      },
    });
    await prisma.membership.delete({ where: { id: membership.id } });
    expect(await prisma.membershipModuleGrant.count({ where: { membershipId: membership.id } })).toBe(0);
    expect(await prisma.membershipPermission.count({ where: { membershipId: membership.id } })).toBe(0);
  });
});
