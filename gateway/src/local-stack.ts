// The whole system in one process: the access directory, every subgraph on its own port
// and the gateway in front, all on one database target per data owner (the embedded
// PGlite by default). `npm start` runs it for development and the end-to-end tests run it
// on throwaway databases. In production each subgraph and the gateway run on their own.
// The process's metrics (every service's, told apart by their `service` label) are served
// on METRICS_PORT (9464) unless it is `off`, as a production process serves its own.
import type { DestinationStream } from "pino";
import {
  applyMigrations,
  createBaseReaderFactory,
  createLogger,
  createObservability,
  createPlatformServices,
  createSubgraph,
  listen,
  metricsPath,
  openAccessDirectory,
  serveMetrics,
  accessDirectoryMigrations,
  type DatabaseTarget,
  type OpenedSubgraph,
  type PlatformConfig,
  type PlatformServices,
  type RunningServer,
  type SubgraphPackage,
  type TokenVerifier,
} from "@marquee/kit";
import { seedDemoAccess } from "@marquee/kit/demo";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { composeSupergraph, readSupergraphConfig } from "./compose-supergraph.ts";
import { createGateway, gatewayPath } from "./create-gateway.ts";
import { sandboxOrigin } from "./cors.ts";
import { moduleDemos } from "./demo-world.ts";
import { supergraphConfigFile, supergraphFile } from "./paths.ts";
import { subgraphPackages } from "./subgraph-packages.ts";

export interface LocalStackOptions {
  config: PlatformConfig;
  /** Which subgraphs to run; Base is always among them. Default: every module. */
  packages?: SubgraphPackage[];
  /** The database of each data owner (`access`, `base`, `finance`, ...). */
  targetFor: (owner: string) => Promise<DatabaseTarget>;
  /** `default`: the documented ports (gateway 4000, subgraphs 4001..., metrics METRICS_PORT); `ephemeral`: free ports (tests). */
  ports: "default" | "ephemeral";
  /** Seed the demo world into every data owner whose schema this start created. */
  seedDemo: boolean;
  tokenVerifier?: TokenVerifier;
  logDestination?: DestinationStream;
}

export interface RunningSubgraph {
  package: SubgraphPackage;
  opened: OpenedSubgraph;
  server: RunningServer;
  url: string;
}

export interface LocalStack {
  gatewayUrl: string;
  /** Where GET /metrics answers; undefined when METRICS_PORT is off. */
  metricsUrl?: string;
  services: PlatformServices;
  subgraphs: Map<string, RunningSubgraph>;
  close(): Promise<void>;
}

export const defaultGatewayPort = 4000;

/** The name the local stack's logs and process-wide metrics (access cache, pools) carry. */
const processName = "marquee";

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const packages = orderedWithBaseFirst(options.packages ?? subgraphPackages);
  const cleanups: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };

  try {
    const observability = await createObservability(options.config.observability);
    const targetFor = async (owner: string) => observability.withPoolMetrics(processName, await options.targetFor(owner));
    const accessTarget = await options.targetFor("access");
    const accessFresh = await migrate(accessTarget, accessDirectoryMigrations);
    const directory = openAccessDirectory(observability.withPoolMetrics(processName, accessTarget));
    cleanups.push(() => directory.close());

    const services = await createPlatformServices({
      config: options.config,
      name: processName,
      observability,
      directory: () => directory,
      ...(options.tokenVerifier ? { tokenVerifier: options.tokenVerifier } : {}),
      ...(options.logDestination ? { logDestination: options.logDestination } : {}),
    });
    cleanups.push(() => services.close());
    if (options.seedDemo && accessFresh) await seedDemoAccess(accessTarget, packages.map((subgraph) => subgraph.permissions));

    const subgraphs = new Map<string, RunningSubgraph>();
    let baseUrl = "";
    for (const subgraphPackage of packages) {
      const target = await targetFor(subgraphPackage.data.schema);
      const fresh = await migrate(target, subgraphPackage.data);
      const opened = await subgraphPackage.open({
        target,
        services,
        baseReaderFactory: createBaseReaderFactory({ url: baseUrl, gatewaySecret: options.config.gatewaySecret }),
      });
      cleanups.push(() => opened.close());
      const subgraph = createSubgraph(opened.module, services);
      await subgraph.start();
      cleanups.push(() => subgraph.stop());
      const server = await listen(subgraph.handler, options.ports === "default" ? subgraphPackage.defaultPort : 0);
      cleanups.push(() => server.close());
      const url = `${server.url}${subgraph.routePath}`;
      if (subgraphPackage.name === "base") baseUrl = url;
      if (options.seedDemo && fresh) await moduleDemos.find((demo) => demo.name === subgraphPackage.name)?.seed(target);
      subgraphs.set(subgraphPackage.name, { package: subgraphPackage, opened, server, url });
    }

    const gateway = createGateway({
      supergraphSdl: supergraphFor(subgraphs),
      routingUrls: Object.fromEntries([...subgraphs].map(([name, subgraph]) => [name, subgraph.url])),
      config: options.config,
      tokenVerifier: services.tokenVerifier,
      // A logger of its own rather than a child of the process's: a child's `service` would be a
      // second key of that name in each line, beside the process's "marquee".
      logger: createLogger({ name: "gateway", level: options.config.logLevel, ...(options.logDestination ? { destination: options.logDestination } : {}) }),
      corsOrigins: [sandboxOrigin],
      observability,
    });
    await gateway.start();
    cleanups.push(() => gateway.stop());
    const gatewayServer = await listen(gateway.handler, options.ports === "default" ? defaultGatewayPort : 0);
    cleanups.push(() => gatewayServer.close());
    const { metricsPort } = options.config.observability;
    const metricsServer = metricsPort === undefined ? undefined : await serveMetrics(observability.metrics, options.ports === "default" ? metricsPort : 0);
    if (metricsServer) cleanups.push(() => metricsServer.close());

    return { gatewayUrl: `${gatewayServer.url}${gatewayPath}`, ...(metricsServer ? { metricsUrl: `${metricsServer.url}${metricsPath}` } : {}), services, subgraphs, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Base first: the others read shared entities through it, so its URL must be known. */
function orderedWithBaseFirst(packages: SubgraphPackage[]): SubgraphPackage[] {
  const base = packages.find((subgraph) => subgraph.name === "base");
  if (!base) throw new Error("The Base subgraph is required: every module reads shared entities through it.");
  return [base, ...packages.filter((subgraph) => subgraph !== base)];
}

/** True when this run created the owner's tables, i.e. its first migration was applied now. */
async function migrate(target: DatabaseTarget, data: { schema: string; migrationsDir: URL }): Promise<boolean> {
  const migrationsDir = fileURLToPath(data.migrationsDir);
  const applied = await applyMigrations(target, { schema: data.schema, migrationsDir });
  const first = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()[0];
  return first !== undefined && applied.includes(first);
}

/**
 * The committed supergraph when the stack runs exactly the subgraphs of supergraph.yaml;
 * otherwise a composition of the running subgraphs' own schemas (a subset, or a module
 * that is not in the supergraph yet).
 */
function supergraphFor(subgraphs: Map<string, RunningSubgraph>): string {
  const configured = readSupergraphConfig(supergraphConfigFile);
  const running = [...subgraphs.keys()];
  if (configured.length === running.length && configured.every((subgraph) => subgraphs.has(subgraph.name))) return readFileSync(supergraphFile, "utf8");
  return composeSupergraph(
    [...subgraphs].map(([name, subgraph]) => ({ name, routingUrl: subgraph.url, schemaFile: fileURLToPath(subgraph.opened.module.schemaFile) })),
  );
}
