// `npm start` (run from the local build by scripts/run-local.mjs): the whole system in one
// process on the embedded database (or on the PostgreSQL named by DATABASE_URL /
// <OWNER>_DATABASE_URL), migrated on start and seeded with the demo world on first start.
import { join } from "node:path";
import { closeEmbeddedDatabases, ConfigError, loadPlatformConfig, resolveDatabaseTarget, type DataOwner } from "@marquee/kit";
import { startLocalStack } from "./local-stack.ts";

async function main() {
  // The local stack is for development; NODE_ENV=production still makes it a production run.
  const config = loadPlatformConfig(process.env, { defaultEnvironment: "development" });
  const stack = await startLocalStack({
    config,
    targetFor: (owner) => resolveDatabaseTarget(owner as DataOwner, process.env, join(config.dataDir, "pglite")),
    ports: "default",
    seedDemo: config.environment !== "production",
  });
  const subgraphs = [...stack.subgraphs.values()].map((subgraph) => `${subgraph.package.name} ${subgraph.url}`).join(", ");
  stack.services.logger.info({ subgraphs, metrics: stack.metricsUrl }, "subgraphs listening");
  process.stdout.write(`\nMarquee gateway ready at ${stack.gatewayUrl.replace("127.0.0.1", "localhost")} (Apollo Sandbox in a browser). Get a token: npm run token -- alice@northwind.test\n\n`);

  const shutdown = async (signal: string) => {
    stack.services.logger.info({ signal }, "shutting down");
    await stack.close();
    await closeEmbeddedDatabases();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch(async (error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  await closeEmbeddedDatabases();
  process.exit(1);
});
