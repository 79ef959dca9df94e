// The limits at work: once Apollo Server has parsed and validated an operation and knows
// its variables, and before the gateway plans it or a subgraph resolves any of it, the
// operation is measured and refused when it asks for more than a request may.
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { OperationLimits } from "../config/request-limits.ts";
import { measureOperation } from "./operation-figures.ts";
import { assertWithinLimits } from "./operation-limits.ts";

export function operationLimitsPlugin(limits: OperationLimits, options: { assumedListSize: number }): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          // No operation of the name asked for: Apollo Server answers that itself.
          if (!operation) return;
          assertWithinLimits(measureOperation({ schema, document, operation, variables: request.variables ?? {} }, options), limits);
        },
      };
    },
  };
}
