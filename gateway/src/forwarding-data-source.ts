// How the gateway calls a subgraph: the caller's credentials and company, the request id,
// the trace context (`traceparent`: the gateway's fetch span, or the caller's own when
// tracing is off) and the gateway's shared secret, and nothing else from the incoming request. A subgraph
// that cannot be reached costs its part of the answer with SERVICE_UNAVAILABLE (spec §10:
// a system failure, 503 when nothing else came back), not an internal error.
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { companyHeader, gatewaySecretHeader, injectTraceContext, requestIdHeader } from "@marquee/kit";
import { GraphQLError } from "graphql";
import type { GatewayContext } from "./gateway-context.ts";
import type { Fetcher } from "./subgraph-fetcher.ts";

export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, private readonly gatewaySecret: string, fetcher: Fetcher) {
    super({ url, fetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http!.headers;
    headers.set(gatewaySecretHeader, this.gatewaySecret);
    injectTraceContext((name, value) => headers.set(name, value));
    // Composition and health checks run without a client request behind them.
    if (!("requestId" in context)) return;
    headers.set(requestIdHeader, context.requestId);
    if (context.authorization) headers.set("authorization", context.authorization);
    if (context.companyId) headers.set(companyHeader, context.companyId);
  }

  /**
   * No answer at all (connection refused or reset, a timeout) or a 5xx from whatever stands
   * in front of the subgraph (a proxy with no ready instance) means the subgraph is down or
   * going, which a retry shortly after may not find. Anything else stays an internal error.
   */
  override didEncounterError(error: Error, _request: unknown, response?: { status: number }): void {
    if (response === undefined || response.status >= 500) {
      throw new GraphQLError("Part of this answer is unavailable right now; please retry shortly.", { extensions: { code: "SERVICE_UNAVAILABLE" }, originalError: error });
    }
    throw error;
  }
}
