// Identical queries that arrive while one of them is being executed are answered once.
// Under load many callers send the same query at the same moment (a dashboard refreshed by
// a team, a client retrying); planning and calling the subgraphs once for all of them
// answers each with the same data. "Identical" includes who asks: the same request body
// (document, operation, variables), credentials, company and accepted media type, so that
// no caller ever receives an answer computed for another. Mutations are never shared, and
// nothing is kept once the execution ends: this is not a cache.
//
// The answer is shared whole, as the executing request's HTTP answer (its status, headers
// and text): a request that joins one in flight skips Apollo Server's pipeline (hashing,
// plugins, limits, formatting, JSON), which is most of what the gateway spends on it
// (issue #8). Every request is still authenticated and rate-limited on its own (its own
// context, built first), counted in the metrics, and answered under its own request id.
//
// Logging stays complete (spec §12: one line per operation). The request that executes
// leaves its lines in every subgraph it reached, under its request id; each request that
// shared its execution gets one line of its own here, naming the request it shared.
import type { ApolloGateway } from "@apollo/gateway";
import { HeaderMap, type HTTPGraphQLResponse } from "@apollo/server";
import { companyHeader, operationAction, operationResult, recordGraphQLRequest, requestIdHeader, type GraphQLHttpRequest, type Logger, type Metrics } from "@marquee/kit";
import type { GatewayContext } from "./gateway-context.ts";
import { logGatewayOperation } from "./operation-line.ts";

type GatewayLoad = Awaited<ReturnType<ApolloGateway["load"]>>;
export type Executor = NonNullable<GatewayLoad["executor"]>;
type ExecutionResult = Awaited<ReturnType<Executor>>;

/** Runs a request through Apollo Server, with the context it is to use. */
export type ApolloRun = (context: () => Promise<GatewayContext>) => Promise<HTTPGraphQLResponse>;

/** What identical requests wait for, from the request that runs. */
interface Running {
  /** Its query's execution once it starts; undefined when there is none to share (a mutation, a request refused before it executes). */
  execution: Settable<{ requestId: string; action: string; result: Promise<ExecutionResult> } | undefined>;
  /** Its whole HTTP answer; undefined when it has none to share (an incremental answer, a failure). */
  answer: Settable<HTTPGraphQLResponse | undefined>;
}

/**
 * The context of a request that identical ones may be waiting on, marked for the executor.
 * A property rather than a map keyed by the object: Apollo Server hands the executor a copy
 * of the context it built (its own properties, symbols included).
 */
const runningRequest = Symbol("running request");
type RunningContext = GatewayContext & { [runningRequest]?: { key: string; running: Running } };

export interface SharedAnswers {
  /** Answers a request: with the answer of an identical query in flight, or by running it through Apollo Server. */
  answer(request: GraphQLHttpRequest, context: () => Promise<GatewayContext>, run: ApolloRun): Promise<HTTPGraphQLResponse>;
  /** The gateway's executor, telling the requests waiting on one that runs whether and what it executes. */
  executor(execute: Executor): Executor;
}

export function createSharedAnswers(options: { logger: Logger; metrics: Metrics; endpoint: string }): SharedAnswers {
  const { logger, metrics, endpoint } = options;
  const inFlight = new Map<string, Running>();

  const end = (key: string, running: Running) => {
    if (inFlight.get(key) === running) inFlight.delete(key);
  };

  async function answerOfIdentical(running: Running, context: () => Promise<GatewayContext>, startedAt: number): Promise<HTTPGraphQLResponse | undefined> {
    let caller: GatewayContext;
    try {
      caller = await context();
    } catch {
      // Refused on its own (its token, its rate limit): Apollo Server answers it, from the same context.
      return undefined;
    }
    const execution = await running.execution.promise;
    if (!execution) return undefined;
    const [answer, result] = await Promise.all([running.answer.promise, execution.result.catch(() => undefined)]);
    if (!answer || !result) return undefined;
    const errors = result.errors ?? [];
    logGatewayOperation(logger, endpoint, {
      requestId: caller.requestId,
      userId: caller.userId,
      companyId: caller.companyId ?? null,
      action: execution.action,
      outcome: operationResult(errors),
      sharedExecutionOf: execution.requestId,
    });
    recordGraphQLRequest(
      metrics,
      "gateway",
      "query",
      errors.map((error) => error.extensions["code"]),
      (performance.now() - startedAt) / 1000,
    );
    const headers = new HeaderMap([...answer.headers]);
    headers.set(requestIdHeader, caller.requestId);
    return { ...answer, headers };
  }

  return {
    async answer(request, context, run) {
      const startedAt = performance.now();
      const key = sharingKey(request);
      if (key === undefined) return run(context);
      const identical = inFlight.get(key);
      if (identical) return (await answerOfIdentical(identical, context, startedAt)) ?? run(context);

      const running: Running = { execution: settable(), answer: settable() };
      inFlight.set(key, running);
      try {
        const response = await run(async () => {
          const caller: RunningContext = await context();
          caller[runningRequest] = { key, running };
          return caller;
        });
        running.answer.settle(response.body.kind === "complete" ? response : undefined);
        return response;
      } finally {
        // Settling what was settled already changes nothing: these only reach requests still waiting.
        running.execution.settle(undefined);
        running.answer.settle(undefined);
        end(key, running);
      }
    },

    executor(execute) {
      return async (requestContext) => {
        const caller = requestContext.context as unknown as RunningContext;
        const mine = caller[runningRequest];
        if (!mine) return execute(requestContext);
        if (requestContext.operation.operation !== "query") {
          mine.running.execution.settle(undefined);
          end(mine.key, mine.running);
          return execute(requestContext);
        }
        const result = execute(requestContext);
        mine.running.execution.settle({ requestId: caller.requestId, action: operationAction(requestContext.operation), result });
        try {
          return await result;
        } finally {
          end(mine.key, mine.running);
        }
      };
    },
  };
}

/** The gateway as Apollo Server uses it, its executor telling identical requests what it executes. */
export function withSharedAnswers(gateway: ApolloGateway, shared: SharedAnswers): Pick<ApolloGateway, "load" | "stop" | "onSchemaLoadOrUpdate"> {
  return {
    async load(options) {
      const loaded = await gateway.load(options);
      return { ...loaded, executor: loaded.executor && shared.executor(loaded.executor) };
    },
    stop: () => gateway.stop(),
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
  };
}

/**
 * What makes two requests identical, or undefined for one that is never shared. Only a POST
 * of JSON: Apollo Server reads it the same whatever else it carries (a GET is checked for
 * cross-site request forgery by headers the key would have to hold). Header values hold no
 * line breaks, so the lines cannot run into one another; the body, last, may.
 */
function sharingKey({ httpGraphQLRequest: { method, headers, search }, bodyText }: GraphQLHttpRequest): string | undefined {
  const contentType = headers.get("content-type");
  if (method !== "POST" || !contentType?.startsWith("application/json")) return undefined;
  return [headers.get("authorization") ?? "", headers.get(companyHeader) ?? "", headers.get("accept") ?? "", contentType, search, bodyText].join("\n");
}

interface Settable<Value> {
  promise: Promise<Value>;
  /** The first value given is the promise's; later ones are ignored. */
  settle(value: Value): void;
}

function settable<Value>(): Settable<Value> {
  let settle!: (value: Value) => void;
  const promise = new Promise<Value>((resolve) => (settle = resolve));
  return { promise, settle };
}
