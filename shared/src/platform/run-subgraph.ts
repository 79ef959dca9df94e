// A subgraph as its own process (production): `node subgraphs/<m>/dist/main.js` after `npm run build`.
// It migrates its own schema (as the owner role when <OWNER>_MIGRATION_DATABASE_URL is set,
// see db/database-roles.ts), opens the access directory (or uses the Auth service), and
// serves its route group on PORT, and its metrics on METRICS_PORT. The local stack runs the
// same parts in one process.
import { fileURLToPath } from "node:url";
import { openAccessDirectory, accessDirectoryMigrations, type AccessDirectory } from "../access/access-directory.ts";
import { createBaseReaderFactory } from "../base-client/base-reader.ts";
import { ConfigError, loadPlatformConfig } from "../config/platform-config.ts";
import { loadShutdownTimings } from "../config/shutdown-config.ts";
import { resolveDatabaseTarget, resolveMigrationTarget, type DataOwner, type DatabaseTarget } from "../db/database-target.ts";
import { applyMigrations } from "../db/migrate.ts";
import { listen } from "../http/listen.ts";
import { metricsPath, serveMetrics } from "../observability/metrics-server.ts";
import { createObservability } from "../observability/observability.ts";
import { createSubgraph } from "../subgraph/create-subgraph.ts";
import type { SubgraphPackage } from "../subgraph/subgraph-package.ts";
import { createPlatformServices } from "./platform-services.ts";

export async function runSubgraph(subgraphPackage: SubgraphPackage, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadPlatformConfig(env);
  const drainTimings = loadShutdownTimings(env);
  const observability = await createObservability(config.observability);
  const targetFor = async (owner: string): Promise<DatabaseTarget> => {
    const target = await resolveDatabaseTarget(owner as DataOwner, env, `${config.dataDir}/pglite-${subgraphPackage.name}`);
    if (target.kind === "embedded" && config.environment === "production") {
      throw new ConfigError([`${owner.toUpperCase()}_DATABASE_URL or DATABASE_URL is required in production.`]);
    }
    return observability.withPoolMetrics(subgraphPackage.name, target);
  };

  const migrate = (owner: DataOwner, target: DatabaseTarget, migrationsDir: URL) =>
    applyMigrations(resolveMigrationTarget(owner, target, env), { schema: owner, migrationsDir: fileURLToPath(migrationsDir) });

  let directory: AccessDirectory | undefined;
  if (!config.access.authAccessUrl) {
    const accessTarget = await targetFor("access");
    await migrate("access", accessTarget, accessDirectoryMigrations.migrationsDir);
    directory = openAccessDirectory(accessTarget);
  }
  const services = await createPlatformServices({
    config,
    name: subgraphPackage.name,
    observability,
    directory: () => directory!,
  });
  const target = await targetFor(subgraphPackage.data.schema);
  await migrate(subgraphPackage.data.schema as DataOwner, target, subgraphPackage.data.migrationsDir);
  const opened = await subgraphPackage.open({
    target,
    services,
    baseReaderFactory: createBaseReaderFactory({ url: env["BASE_URL"] ?? "http://localhost:4001/api/base/graphql", gatewaySecret: config.gatewaySecret }),
  });
  const subgraph = createSubgraph(opened.module, services);
  await subgraph.start();
  const host = env["HOST"] ?? "0.0.0.0";
  const server = await listen(subgraph.handler, Number(env["PORT"] ?? subgraphPackage.defaultPort), host);
  const metricsServer = config.observability.metricsPort === undefined ? undefined : await serveMetrics(observability.metrics, config.observability.metricsPort, host);
  services.logger.info({ url: `${server.url}${subgraph.routePath}`, metrics: metricsServer && `${metricsServer.url}${metricsPath}` }, "subgraph listening");

  const shutdown = async () => {
    await server.drain(drainTimings);
    await metricsServer?.close();
    await subgraph.stop();
    await opened.close();
    await services.close();
    await directory?.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown());
  process.once("SIGINT", () => void shutdown());
}
