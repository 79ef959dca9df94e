// The Apollo gateway on Apollo Server: it composes nothing at run time (it serves the
// supergraph it is given), checks tokens at the edge, forwards what subgraphs need and
// answers with the error contract's HTTP statuses. Apollo Sandbox is its landing page.
import type { RequestListener, ServerResponse } from "node:http";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from "@apollo/server/plugin/landingPage/default";
import { handleGraphQLRequest, maskError, operationLimitsPlugin, textInputPlugin, writeJson, type Logger, type PlatformConfig, type TokenVerifier } from "@marquee/kit";
import { corsHeaders } from "./cors.ts";
import { ForwardingDataSource } from "./forwarding-data-source.ts";
import { createGatewayContext, type GatewayContext } from "./gateway-context.ts";
import { withoutInternals } from "./hide-internals.ts";
import { httpStatusPlugin } from "./http-status-plugin.ts";
import { requestIdPlugin } from "./request-id-plugin.ts";
import { createSubgraphFetcher } from "./subgraph-fetcher.ts";

export const gatewayPath = "/graphql";

export interface GatewayOptions {
  supergraphSdl: string;
  /** Subgraph name -> URL; overrides the routing URLs inside the supergraph. */
  routingUrls: Record<string, string>;
  config: PlatformConfig;
  tokenVerifier: TokenVerifier;
  logger: Logger;
  corsOrigins: string[];
}

export interface Gateway {
  handler: RequestListener;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createGateway(options: GatewayOptions): Gateway {
  const { config, logger } = options;
  const development = config.environment === "development";
  const subgraphFetcher = createSubgraphFetcher();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger,
    buildService: ({ name, url }) => new ForwardingDataSource(options.routingUrls[name] ?? url!, config.gatewaySecret, subgraphFetcher.fetch),
  });
  const hidden = { subgraphNames: !development, schemaHints: !config.introspection };
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    introspection: config.introspection,
    // Suggestions spell out the schema; they are hidden whenever it cannot be introspected.
    hideSchemaDetailsFromClientErrors: hidden.schemaHints,
    includeStacktraceInErrorResponses: development,
    // A request is authenticated before its document is read (gateway-context.ts); a document
    // is then parsed no further than its token limit, and measured before it is planned.
    parseOptions: { maxTokens: config.limits.gateway.maxTokens },
    plugins: [
      httpStatusPlugin(),
      requestIdPlugin(),
      operationLimitsPlugin(config.limits.gateway, { assumedListSize: config.limits.assumedListSize }),
      textInputPlugin(),
      config.environment === "production"
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ footer: false, includeCookies: false }),
    ],
    formatError: (formatted, error) => {
      const masked = maskError(withoutInternals(formatted, hidden), { includeStacktrace: development, original: error });
      if (masked.extensions?.["code"] === "INTERNAL_SERVER_ERROR") logger.error({ err: error }, "internal error at the gateway");
      return masked;
    },
  });
  let started = false;

  const handler: RequestListener = (request, response) => {
    const url = new URL(request.url ?? "/", "http://gateway");
    for (const [name, value] of Object.entries(corsHeaders(request.headers.origin, options.corsOrigins))) response.setHeader(name, value);
    if (request.method === "OPTIONS") {
      response.statusCode = 204;
      response.end();
      return;
    }
    const route =
      url.pathname === gatewayPath
        ? handleGraphQLRequest(apollo, request, response, (headers) => createGatewayContext(headers, options.tokenVerifier), url).then(() => undefined)
        : url.pathname === "/health"
          ? Promise.resolve(writeJson(response, 200, { status: "ok", service: "gateway" }))
          : url.pathname === "/ready"
            ? Promise.resolve(ready(response))
            : Promise.resolve(writeJson(response, 404, { error: `Not found. GraphQL and Apollo Sandbox are at ${gatewayPath}.` }));
    route.catch((error: unknown) => {
      logger.error({ err: error }, "gateway request failed");
      if (!response.headersSent) writeJson(response, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
    });
  };

  function ready(response: ServerResponse) {
    writeJson(response, started ? 200 : 503, { status: started ? "ready" : "starting", service: "gateway" });
  }

  return {
    handler,
    async start() {
      await apollo.start();
      started = true;
    },
    async stop() {
      started = false;
      await apollo.stop();
      subgraphFetcher.close();
    },
  };
}
