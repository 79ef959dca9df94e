// The Apollo gateway on Apollo Server: it composes nothing at run time (it serves the
// supergraph it is given), checks tokens and rate limits at the edge, forwards what
// subgraphs need and answers with the error contract's HTTP statuses. Apollo Sandbox is
// its landing page.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from "@apollo/server/plugin/landingPage/default";
import {
  createAccessChangePublisher,
  graphqlRequestPlugin,
  maskError,
  operationLimitsPlugin,
  readGraphQLRequest,
  textInputPlugin,
  writeGraphQLResponse,
  writeJson,
  type Logger,
  type Observability,
  type PlatformConfig,
  type RequestTrace,
  type TokenVerifier,
} from "@marquee/kit";
import { accessChangeWebhookPath, createAccessChangeWebhook } from "./access-change-webhook.ts";
import { corsHeaders } from "./cors.ts";
import { ForwardingDataSource } from "./forwarding-data-source.ts";
import { createGatewayContext, type Edge, type GatewayContext } from "./gateway-context.ts";
import { gatewayOperationLogPlugin } from "./gateway-operation-log-plugin.ts";
import { withoutInternals } from "./hide-internals.ts";
import { httpStatusPlugin } from "./http-status-plugin.ts";
import { logGatewayOperation, type GatewayOperationLine } from "./operation-line.ts";
import { createRequestRateLimit } from "./rate-limit/request-rate-limit.ts";
import { requestIdPlugin } from "./request-id-plugin.ts";
import { createSharedAnswers, withSharedAnswers } from "./shared-answers.ts";
import { createSubgraphFetcher, type SubgraphFetch } from "./subgraph-fetcher.ts";

export const gatewayPath = "/graphql";

export interface GatewayOptions {
  supergraphSdl: string;
  /** Subgraph name -> URL; overrides the routing URLs inside the supergraph. */
  routingUrls: Record<string, string>;
  config: PlatformConfig;
  tokenVerifier: TokenVerifier;
  logger: Logger;
  corsOrigins: string[];
  /** Its metrics (served by whoever runs it, never on the gateway's own port) and tracing. */
  observability: Observability;
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
  const { metrics } = options.observability;
  const tracing = options.observability.tracing("gateway");
  const timedFetcher = (subgraph: string): SubgraphFetch => async (url, init, kind) => {
    const startedAt = performance.now();
    const seconds = () => (performance.now() - startedAt) / 1000;
    try {
      const response = await subgraphFetcher.fetch(url, init, kind);
      metrics.recordSubgraphFetch(subgraph, response.ok ? "ok" : "error", seconds());
      return response;
    } catch (error) {
      metrics.recordSubgraphFetch(subgraph, "error", seconds());
      throw error;
    }
  };
  const rateLimit = createRequestRateLimit(config.rateLimits, {
    environment: config.environment,
    logger,
    endpoint: gatewayPath,
    ...(config.redisUrl ? { redisUrl: config.redisUrl } : {}),
  });
  // @apollo/gateway otherwise reports usage to Apollo's servers and, to describe the host,
  // probes the cloud metadata addresses of AWS, GCP, Azure and Alibaba at construction.
  // A gateway that carries promoters' business data calls nothing its operator did not configure.
  process.env["APOLLO_TELEMETRY_DISABLED"] = "true";
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger,
    buildService: ({ name, url }) => new ForwardingDataSource(options.routingUrls[name] ?? url!, config.gatewaySecret, timedFetcher(name)),
  });
  const logOperation = (line: GatewayOperationLine) => logGatewayOperation(logger, gatewayPath, line);
  const edge: Edge = { tokenVerifier: options.tokenVerifier, rateLimit, logOperation };
  const hidden = { subgraphNames: !development, schemaHints: !config.introspection };
  const sharedAnswers = createSharedAnswers({ logger, metrics, endpoint: gatewayPath });
  const apollo = new ApolloServer<GatewayContext>({
    gateway: withSharedAnswers(gateway, sharedAnswers),
    // The process drains on SIGTERM itself (http/listen.ts); Apollo's own handler would stop
    // the server under the requests in flight and re-raise the signal.
    stopOnTerminationSignals: false,
    logger,
    introspection: config.introspection,
    // Suggestions spell out the schema; they are hidden whenever it cannot be introspected.
    hideSchemaDetailsFromClientErrors: hidden.schemaHints,
    includeStacktraceInErrorResponses: development,
    // A request is authenticated before its document is read (gateway-context.ts); a document
    // is then parsed no further than its token limit, and measured before it is planned.
    parseOptions: { maxTokens: config.limits.gateway.maxTokens },
    plugins: [
      // Marquee's answers are per caller and never cached: no cache hints to gather.
      ApolloServerPluginCacheControlDisabled(),
      httpStatusPlugin(),
      graphqlRequestPlugin(metrics, "gateway"),
      requestIdPlugin(),
      gatewayOperationLogPlugin(logOperation),
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
  const changePublisher = config.access.webhookSecret && config.redisUrl ? createAccessChangePublisher(config.redisUrl, logger) : undefined;
  const accessChangeWebhook = changePublisher && createAccessChangeWebhook({ secret: config.access.webhookSecret!, publisher: changePublisher, logger });
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
        ? tracing.serve(`${request.method ?? "GET"} ${gatewayPath}`, request.headers, (trace) => answerGraphQLRequest(request, response, url, trace))
        : url.pathname === accessChangeWebhookPath && accessChangeWebhook
          ? accessChangeWebhook(request, response)
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

  async function answerGraphQLRequest(request: IncomingMessage, response: ServerResponse, url: URL, trace: RequestTrace): Promise<void> {
    const read = await readGraphQLRequest(request, response, url);
    if (!read) return;
    const { httpGraphQLRequest } = read;
    // Built once, whoever asks first: a request sharing an answer checks its caller before it
    // waits, and one that cannot share hands Apollo Server the same context (a 401 or 429 counted once).
    let context: Promise<GatewayContext> | undefined;
    const contextOnce = () => (context ??= createGatewayContext(httpGraphQLRequest.headers, trace, edge));
    const answer = await sharedAnswers.answer(read, contextOnce, (contextOf) => apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: contextOf }));
    await writeGraphQLResponse(response, answer);
  }

  function ready(response: ServerResponse) {
    writeJson(response, started ? 200 : 503, { status: started ? "ready" : "starting", service: "gateway" });
  }

  return {
    handler,
    async start() {
      await rateLimit.start();
      await apollo.start();
      started = true;
    },
    async stop() {
      started = false;
      await apollo.stop();
      subgraphFetcher.close();
      await rateLimit.stop();
      await changePublisher?.close();
    },
  };
}
