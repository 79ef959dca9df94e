// The production topology the benchmark and the profiler measure: an identity provider over
// HTTPS, every subgraph and each gateway (Marquee's and Hive Gateway) its own process from the
// build, on a scratch PostgreSQL database seeded with the bench world, and a token for each
// member. `close` stops everything and drops the database.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { createTestDatabaseTarget, freePort, startHttpsIdentityProvider, startProductionProcess, type HttpsIdentityProvider, type ProductionProcess } from "@marquee/kit/testing";
import { subgraphPackages } from "@marquee/gateway";
import { benchQueries, eventsOf, seedWorld, users, type BenchQuery } from "./world.ts";

export const modules = ["base", "finance", "market", "touring", "venue", "ai"] as const;
export type GatewayName = "marquee" | "hive";
const gatewayPath = "/graphql";

export interface RunningGateway {
  server: ProductionProcess;
  url: string;
}

export interface Topology {
  adminUrl: string;
  databaseUrl: string;
  processes: Map<string, ProductionProcess>;
  subgraphs: ProductionProcess[];
  gateways: { marquee: RunningGateway; hive?: RunningGateway };
  /** Each subgraph's metrics URL, by process name (its `service` label). */
  metricsUrls: Record<string, string>;
  tokens: string[];
  queries: BenchQuery[];
  /** "Start to ready: base 1.0 s, …" */
  startup: string;
  /** Stops every process (SIGKILL unless told otherwise: a profiled process needs SIGTERM to write its profile), the identity provider, and drops the database. */
  close(signal?: NodeJS.Signals): Promise<void>;
}

export interface TopologyOptions {
  adminUrl: string;
  /** Where each process's log goes. */
  logDirectory: string;
  /** Node.js options for a process, by name (e.g. --cpu-prof for the profiler). */
  nodeArgs?: Partial<Record<string, string[]>>;
  /** Start Hive Gateway too (the default): the profiler of Marquee's processes leaves it out. */
  hive?: boolean;
}

export async function startTopology(options: TopologyOptions): Promise<Topology> {
  const { adminUrl } = options;
  const processes = new Map<string, ProductionProcess>();
  const database = await createTestDatabaseTarget({ DATABASE_URL: adminUrl });
  const databaseUrl = (database.target as { url: string }).url;
  let identity: HttpsIdentityProvider | undefined;
  const close = async (signal: NodeJS.Signals = "SIGKILL") => {
    await Promise.all([...processes.values()].map((each) => each.stop(signal)));
    await identity?.close();
    await database.drop();
  };
  try {
    identity = await startHttpsIdentityProvider();
    const gatewaySecret = randomBytes(32).toString("base64url");
    const common = {
      AUTH_JWKS_URL: identity.jwksUrl,
      AUTH_ISSUER: identity.issuer,
      AUTH_AUDIENCE: identity.audience,
      NODE_EXTRA_CA_CERTS: identity.certificateFile,
      GATEWAY_SECRET: gatewaySecret,
    };
    const start = async (name: string, entry: string, env: Record<string, string>, startOptions: { readyPath?: string; args?: string[] } = {}) => {
      const nodeArgs = options.nodeArgs?.[name];
      const running = await startProductionProcess(name, entry, env, { ...startOptions, ...(nodeArgs ? { nodeArgs } : {}), logFile: join(options.logDirectory, `${name}.log`) });
      processes.set(name, running);
      return running;
    };

    // Each subgraph process holds two pools (its module's data, the access directory) and a LISTEN
    // connection: at node-postgres's 10 a pool, six processes would open up to 126 connections, past
    // PostgreSQL's default max_connections of 100. Five a pool keeps them at 66.
    const poolUrl = new URL(databaseUrl);
    poolUrl.searchParams.set("connection_limit", "5");
    // Base first: it migrates the access directory, which the others then find in place. Each
    // subgraph serves its metrics on a port of its own, for its access layer time (issue #8).
    const metricsUrls: Record<string, string> = {};
    const subgraphEnv = async (name: string) => {
      const metricsPort = await freePort();
      metricsUrls[name] = `http://127.0.0.1:${metricsPort}/metrics`;
      return { ...common, DATABASE_URL: poolUrl.href, BASE_URL: `${processes.get("base")?.origin ?? ""}/api/base/graphql`, METRICS_PORT: String(metricsPort) };
    };
    // One at a time, so that each start-to-ready figure is that process's alone, as an
    // orchestrator starting one replica sees it, not a share of six starting on two cores.
    for (const name of modules) await start(name, `subgraphs/${name}/dist/main.js`, await subgraphEnv(name));
    const routing = Object.fromEntries(modules.map((name) => [`${name.toUpperCase()}_ROUTING_URL`, `${processes.get(name)!.origin}/api/${name}/graphql`]));
    const marquee = await start("marquee", "gateway/dist/main.js", {
      ...common,
      ...routing,
      // Both load shapes send far more than a person's budget (600 a minute per user by default).
      RATE_LIMIT_USER_PER_MINUTE: "1000000",
      RATE_LIMIT_COMPANY_PER_MINUTE: "1000000",
    });
    const hive =
      options.hive === false
        ? undefined
        : await start("hive", "node_modules/@graphql-hive/gateway/dist/bin.js", { ...routing, GATEWAY_SECRET: gatewaySecret, ...(process.env["HOME"] ? { HOME: process.env["HOME"] } : {}) }, {
            readyPath: "/readiness",
            args: ["supergraph", "gateway/supergraph.graphql", "-c", "bench/hive-gateway.config.ts"],
          });
    const startup = `Start to ready: ${[...processes.values()].map((each) => `${each.name} ${(each.readyAfterMs / 1000).toFixed(1)} s`).join(", ")}.`;

    const seedDay = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`);
    const events = eventsOf(seedDay);
    const permissions = subgraphPackages.flatMap((subgraph) => [...subgraph.permissions.keys]);
    await seedWorld(databaseUrl, events, permissions, seedDay);
    const signer = identity;
    const tokens = await Promise.all(users.map((user) => signer.tokenFor(user.id)));

    return {
      adminUrl,
      databaseUrl,
      processes,
      subgraphs: modules.map((name) => processes.get(name)!),
      gateways: { marquee: { server: marquee, url: `${marquee.origin}${gatewayPath}` }, ...(hive ? { hive: { server: hive, url: `${hive.origin}${gatewayPath}` } } : {}) },
      metricsUrls,
      tokens,
      queries: benchQueries(events, seedDay),
      startup,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
