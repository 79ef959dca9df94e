// The subgraph factory: a module is its schema.graphql, its resolvers, its access rules
// and its data access; everything else (authentication, company context, access
// resolution, deny-by-default rules, request limits, error masking, logging, health, the
// route group) is the same for every module and lives here.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse, type GraphQLSchema } from "graphql";
import type { Logger } from "pino";
import type { AccessResolver } from "../access/resolve-access-context.ts";
import type { TokenVerifier } from "../auth/token-verifier.ts";
import type { PlatformConfig } from "../config/platform-config.ts";
import { maskError } from "../errors/mask-error.ts";
import { sharedScalars } from "../graphql/scalars.ts";
import { textInputPlugin } from "../graphql/text-input-plugin.ts";
import { handleGraphQLRequest, writeJson } from "../http/apollo-http-handler.ts";
import { operationLimitsPlugin } from "../limits/operation-limits-plugin.ts";
import { operationLogPlugin } from "../logging/operation-log-plugin.ts";
import { graphqlRequestPlugin } from "../observability/graphql-request-plugin.ts";
import type { Observability } from "../observability/observability.ts";
import type { RequestTrace } from "../observability/tracing.ts";
import { applyAccessRules } from "../rules/apply-access-rules.ts";
import { operationDecisionsPlugin } from "../rules/operation-decisions.ts";
import type { ModuleAccess } from "../rules/module-access.ts";
import { buildRequestContext } from "./build-request-context.ts";
import { carriesGatewaySecret, gatewaySecretHeader } from "./gateway-secret.ts";
import type { RequestContext } from "./request-context.ts";
import { schemaSourceOf } from "./schema-files.ts";

export interface SubgraphModule<Context extends RequestContext> {
  /** The module key (spec §3), which is also the route group: /api/<name>/graphql. */
  name: string;
  schemaFile: URL;
  resolvers: object;
  /** Who may see each type the module owns, and the rule of each entry point. */
  access: ModuleAccess;
  /** Adds the module's data access to the kit's request context. */
  createContext(request: RequestContext): Context;
  /** Throws when the module cannot serve (its database is unreachable, say). */
  checkReadiness(): Promise<void>;
}

export interface PlatformServices {
  config: PlatformConfig;
  tokenVerifier: TokenVerifier;
  accessResolver: AccessResolver;
  logger: Logger;
  /** The process's metrics and each service's tracing. */
  observability: Observability;
  /** Stops what the services hold open (the access change feed's connection, the trace exporters). */
  close(): Promise<void>;
}

export interface Subgraph {
  name: string;
  routePath: string;
  schema: GraphQLSchema;
  typeDefsSource: string;
  handler: RequestListener;
  start(): Promise<void>;
  stop(): Promise<void>;
}

type SubgraphResolvers = Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>["resolvers"];

/**
 * A subgraph answers the gateway with HTTP 200 whatever its errors (a variable that fails
 * a scalar makes Apollo Server answer 400): the gateway replaces the errors of a non-200
 * answer with its own, and sets the client's status once, at the edge, from the codes.
 */
function answerGatewayWithOk(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.status = 200;
        },
      };
    },
  };
}

export const routePathOf = (module: string) => `/api/${module}/graphql`;

export function createSubgraph<Context extends RequestContext>(module: SubgraphModule<Context>, services: PlatformServices): Subgraph {
  const routePath = routePathOf(module.name);
  // Every part of the schema, those extending other modules' entities included (schema-files.ts).
  const typeDefsSource = schemaSourceOf(fileURLToPath(module.schemaFile));
  const typeDefs = parse(typeDefsSource);
  const declaredScalars = Object.fromEntries(
    Object.entries(sharedScalars).filter(([name]) => new RegExp(`^scalar ${name}\\b`, "m").test(typeDefsSource)),
  );
  const schema = applyAccessRules(
    buildSubgraphSchema({ typeDefs, resolvers: { ...declaredScalars, ...module.resolvers } as SubgraphResolvers }),
    module.access,
  );
  const logger = services.logger.child({ subgraph: module.name });
  const development = services.config.environment === "development";
  const tracing = services.observability.tracing(module.name);

  const apollo = new ApolloServer<Context>({
    schema,
    // The process drains on SIGTERM itself (http/listen.ts); Apollo's own handler would stop
    // the server under the requests in flight and re-raise the signal.
    stopOnTerminationSignals: false,
    introspection: services.config.introspection,
    // "Did you mean …?" in a validation error tells the schema to whoever cannot introspect it.
    hideSchemaDetailsFromClientErrors: !services.config.introspection,
    includeStacktraceInErrorResponses: development,
    logger,
    // The gateway has held the client's operation to its limits; a subgraph holds what it is sent to its own.
    parseOptions: { maxTokens: services.config.limits.subgraph.maxTokens },
    // Inline traces serve Apollo's usage reporting, which Marquee does not use. Cache hints
    // neither: Marquee's answers are per caller and never cached, and the cache control plugin,
    // on by default, would wrap every field's resolver to collect them (issue #8's profile).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      operationLogPlugin(routePath),
      graphqlRequestPlugin(services.observability.metrics, module.name),
      operationLimitsPlugin(services.config.limits.subgraph, { assumedListSize: services.config.limits.assumedListSize }),
      textInputPlugin(),
      operationDecisionsPlugin(),
      answerGatewayWithOk(),
    ],
    formatError: (formatted, error) => {
      const masked = maskError(formatted, { includeStacktrace: development, original: error });
      if (masked.extensions?.["code"] === "INTERNAL_SERVER_ERROR") logger.error({ err: error }, "internal error");
      return masked;
    },
  });

  async function serveGraphQL(request: IncomingMessage, response: ServerResponse, url: URL, trace: RequestTrace) {
    if (!carriesGatewaySecret(request.headers[gatewaySecretHeader], services.config.gatewaySecret)) {
      writeJson(response, 403, { errors: [{ message: "This subgraph answers only the Marquee gateway.", extensions: { code: "FORBIDDEN" } }] });
      return;
    }
    await handleGraphQLRequest(apollo, request, response, async (headers) => module.createContext(await buildRequestContext(headers, trace, { ...services, logger })), url);
  }

  const handler: RequestListener = (request, response) => {
    const url = new URL(request.url ?? "/", "http://subgraph");
    const route =
      url.pathname === routePath ? tracing.serve(`${request.method ?? "GET"} ${routePath}`, request.headers, (trace) => serveGraphQL(request, response, url, trace))
      : url.pathname === "/health" ? Promise.resolve(writeJson(response, 200, { status: "ok", subgraph: module.name }))
      : url.pathname === "/ready" ? readiness(response)
      : Promise.resolve(writeJson(response, 404, { error: `Not found. GraphQL is served at ${routePath}.` }));
    route.catch((error: unknown) => {
      logger.error({ err: error }, "request failed");
      if (!response.headersSent) writeJson(response, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
    });
  };

  async function readiness(response: ServerResponse) {
    try {
      await module.checkReadiness();
      writeJson(response, 200, { status: "ready", subgraph: module.name });
    } catch (error) {
      logger.warn({ err: error }, "not ready");
      writeJson(response, 503, { status: "unavailable", subgraph: module.name });
    }
  }

  return {
    name: module.name,
    routePath,
    schema,
    typeDefsSource,
    handler,
    start: () => apollo.start(),
    stop: () => apollo.stop(),
  };
}
