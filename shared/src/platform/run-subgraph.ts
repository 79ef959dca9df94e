// A subgraph as its own process (production): `node subgraphs/<m>/dist/main.js` after `npm run build`.
// It migrates its own schema, opens the access directory (or uses the Auth service), and
// serves its route group on PORT. The local stack runs the same parts in one process.
import { fileURLToPath } from "node:url";
import { openAccessDirectory, accessDirectoryMigrations } from "../access/access-directory.ts";
import { createBaseReaderFactory } from "../base-client/base-reader.ts";
import { ConfigError, loadPlatformConfig } from "../config/platform-config.ts";
import { resolveDatabaseTarget, type DataOwner, type DatabaseTarget } from "../db/database-target.ts";
import { applyMigrations } from "../db/migrate.ts";
import { listen } from "../http/listen.ts";
import { createSubgraph } from "../subgraph/create-subgraph.ts";
import type { SubgraphPackage } from "../subgraph/subgraph-package.ts";
import { createPlatformServices } from "./platform-services.ts";

export async function runSubgraph(subgraphPackage: SubgraphPackage, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadPlatformConfig(env);
  const targetFor = async (owner: string): Promise<DatabaseTarget> => {
    const target = await resolveDatabaseTarget(owner as DataOwner, env, `${config.dataDir}/pglite-${subgraphPackage.name}`);
    if (target.kind === "embedded" && config.environment === "production") {
      throw new ConfigError([`${owner.toUpperCase()}_DATABASE_URL or DATABASE_URL is required in production.`]);
    }
    return target;
  };

  const directory = config.access.authAccessUrl ? undefined : await openAccessDirectoryMigrated(await targetFor("access"));
  const services = await createPlatformServices({
    config,
    name: subgraphPackage.name,
    directorySource: () => directory!.source,
  });
  const target = await targetFor(subgraphPackage.data.schema);
  await applyMigrations(target, { schema: subgraphPackage.data.schema, migrationsDir: fileURLToPath(subgraphPackage.data.migrationsDir) });
  const opened = await subgraphPackage.open({
    target,
    services,
    baseReaderFactory: createBaseReaderFactory({ url: env["BASE_URL"] ?? "http://localhost:4001/api/base/graphql", gatewaySecret: config.gatewaySecret }),
  });
  const subgraph = createSubgraph(opened.module, services);
  await subgraph.start();
  const server = await listen(subgraph.handler, Number(env["PORT"] ?? subgraphPackage.defaultPort), env["HOST"] ?? "0.0.0.0");
  services.logger.info({ url: `${server.url}${subgraph.routePath}` }, "subgraph listening");

  const shutdown = async () => {
    await server.close();
    await subgraph.stop();
    await opened.close();
    await directory?.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown());
  process.once("SIGINT", () => void shutdown());
}

async function openAccessDirectoryMigrated(target: DatabaseTarget) {
  await applyMigrations(target, { schema: accessDirectoryMigrations.schema, migrationsDir: fileURLToPath(accessDirectoryMigrations.migrationsDir) });
  return openAccessDirectory(target);
}
