// Measures every GraphQL request a service answers: its count by result, its duration and
// its errors by code (metrics.ts), and the outcome on the request's server span. A request
// refused while its context is built (the gateway's 401 and 429) never starts Apollo's
// request pipeline: it is counted from `contextCreationDidFail`, without a duration.
// A subgraph's request also has its access layer's time observed (access-layer-clock.ts).
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { SpanStatusCode } from "@opentelemetry/api";
import { GraphQLError } from "graphql";
import { accessLayerClockOf } from "./access-layer-clock.ts";
import type { Metrics, OperationType } from "./metrics.ts";
import { activeSpan } from "./tracing.ts";

export function graphqlRequestPlugin<Context extends BaseContext>(metrics: Metrics, service: string): ApolloServerPlugin<Context> {
  return {
    async contextCreationDidFail({ error }) {
      const code = error instanceof GraphQLError ? error.extensions["code"] : undefined;
      recordGraphQLRequest(metrics, service, "unknown", [code ?? "INTERNAL_SERVER_ERROR"], undefined);
    },
    async requestDidStart() {
      const startedAt = performance.now();
      let operationType: OperationType = "unknown";
      return {
        async didResolveOperation({ operation }) {
          if (operation) operationType = operation.operation;
        },
        async willSendResponse({ response, errors, contextValue }) {
          const formatted = response.body.kind === "single" ? (response.body.singleResult.errors ?? []) : [];
          const codes = formatted.length > 0 ? formatted.map((error) => error.extensions?.["code"]) : (errors ?? []).map((error) => error.extensions["code"]);
          recordGraphQLRequest(metrics, service, operationType, codes, (performance.now() - startedAt) / 1000);
          // Only a subgraph's context carries a clock; the gateway has no access layer of its own.
          const accessLayer = accessLayerClockOf(contextValue);
          if (accessLayer) metrics.recordAccessLayer(service, accessLayer.seconds);
        },
      };
    },
  };
}

/**
 * One answered request in the metrics and on its span. The gateway records this way the
 * requests it answers without Apollo's pipeline (gateway/src/shared-answers.ts).
 */
export function recordGraphQLRequest(metrics: Metrics, service: string, operationType: OperationType, errorCodes: readonly unknown[], seconds: number | undefined): void {
  metrics.recordRequest(service, operationType, errorCodes, seconds);
  markSpan(operationType, errorCodes[0]);
}

function markSpan(operationType: OperationType, errorCode: unknown): void {
  const span = activeSpan();
  if (!span) return;
  span.setAttribute("graphql.operation.type", operationType);
  if (errorCode === undefined) return;
  span.setAttribute("marquee.error.code", String(errorCode));
  span.setStatus({ code: SpanStatusCode.ERROR });
}
