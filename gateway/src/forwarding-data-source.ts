// How the gateway calls a subgraph: the caller's credentials and company, the request id
// and the gateway's shared secret, and nothing else from the incoming request.
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { companyHeader, gatewaySecretHeader, requestIdHeader } from "@marquee/kit";
import type { GatewayContext } from "./gateway-context.ts";
import type { Fetcher } from "./subgraph-fetcher.ts";

export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, private readonly gatewaySecret: string, fetcher: Fetcher) {
    super({ url, fetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http!.headers;
    headers.set(gatewaySecretHeader, this.gatewaySecret);
    // Composition and health checks run without a client request behind them.
    if (!("requestId" in context)) return;
    headers.set(requestIdHeader, context.requestId);
    if (context.authorization) headers.set("authorization", context.authorization);
    if (context.companyId) headers.set(companyHeader, context.companyId);
  }
}
