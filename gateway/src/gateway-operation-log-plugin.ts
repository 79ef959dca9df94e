// The line of a request that passed the edge but that no subgraph answered under its own id
// (operation-line.ts): a document that does not parse, validate or fit the limits, an
// introspection query or a `__typename` (the gateway answers both from its own schema), a
// plan whose subgraphs could not be reached, or one whose every subgraph call joined an
// identical call of another request in flight (subgraph-fetcher.ts: the subgraph logged that
// request). A request that some subgraph answered has that subgraph's line, under the same
// request id, and none here: one line per operation.
import type { ApolloServerPlugin } from "@apollo/server";
import { answerResult, durationMsSince, operationAction } from "@marquee/kit";
import type { OperationDefinitionNode } from "graphql";
import type { GatewayContext } from "./gateway-context.ts";
import type { GatewayOperationLine } from "./operation-line.ts";

export function gatewayOperationLogPlugin(logOperation: (line: GatewayOperationLine) => void): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const startedAt = performance.now();
      let operation: OperationDefinitionNode | undefined;
      return {
        async didResolveOperation(requestContext) {
          operation = requestContext.operation;
        },
        async willSendResponse(requestContext) {
          if (contextValue.subgraphAnswers.count > 0) return;
          logOperation({
            requestId: contextValue.requestId,
            userId: contextValue.userId,
            companyId: contextValue.companyId ?? null,
            action: operation ? operationAction(operation) : "unknown",
            outcome: answerResult(requestContext),
            durationMs: durationMsSince(startedAt),
          });
        },
      };
    },
  };
}
