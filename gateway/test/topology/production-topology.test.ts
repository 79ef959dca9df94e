// The production topology, as processes: every subgraph and two gateways started from the
// build (`node <package>/dist/main.js`, NODE_ENV=production), each subgraph connecting to
// PostgreSQL with its own least-privilege role (migrations as the owner role), the gateways
// counting rate limits together in Redis, tokens checked against an identity provider over
// HTTPS. Finance runs as two instances and the gateways as two, each group behind a
// balancer that routes by readiness as a Kubernetes Service does. Checked: 401 without a
// token, 403 at a subgraph without the gateway's secret; a federated query through each
// gateway; a revoked permission refused by every instance within a
// second; a killed subgraph costs only its own part of an answer, until it is back; the
// database unreachable gives 503, then service resumes with no restart; rolling restarts of
// Finance and of the gateways under load fail no request.
//
// PostgreSQL and Redis only (DATABASE_URL set, as in CI's second pass): the embedded
// database cannot be shared by processes. It builds first (`tsc -b`, a no-op when built).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownerRoleOf, provisionDatabaseRoles, servingRoleOf, type DataOwner } from "@marquee/kit";
import {
  createAccessDirectoryClient,
  createTestDatabaseTarget,
  postGraphQL,
  startHttpsIdentityProvider,
  startProductionProcess,
  type AccessDirectoryClient,
  type HttpsIdentityProvider,
  type ProductionProcess,
  type TestDatabase,
} from "@marquee/kit/testing";
import { startReadyBalancer, type ReadyBalancer } from "./ready-balancer.ts";

const serverUrl = process.env["DATABASE_URL"];
const root = fileURLToPath(new URL("../../../", import.meta.url));
const modules = ["base", "finance", "market", "touring", "venue", "ai"] as const;
const rolePrefix = `marquee_topology_${randomBytes(4).toString("hex")}`;
const gatewaySecret = randomBytes(32).toString("base64url");

const company = { id: "3c2b1a00-0000-4000-8000-00000000c001", name: "Topology Touring Co", slug: "topology-touring" };
const user = { id: "3c2b1a00-0000-4000-8000-00000000a001", email: "ops@topology.test", displayName: "Ops Person" };
const permissions = ["basic.event.view", "basic.event.create", "finance.expense.view", "finance.expense.create", "market.deal.view"];

const federatedQuery = `{ events(first: 5) { edges { node { name expenses(first: 5) { edges { node { amount { amount currency } } } } } } } }`;
const expensesQuery = `{ expenses(first: 1) { edges { node { id } } } }`;
const withDealsQuery = `{ events(first: 5) { edges { node { name deals(first: 1) { pageInfo { hasNextPage } } } } } }`;

let database: TestDatabase;
let databaseName: string;
let identity: HttpsIdentityProvider;
let directory: AccessDirectoryClient;
let token: string;
const processes = new Map<string, ProductionProcess>();
let financeBalancer: ReadyBalancer;
let gatewayBalancer: ReadyBalancer;
const figures: string[] = [];

function urlAs(role: string): string {
  const url = new URL((database.target as { url: string }).url);
  url.username = role;
  return url.href;
}

function subgraphEnv(name: DataOwner): Record<string, string> {
  return {
    [`${name.toUpperCase()}_DATABASE_URL`]: urlAs(servingRoleOf(name, rolePrefix)),
    [`${name.toUpperCase()}_MIGRATION_DATABASE_URL`]: urlAs(ownerRoleOf(name, rolePrefix)),
    ACCESS_DATABASE_URL: urlAs(servingRoleOf("access", rolePrefix)),
    ACCESS_MIGRATION_DATABASE_URL: urlAs(ownerRoleOf("access", rolePrefix)),
    BASE_URL: `${processes.get("base")?.origin ?? ""}/api/base/graphql`,
    ...commonEnv(),
  };
}

function commonEnv(): Record<string, string> {
  return {
    AUTH_JWKS_URL: identity.jwksUrl,
    AUTH_ISSUER: identity.issuer,
    AUTH_AUDIENCE: identity.audience,
    NODE_EXTRA_CA_CERTS: identity.certificateFile,
    GATEWAY_SECRET: gatewaySecret,
    LOG_LEVEL: "warn",
    // A balancer probes readiness every 100 ms here: a second of announcing is plenty.
    SHUTDOWN_ANNOUNCE_MS: "1000",
    SHUTDOWN_TIMEOUT_MS: "10000",
  };
}

async function startSubgraph(name: DataOwner, instance: string = name, port?: number): Promise<ProductionProcess> {
  const started = await startProductionProcess(instance, `subgraphs/${name}/dist/main.js`, subgraphEnv(name), port === undefined ? {} : { port });
  processes.set(instance, started);
  return started;
}

async function startGateway(instance: string): Promise<ProductionProcess> {
  const routing = Object.fromEntries(
    modules.map((name) => [`${name.toUpperCase()}_ROUTING_URL`, name === "finance" ? `${financeBalancer.origin}/api/finance/graphql` : `${processes.get(name)!.origin}/api/${name}/graphql`]),
  );
  const started = await startProductionProcess(instance, "gateway/dist/main.js", {
    ...commonEnv(),
    ...routing,
    REDIS_URL: "redis://127.0.0.1:6379",
    // The load below is one user sending as fast as it can: far above a person's budget.
    RATE_LIMIT_USER_PER_MINUTE: "1000000",
    RATE_LIMIT_COMPANY_PER_MINUTE: "1000000",
  });
  processes.set(instance, started);
  return started;
}

const ask = (origin: string, query: string) => postGraphQL(`${origin}/graphql`, query, { token, companyId: company.id });

async function seedAccess(): Promise<void> {
  directory = createAccessDirectoryClient({ kind: "postgres", url: (database.target as { url: string }).url });
  await directory.company.create({ data: company });
  await directory.user.create({ data: user });
  await directory.entitlement.createMany({ data: ["basic", "finance", "market"].map((moduleKey) => ({ companyId: company.id, moduleKey, status: "ACTIVE" as const })) });
  await directory.membership.create({
    data: {
      userId: user.id,
      companyId: company.id,
      status: "ACTIVE",
      grants: { create: ["basic", "finance", "market"].map((moduleKey) => ({ moduleKey })) },
      permissions: { create: permissions.map((permission) => ({ moduleKey: permission.split(".")[0]!, permission })) },
    },
  });
}

async function seedShow(): Promise<void> {
  const created = await ask(
    gatewayBalancer.origin,
    `mutation { createEvent(input: { name: "Topology Night", startsAt: "2027-03-01T20:00:00Z", endsAt: "2027-03-01T23:00:00Z",
      location: { venueName: "Harbor Hall", city: "Hamburg", country: "DE", latitude: 53.54, longitude: 9.98, timeZone: "Europe/Berlin" },
      capacity: 800, ticketPrice: { amount: "35.00", currency: "EUR" } }) { id } }`,
  );
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  const eventId = (created.body.data as { createEvent: { id: string } }).createEvent.id;
  const expense = await ask(
    gatewayBalancer.origin,
    `mutation { recordExpense(input: { eventId: "${eventId}", category: MARKETING, description: "Posters", amount: { amount: "420.00", currency: "EUR" }, incurredOn: "2027-02-01" }) { id } }`,
  );
  expect(expense.status, JSON.stringify(expense.body)).toBe(200);
}

const showWithExpenses = { events: { edges: [{ node: { name: "Topology Night", expenses: { edges: [{ node: { amount: { amount: "420.00", currency: "EUR" } } }] } } }] } };

describe.runIf(Boolean(serverUrl))("the production topology", () => {
  beforeAll(async () => {
    execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, "-b", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
    database = await createTestDatabaseTarget();
    databaseName = new URL((database.target as { url: string }).url).pathname.slice(1);
    await provisionDatabaseRoles((database.target as { url: string }).url, { prefix: rolePrefix });
    identity = await startHttpsIdentityProvider();

    // Base first: it migrates the access directory, which the others then find in place.
    await startSubgraph("base");
    await Promise.all([startSubgraph("finance", "finance-1"), startSubgraph("finance", "finance-2"), ...(["market", "touring", "venue", "ai"] as const).map((name) => startSubgraph(name))]);
    financeBalancer = await startReadyBalancer([processes.get("finance-1")!.origin, processes.get("finance-2")!.origin]);
    await Promise.all([startGateway("gateway-1"), startGateway("gateway-2")]);
    gatewayBalancer = await startReadyBalancer([processes.get("gateway-1")!.origin, processes.get("gateway-2")!.origin]);
    figures.push(`start to ready: ${[...processes.values()].map((each) => `${each.name} ${(each.readyAfterMs / 1000).toFixed(1)} s`).join(", ")}`);

    await seedAccess();
    token = await identity.tokenFor(user.id);
    await seedShow();
  }, 240_000);

  afterAll(async () => {
    process.stdout.write(`\nproduction topology figures:\n${figures.map((line) => `  ${line}`).join("\n")}\n`);
    await Promise.all([...processes.values()].map((each) => each.stop("SIGKILL")));
    await Promise.all([financeBalancer?.close(), gatewayBalancer?.close(), identity?.close(), directory?.$disconnect()]);
    await database?.drop();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      for (const owner of ["access", ...modules] as DataOwner[]) {
        for (const role of [servingRoleOf(owner, rolePrefix), ownerRoleOf(owner, rolePrefix)]) await admin.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(role)}`);
      }
    } finally {
      await admin.end();
    }
  });

  it("refuses a caller without a token at the gateway (401), and one without the gateway's secret at a subgraph (403)", async () => {
    expect((await postGraphQL(`${processes.get("gateway-1")!.origin}/graphql`, "{ __typename }")).status).toBe(401);
    const bypass = await postGraphQL(`${processes.get("finance-1")!.origin}/api/finance/graphql`, expensesQuery, { token, companyId: company.id });
    expect(bypass.status).toBe(403);
  });

  it("answers a federated query through each gateway", async () => {
    for (const gateway of ["gateway-1", "gateway-2"]) {
      const answer = await ask(processes.get(gateway)!.origin, federatedQuery);
      expect({ gateway, status: answer.status, body: answer.body }).toEqual({ gateway, status: 200, body: { data: showWithExpenses } });
    }
  });

  it("refuses a revoked permission on every instance within a second", async () => {
    const gateways = ["gateway-1", "gateway-2"].map((name) => processes.get(name)!.origin);
    // Four requests through each gateway reach both Finance instances (round robin): all cache the grant.
    const statuses = async () => (await Promise.all(gateways.flatMap((gateway) => [1, 2, 3, 4].map(() => ask(gateway, expensesQuery))))).map((answer) => answer.status);
    expect(await statuses()).toEqual(Array(8).fill(200));

    // Measured from just before the revoking write to the sending of the first round of
    // requests that every instance refused: a machine busy with other tests slows the round
    // itself, which says nothing about how fast the revocation spread.
    const revokedAt = performance.now();
    await directory.membershipPermission.deleteMany({ where: { permission: "finance.expense.view" } });
    let sentAfter: number;
    for (;;) {
      sentAfter = performance.now() - revokedAt;
      const now = await statuses();
      if (now.every((status) => status === 403)) break;
      if (sentAfter > 5_000) throw new Error(`still ${now.join(",")} ${Math.round(sentAfter)} ms after the revocation`);
    }
    figures.push(`revocation: every instance refused requests sent ${Math.round(sentAfter)} ms after the revoking write began`);
    expect(sentAfter).toBeLessThan(1_000);

    const membership = await directory.membership.findFirstOrThrow({ where: { userId: user.id } });
    await directory.membershipPermission.create({ data: { membershipId: membership.id, moduleKey: "finance", permission: "finance.expense.view" } });
    await expect.poll(statuses, { timeout: 2_000 }).toEqual(Array(8).fill(200));
  });

  it("answers without a killed subgraph's part, with a coded error, and whole again once it is back", async () => {
    const gateway = processes.get("gateway-1")!.origin;
    const market = processes.get("market")!;
    expect((await ask(gateway, withDealsQuery)).body).toEqual({ data: { events: { edges: [{ node: { name: "Topology Night", deals: { pageInfo: { hasNextPage: false } } } }] } } });

    await market.stop("SIGKILL");
    const without = await ask(gateway, withDealsQuery);
    expect(without.status).toBe(200);
    expect(without.body.data).toEqual({ events: { edges: [{ node: { name: "Topology Night", deals: null } }] } });
    expect(without.body.errors?.map((error) => error.extensions?.["code"])).toEqual(["SERVICE_UNAVAILABLE"]);

    await startSubgraph("market", "market", market.port);
    await expect.poll(async () => (await ask(gateway, withDealsQuery)).body.errors, { timeout: 5_000 }).toBeUndefined();
  });

  it("answers 503 while the database is unreachable, and serves again without a restart", async () => {
    const gateway = processes.get("gateway-2")!.origin;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(databaseName)} WITH ALLOW_CONNECTIONS false`);
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [databaseName]);
      const during = await ask(gateway, federatedQuery);
      expect(during.status).toBe(503);
      expect(during.body.errors?.map((error) => error.extensions?.["code"])).toContain("SERVICE_UNAVAILABLE");

      await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(databaseName)} WITH ALLOW_CONNECTIONS true`);
      const restoredAt = performance.now();
      await expect.poll(async () => (await ask(gateway, federatedQuery)).body, { timeout: 15_000, interval: 100 }).toEqual({ data: showWithExpenses });
      figures.push(`database back: served again after ${Math.round(performance.now() - restoredAt)} ms, no process restarted`);
    } finally {
      await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(databaseName)} WITH ALLOW_CONNECTIONS true`);
      await admin.end();
    }
  });

  it("fails no request while Finance and then the gateways are restarted one instance at a time under load", async () => {
    const outcomes = { served: 0, failed: [] as string[] };
    let loading = true;
    const worker = async () => {
      while (loading) {
        const answer = await ask(gatewayBalancer.origin, federatedQuery).catch((error: unknown) => ({ status: 0, body: { error: String(error) } }));
        if (answer.status === 200 && JSON.stringify(answer.body) === JSON.stringify({ data: showWithExpenses })) outcomes.served += 1;
        else outcomes.failed.push(`${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, worker));

    const replace = async (balancer: ReadyBalancer, old: string, start: () => Promise<ProductionProcess>) => {
      const fresh = await start();
      balancer.add(fresh.origin);
      await expect.poll(() => balancer.ready().includes(fresh.origin), { timeout: 5_000 }).toBe(true);
      const leaving = processes.get(old)!;
      const exitCode = await leaving.stop("SIGTERM");
      balancer.remove(leaving.origin);
      processes.delete(old);
      expect({ old, exitCode }).toEqual({ old, exitCode: 0 });
    };
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await replace(financeBalancer, "finance-1", () => startSubgraph("finance", "finance-3"));
      await replace(financeBalancer, "finance-2", () => startSubgraph("finance", "finance-4"));
      await replace(gatewayBalancer, "gateway-1", () => startGateway("gateway-3"));
      await replace(gatewayBalancer, "gateway-2", () => startGateway("gateway-4"));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    } finally {
      loading = false;
      await load;
    }
    figures.push(`rolling restarts of finance (2 instances) and the gateway (2 instances) under 8 callers: ${outcomes.served} requests served, ${outcomes.failed.length} failed`);
    figures.push(`RSS after the load: ${[...processes.values()].map((each) => `${each.name} ${each.rssMb()} MB`).join(", ")}`);
    expect(outcomes.failed).toEqual([]);
    expect(outcomes.served).toBeGreaterThan(100);
  });
});
