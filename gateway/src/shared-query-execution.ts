// Identical queries that arrive while one of them is being executed are executed once.
// Under load many callers send the same query at the same moment (a dashboard refreshed by
// a team, a client retrying); planning and calling the subgraphs once for all of them
// answers each with the same data. Only the execution is shared: every request is still
// authenticated, rate-limited and measured on its own. "Identical" includes who asks: the
// same document, operation, variables, credentials and company, so that no caller ever
// receives an answer computed for another. Mutations are never shared, and nothing is kept
// once the execution ends: this is not a cache.
//
// Logging stays complete (spec §12: one line per operation). The request that executes
// leaves its lines in every subgraph it reached, under its request id; each request that
// shared its execution gets one line of its own here, naming the request it shared.
import type { ApolloGateway } from "@apollo/gateway";
import { operationAction, operationResult, type Logger } from "@marquee/kit";
import type { GatewayContext } from "./gateway-context.ts";

type GatewayLoad = Awaited<ReturnType<ApolloGateway["load"]>>;
export type Executor = NonNullable<GatewayLoad["executor"]>;
type ExecutionResult = Awaited<ReturnType<Executor>>;

/** The gateway as Apollo Server uses it, its executor sharing identical queries in flight. */
export function withSharedQueryExecution(gateway: ApolloGateway, logger: Logger, endpoint: string): Pick<ApolloGateway, "load" | "stop" | "onSchemaLoadOrUpdate"> {
  return {
    async load(options) {
      const loaded = await gateway.load(options);
      return { ...loaded, executor: loaded.executor && shareIdenticalQueries(loaded.executor, logger, endpoint) };
    },
    stop: () => gateway.stop(),
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
  };
}

export function shareIdenticalQueries(execute: Executor, logger: Logger, endpoint: string): Executor {
  const inFlight = new Map<string, { requestId: string; result: Promise<ExecutionResult> }>();
  return async (requestContext) => {
    if (requestContext.operation.operation !== "query") return execute(requestContext);
    const caller = requestContext.context as unknown as GatewayContext;
    const key = JSON.stringify([requestContext.queryHash, requestContext.operationName, requestContext.request.variables ?? {}, caller.authorization, caller.companyId ?? null]);
    const running = inFlight.get(key);
    if (!running) {
      const result = execute(requestContext).finally(() => inFlight.delete(key));
      inFlight.set(key, { requestId: caller.requestId, result });
      return result;
    }
    // Each request gets a result object of its own; what it holds is read, never changed.
    const result = { ...(await running.result) };
    logger.info(
      {
        requestId: caller.requestId,
        userId: caller.userId,
        companyId: caller.companyId ?? null,
        endpoint,
        action: operationAction(requestContext.operation),
        ...operationResult(result.errors ?? []),
        sharedExecutionOf: running.requestId,
      },
      "operation",
    );
    return result;
  };
}
