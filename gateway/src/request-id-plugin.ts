// Every gateway answer names its request id, so a user reporting a problem can quote it
// and an operator can find the subgraphs' log lines for it.
import type { ApolloServerPlugin } from "@apollo/server";
import { requestIdHeader } from "@marquee/kit";
import type { GatewayContext } from "./gateway-context.ts";

export function requestIdPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async willSendResponse({ response }) {
          if (contextValue.requestId) response.http.headers.set(requestIdHeader, contextValue.requestId);
        },
      };
    },
  };
}
