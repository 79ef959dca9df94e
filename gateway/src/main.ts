// The gateway as its own process (production): serves the committed supergraph
// (gateway/supergraph.graphql) on PORT (4000), routing to each subgraph's routing_url or
// its <NAME>_ROUTING_URL override. Its metrics are on METRICS_PORT, apart from the public port.
import { readFileSync } from "node:fs";
import { createLogger, createObservability, listen, loadPlatformConfig, loadShutdownTimings, metricsPath, serveMetrics, tokenVerifierFor } from "@marquee/kit";
import { createGateway, gatewayPath } from "./create-gateway.ts";
import { sandboxOrigin } from "./cors.ts";
import { readSupergraphConfig } from "./compose-supergraph.ts";
import { supergraphConfigFile, supergraphFile } from "./paths.ts";

const config = loadPlatformConfig();
const drainTimings = loadShutdownTimings();
const logger = createLogger({ name: "gateway", level: config.logLevel });
const observability = await createObservability(config.observability);
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
  observability,
});
await gateway.start();
const host = process.env["HOST"] ?? "0.0.0.0";
const server = await listen(gateway.handler, Number(process.env["PORT"] ?? 4000), host);
const metricsServer = config.observability.metricsPort === undefined ? undefined : await serveMetrics(observability.metrics, config.observability.metricsPort, host);
logger.info({ url: `${server.url}${gatewayPath}`, metrics: metricsServer && `${metricsServer.url}${metricsPath}`, routingUrls }, "gateway listening");

// SIGTERM drains (see listen.ts): in-flight requests finish, so a rolling restart fails none.
const shutdown = async () => {
  await server.drain(drainTimings);
  await metricsServer?.close();
  await gateway.stop();
  await observability.close();
  process.exit(0);
};
process.once("SIGTERM", () => void shutdown());
process.once("SIGINT", () => void shutdown());
