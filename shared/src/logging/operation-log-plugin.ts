// Spec §12: one log line per operation per subgraph, with who (userId, companyId),
// where (endpoint), what (action: the operation type and its root fields) and how it
// ended (result: ok, denied with the reason, or error with the code), and the duration.
// The request id and the trace id come with the request's logger (build-request-context.ts),
// which writes them into every line it logs: written here too, they would appear twice.
import type { ApolloServerPlugin, GraphQLResponse } from "@apollo/server";
import type { GraphQLError, GraphQLFormattedError } from "graphql";
import { Kind, type OperationDefinitionNode } from "graphql";
import type { RequestContext } from "../subgraph/request-context.ts";

const denialCodes = new Set(["UNAUTHENTICATED", "FORBIDDEN"]);

export function operationLogPlugin(endpoint: string): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const startedAt = performance.now();
      let action = "unknown";
      return {
        async didResolveOperation({ operation }) {
          if (operation) action = operationAction(operation);
        },
        async willSendResponse(requestContext) {
          const { authentication, company } = contextValue;
          contextValue.logger.info(
            {
              userId: authentication.status === "authenticated" ? authentication.userId : null,
              companyId: company.status === "present" ? company.companyId : null,
              endpoint,
              action,
              ...answerResult(requestContext),
              durationMs: durationMsSince(startedAt),
            },
            "operation",
          );
        },
      };
    },
  };
}

/** The log line's `action`: the operation type and its root fields, e.g. "query events,viewer". */
export function operationAction(operation: OperationDefinitionNode): string {
  const rootFields = operation.selectionSet.selections
    .map((selection) => (selection.kind === Kind.FIELD ? selection.name.value : "…"))
    .join(",");
  return `${operation.operation} ${rootFields}`;
}

/**
 * The log line's `result` for the answer about to be sent: from its errors as the caller
 * sees them, or from the request's own when the answer carries none (an incremental one).
 */
export function answerResult({ response, errors }: { response: GraphQLResponse; errors?: readonly GraphQLError[] }): { result: string; reason?: string; code?: string } {
  const formatted: readonly GraphQLFormattedError[] = response.body.kind === "single" ? (response.body.singleResult.errors ?? []) : [];
  return operationResult(formatted.length > 0 ? formatted : (errors ?? []).map((error) => ({ message: error.message, extensions: error.extensions })));
}

/** The log line's `durationMs`: milliseconds since `startedAt` (performance.now()), to a tenth. */
export function durationMsSince(startedAt: number): number {
  return Math.round((performance.now() - startedAt) * 10) / 10;
}

/** The log line's `result`: ok, denied with the code and reason, or error with the first error's code. */
export function operationResult(errors: readonly Pick<GraphQLFormattedError, "message" | "extensions">[]): { result: string; reason?: string; code?: string } {
  if (errors.length === 0) return { result: "ok" };
  const denial = errors.find((error) => denialCodes.has(String(error.extensions?.["code"])));
  if (denial) return { result: "denied", code: String(denial.extensions?.["code"]), reason: denial.message };
  return { result: "error", code: String(errors[0]!.extensions?.["code"] ?? "INTERNAL_SERVER_ERROR"), reason: errors[0]!.message };
}
