// Revocation in a second: the access directory announces every change to the facts behind
// an access decision, and each process's cache drops what the change covers. Two processes
// are played here by two caches, each with its own feed (on PostgreSQL, its own connection),
// over one directory.
import { pino } from "pino";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "../db/migrate.ts";
import { createPrismaAdapter } from "../db/prisma-adapter.ts";
import { createTestDatabaseTarget, type TestDatabase } from "../db/test-database.ts";
import { PrismaClient } from "./__generated__/prisma/client.ts";
import { AccessCache } from "./access-cache.ts";
import { accessChangeFeedApplicationName, listenForAccessChanges, type AccessChangeFeed, type AccessChangeSubscriber } from "./access-change-feed.ts";
import type { AccessChange } from "./access-changes.ts";
import { accessDirectoryMigrations, openAccessDirectory, type AccessDirectory } from "./access-directory.ts";
import { createAccessResolver, type AccessResolver } from "./resolve-access-context.ts";

const northwind = { id: "7a1d0c52-1b7e-4c55-9f2e-000000000001", name: "Northwind Live", slug: "northwind-live" };
const harbor = { id: "7a1d0c52-1b7e-4c55-9f2e-000000000002", name: "Harbor Hall", slug: "harbor-hall" };
const alice = { id: "7a1d0c52-1b7e-4c55-9f2e-0000000000a1", email: "alice@northwind.test", displayName: "Alice Moreno" };
const bob = { id: "7a1d0c52-1b7e-4c55-9f2e-0000000000b0", email: "bob@northwind.test", displayName: "Bob Okafor" };
const aliceAtNorthwind = "7a1d0c52-1b7e-4c55-9f2e-0000000000c1";
const bobAtNorthwind = "7a1d0c52-1b7e-4c55-9f2e-0000000000c2";

/** A cached context must not outlive its revocation by more than this. */
const revocationBudgetMs = 1_000;
const silentLogger = pino({ level: "silent" });

let database: TestDatabase;
let prisma: PrismaClient;
let directory: AccessDirectory;

interface Instance {
  resolver: AccessResolver;
  heard: AccessChange[];
  feed: AccessChangeFeed;
  events: string[];
}
let instances: Instance[] = [];

beforeAll(async () => {
  database = await createTestDatabaseTarget();
  await applyMigrations(database.target, accessDirectoryMigrations);
  prisma = new PrismaClient({ adapter: createPrismaAdapter(database.target, "access") });
  directory = openAccessDirectory(database.target);
});

afterAll(async () => {
  await directory?.close();
  await prisma?.$disconnect();
  await database?.drop();
});

afterEach(async () => {
  await Promise.all(instances.map((instance) => instance.feed.close()));
  instances = [];
  await prisma.company.deleteMany();
  await prisma.user.deleteMany();
});

async function seed(): Promise<void> {
  await prisma.company.createMany({ data: [northwind, harbor] });
  await prisma.user.createMany({ data: [alice, bob] });
  await prisma.entitlement.createMany({
    data: [
      { companyId: northwind.id, moduleKey: "finance", status: "ACTIVE" },
      { companyId: northwind.id, moduleKey: "venue", status: "ACTIVE" },
      { companyId: harbor.id, moduleKey: "finance", status: "ACTIVE" },
    ],
  });
  for (const [id, userId] of [[aliceAtNorthwind, alice.id], [bobAtNorthwind, bob.id]] as const) {
    await prisma.membership.create({
      data: {
        id,
        userId,
        companyId: northwind.id,
        status: "ACTIVE",
        grants: { create: [{ moduleKey: "finance" }, { moduleKey: "venue" }] },
        permissions: { create: [{ moduleKey: "finance", permission: "finance.expense.view" }, { moduleKey: "venue", permission: "venue.hold.view" }] },
      },
    });
  }
}

/** An instance of a process: its own cache (30 s, as in production) and its own feed. */
async function startInstance(options: Parameters<typeof listenForAccessChanges>[2] = { logger: silentLogger }): Promise<Instance> {
  const cache = new AccessCache({ ttlMs: 30_000, denialTtlMs: 5_000, maxEntries: 100 });
  const heard: AccessChange[] = [];
  const events: string[] = [];
  const subscriber: AccessChangeSubscriber = {
    changed: (change) => (heard.push(change), cache.forget(change)),
    lost: () => (events.push("lost"), cache.pause()),
    restored: () => (events.push("restored"), cache.resume()),
  };
  const feed = await listenForAccessChanges(database.target, subscriber, options);
  const instance = { resolver: createAccessResolver(directory.source, cache), heard, feed, events };
  instances.push(instance);
  return instance;
}

async function permissionsOf(instance: Instance, userId: string, companyId = northwind.id): Promise<string[] | "not-member"> {
  const decision = await instance.resolver.resolve({ userId, companyId, token: "unused" });
  return decision.status === "granted" ? [...decision.access.permissions].sort() : "not-member";
}

/**
 * Polls every instance until each answers `expected`; returns when, after `since`, the first
 * round of reads that all answered so was started (how slow a read is says nothing about
 * how fast the change spread).
 */
async function timeUntilAll(instances: Instance[], read: (instance: Instance) => Promise<unknown>, expected: unknown, since: number): Promise<number> {
  for (;;) {
    const startedAfter = performance.now() - since;
    const answers = await Promise.all(instances.map(read));
    if (answers.every((answer) => JSON.stringify(answer) === JSON.stringify(expected))) return startedAfter;
    if (startedAfter > 10_000) throw new Error(`still ${JSON.stringify(answers)} after 10 s, expected ${JSON.stringify(expected)}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("a change to the access directory", () => {
  it("is seen by every instance within a second, for each kind of change", async () => {
    await seed();
    const pair = [await startInstance(), await startInstance()];
    // A module grant shows in the context's modules, a permission in its permissions: read both.
    const aliceAtNorthwindIn = async (instance: Instance) => {
      const decision = await instance.resolver.resolve({ userId: alice.id, companyId: northwind.id, token: "unused" });
      return decision.status === "granted" ? { modules: [...decision.access.modules].sort(), permissions: [...decision.access.permissions].sort() } : "not-member";
    };
    const revocations: [string, () => Promise<unknown>, unknown][] = [
      [
        "a permission removed",
        () => prisma.membershipPermission.delete({ where: { membershipId_permission: { membershipId: aliceAtNorthwind, permission: "venue.hold.view" } } }),
        { modules: ["finance", "venue"], permissions: ["finance.expense.view"] },
      ],
      [
        "a module grant removed",
        () => prisma.membershipModuleGrant.delete({ where: { membershipId_moduleKey: { membershipId: aliceAtNorthwind, moduleKey: "finance" } } }),
        // A permission counts only in a granted module.
        { modules: ["venue"], permissions: [] },
      ],
      ["the membership suspended", () => prisma.membership.update({ where: { id: aliceAtNorthwind }, data: { status: "SUSPENDED" } }), "not-member"],
    ];

    const before = { modules: ["finance", "venue"], permissions: ["finance.expense.view", "venue.hold.view"] };
    expect(await Promise.all(pair.map(aliceAtNorthwindIn))).toEqual([before, before]);
    for (const [what, revoke, expected] of revocations) {
      const since = performance.now();
      await revoke();
      expect({ what, withinBudget: (await timeUntilAll(pair, aliceAtNorthwindIn, expected, since)) < revocationBudgetMs }).toEqual({ what, withinBudget: true });
    }
    // Bob's context, untouched by every change above, stays as it was.
    expect(await Promise.all(pair.map((instance) => permissionsOf(instance, bob.id)))).toEqual([
      ["finance.expense.view", "venue.hold.view"],
      ["finance.expense.view", "venue.hold.view"],
    ]);
  });

  it("drops a company's contexts when an entitlement ends, and a user's when the user is removed", async () => {
    await seed();
    const pair = [await startInstance(), await startInstance()];
    const modulesOf = async (instance: Instance, userId: string) => {
      const decision = await instance.resolver.resolve({ userId, companyId: northwind.id, token: "unused" });
      return decision.status === "granted" ? [...decision.access.modules].sort() : "not-member";
    };
    expect(await Promise.all(pair.map((instance) => modulesOf(instance, bob.id)))).toEqual([["finance", "venue"], ["finance", "venue"]]);

    let since = performance.now();
    await prisma.entitlement.update({ where: { companyId_moduleKey: { companyId: northwind.id, moduleKey: "venue" } }, data: { status: "SUSPENDED" } });
    expect(await timeUntilAll(pair, (instance) => modulesOf(instance, bob.id), ["finance"], since)).toBeLessThan(revocationBudgetMs);

    since = performance.now();
    await prisma.user.delete({ where: { id: bob.id } });
    expect(await timeUntilAll(pair, (instance) => modulesOf(instance, bob.id), "not-member", since)).toBeLessThan(revocationBudgetMs);
  });

  it("announces the narrowest scope, once per committed transaction, and nothing for one rolled back", async () => {
    await seed();
    const instance = await startInstance();
    await prisma.membershipPermission.createMany({
      data: [
        { membershipId: aliceAtNorthwind, moduleKey: "finance", permission: "finance.expense.create" },
        { membershipId: aliceAtNorthwind, moduleKey: "finance", permission: "finance.income.view" },
      ],
    });
    await prisma.entitlement.create({ data: { companyId: harbor.id, moduleKey: "venue", status: "ACTIVE" } });
    await prisma.company.update({ where: { id: harbor.id }, data: { name: "Harbor Hall & Annex" } });
    await expect(
      prisma.$transaction(async (transaction) => {
        await transaction.membership.update({ where: { id: bobAtNorthwind }, data: { status: "SUSPENDED" } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    await prisma.user.delete({ where: { id: bob.id } });

    await expect.poll(() => instance.heard.length, { timeout: 2_000 }).toBeGreaterThanOrEqual(5);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(instance.heard.slice(0, 3)).toEqual([
      // Two permissions in one statement: one announcement.
      { scope: "membership", userId: alice.id, companyId: northwind.id },
      { scope: "company", companyId: harbor.id },
      { scope: "company", companyId: harbor.id },
    ]);
    // The user's removal cascades to the membership, which announces itself too; nothing of
    // the suspension rolled back.
    expect(instance.heard.slice(3)).toHaveLength(2);
    expect(instance.heard.slice(3)).toEqual(
      expect.arrayContaining([
        { scope: "membership", userId: bob.id, companyId: northwind.id },
        { scope: "user", userId: bob.id },
      ]),
    );
  });
});

describe.runIf(Boolean(process.env["DATABASE_URL"]))("a feed whose connection is cut", () => {
  it("stops the cache from serving, reconnects by itself, and hears changes again", async () => {
    await seed();
    const instance = await startInstance({ logger: silentLogger, reconnectDelayMs: 50 });
    expect(await permissionsOf(instance, alice.id)).toEqual(["finance.expense.view", "venue.hold.view"]);

    const target = database.target;
    if (target.kind !== "postgres") throw new Error("PostgreSQL only");
    const admin = new pg.Client({ connectionString: target.url });
    await admin.connect();
    try {
      const terminated = await admin.query<{ pid: number }>(
        "SELECT pg_terminate_backend(pid) AS pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()",
        [accessChangeFeedApplicationName],
      );
      expect(terminated.rowCount).toBe(1);
      await expect.poll(() => instance.events, { timeout: 5_000 }).toEqual(["lost", "restored"]);
    } finally {
      await admin.end();
    }

    const since = performance.now();
    await prisma.membershipPermission.delete({ where: { membershipId_permission: { membershipId: aliceAtNorthwind, permission: "finance.expense.view" } } });
    expect(await timeUntilAll([instance], (each) => permissionsOf(each, alice.id), ["venue.hold.view"], since)).toBeLessThan(revocationBudgetMs);
  });
});
