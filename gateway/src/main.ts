// The gateway as its own process (production): serves the committed supergraph
// (gateway/supergraph.graphql) on PORT (4000), routing to each subgraph's routing_url or
// its <NAME>_ROUTING_URL override.
import { readFileSync } from "node:fs";
import { createLogger, listen, loadPlatformConfig, tokenVerifierFor } from "@marquee/kit";
import { createGateway, gatewayPath } from "./create-gateway.ts";
import { sandboxOrigin } from "./cors.ts";
import { readSupergraphConfig } from "./compose-supergraph.ts";
import { supergraphConfigFile, supergraphFile } from "./paths.ts";

const config = loadPlatformConfig();
const logger = createLogger({ name: "gateway", level: config.logLevel });
const routingUrls = Object.fromEntries(
  readSupergraphConfig(supergraphConfigFile).map((subgraph) => [subgraph.name, process.env[`${subgraph.name.toUpperCase()}_ROUTING_URL`] ?? subgraph.routingUrl]),
);
const gateway = createGateway({
  supergraphSdl: readFileSync(supergraphFile, "utf8"),
  routingUrls,
  config,
  tokenVerifier: await tokenVerifierFor(config.auth, config.environment),
  logger,
  corsOrigins: [sandboxOrigin, ...(process.env["CORS_ORIGINS"]?.split(",").map((origin) => origin.trim()).filter(Boolean) ?? [])],
});
await gateway.start();
const server = await listen(gateway.handler, Number(process.env["PORT"] ?? 4000), process.env["HOST"] ?? "0.0.0.0");
logger.info({ url: `${server.url}${gatewayPath}`, routingUrls }, "gateway listening");

const shutdown = async () => {
  await server.close();
  await gateway.stop();
  process.exit(0);
};
process.once("SIGTERM", () => void shutdown());
process.once("SIGINT", () => void shutdown());
