// How the gateway calls a subgraph: the caller's credentials and company, the request id,
// the trace context (`traceparent`: the gateway's fetch span, or the caller's own when
// tracing is off) and the gateway's shared secret, and nothing else from the incoming request. A subgraph
// that cannot be reached costs its part of the answer with SERVICE_UNAVAILABLE (spec §10:
// a system failure, 503 when nothing else came back), not an internal error.
//
// A GraphQLDataSource of its own rather than Apollo's RemoteGraphQLDataSource: that one builds
// node-fetch Headers and a node-fetch Request on every call, which nothing reads (issue #8's
// profile of the gateway), and leaves the fetcher to find out from the body whether it sends
// a query, which alone may be shared or sent twice, when the operation is known here. What
// Apollo's does that Marquee uses is done the same way: JSON over POST, an error carrying
// the subgraph's status and body for a non-2xx answer (UNAUTHENTICATED for 401, FORBIDDEN for
// 403). What Marquee does not use is left out: automatic persisted queries, and subgraphs'
// cache hints (Marquee's answers are per caller and never cached).
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLRequest, GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { companyHeader, gatewaySecretHeader, requestIdHeader } from "@marquee/kit";
import { getOperationAST, GraphQLError, parse } from "graphql";
import type { GatewayContext } from "./gateway-context.ts";
import type { FetcherResponse, OperationKind, SubgraphAnswer, SubgraphFetch } from "./subgraph-fetcher.ts";

export class ForwardingDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly url: string,
    private readonly gatewaySecret: string,
    private readonly fetch: SubgraphFetch,
  ) {}

  async process({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { query, variables, operationName, extensions } = request;
    if (!query) throw new Error("Missing query");
    const init = { method: "POST", headers: this.headersFor(request, context), body: JSON.stringify({ query, variables, operationName, extensions }) };
    let response: SubgraphAnswer | undefined;
    try {
      response = await this.fetch(this.url, init, operationKinds.of(query, operationName));
      if (!response.ok) throw await errorFromResponse(response);
      // The subgraph ran this request's operation and logged it, unless the call joined another
      // request's identical one: the gateway then logs it (gateway-operation-log-plugin.ts).
      if (isClientRequest(context) && !response.joined) context.subgraphAnswers.count += 1;
      const body = await bodyOf(response);
      if (typeof body !== "object" || body === null || Array.isArray(body)) throw new Error(`Expected JSON response body, but received: ${String(body)}`);
      return { ...(body as GatewayGraphQLResponse), http: response };
    } catch (error) {
      // No answer at all (connection refused or reset, a timeout) or a 5xx from whatever stands
      // in front of the subgraph (a proxy with no ready instance) means the subgraph is down or
      // going, which a retry shortly after may not find. Anything else stays an internal error.
      if (response === undefined || response.status >= 500) {
        throw new GraphQLError("Part of this answer is unavailable right now; please retry shortly.", { extensions: { code: "SERVICE_UNAVAILABLE" }, originalError: error as Error });
      }
      throw error;
    }
  }

  private headersFor(request: GatewayGraphQLRequest, context: GatewayContext | Record<string, unknown>): Record<string, string> {
    // What the query plan's executor asks to send along (nothing, unless usage reporting is on).
    const headers: Record<string, string> = {};
    for (const [name, value] of request.http?.headers ?? []) headers[name.toLowerCase()] = value;
    headers["content-type"] = "application/json";
    headers[gatewaySecretHeader] = this.gatewaySecret;
    // Composition and health checks run without a client request behind them.
    if (!isClientRequest(context)) return headers;
    context.trace.inject((name, value) => (headers[name] = value));
    headers[requestIdHeader] = context.requestId;
    if (context.authorization) headers["authorization"] = context.authorization;
    if (context.companyId) headers[companyHeader] = context.companyId;
    return headers;
  }
}

function isClientRequest(context: GatewayContext | Record<string, unknown>): context is GatewayContext {
  return "requestId" in context;
}

/** JSON when the subgraph says so (a GraphQL answer), the text otherwise (a proxy's error page). */
function bodyOf(response: FetcherResponse): Promise<unknown> {
  const type = response.headers.get("content-type");
  return type !== null && (type.startsWith("application/json") || type.startsWith("application/graphql-response+json")) ? response.json() : response.text();
}

/** A non-2xx answer as the error Apollo's data source makes of it, with the subgraph's status and body. */
async function errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
  const body = await bodyOf(response);
  const code = response.status === 401 ? "UNAUTHENTICATED" : response.status === 403 ? "FORBIDDEN" : undefined;
  return new GraphQLError(`${response.status}: ${response.statusText}`, {
    extensions: { response: { url: response.url, status: response.status, statusText: response.statusText, body }, ...(code ? { code } : {}) },
  });
}

/**
 * What each subgraph document does, for the fetcher, which shares or resends only a query.
 * The gateway sends a fixed set of documents (one per query plan fetch, each always under
 * the same operation name), so each is parsed once; the memory is bounded all the same.
 */
const operationKinds = {
  known: new Map<string, { operationName: string | undefined; kind: OperationKind }>(),
  of(query: string, operationName: string | undefined): OperationKind {
    const known = this.known.get(query);
    if (known !== undefined && known.operationName === operationName) return known.kind;
    let kind: OperationKind;
    try {
      kind = getOperationAST(parse(query), operationName)?.operation;
    } catch {
      kind = undefined;
    }
    if (this.known.size >= 1_000) this.known.clear();
    this.known.set(query, { operationName, kind });
    return kind;
  },
};
