// Identical queries in flight together are answered once, for callers with the same
// credentials and company; every request is still checked on its own, gets its own request
// id and its own log line, and is counted in the metrics.
import { Writable } from "node:stream";
import { HeaderMap, type HTTPGraphQLResponse } from "@apollo/server";
import { createLogger, Metrics, unauthenticated } from "@marquee/kit";
import { demoUsers } from "@marquee/kit/demo";
import { startTestStack } from "@marquee/gateway/testing";
import { parse, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import type { GatewayContext } from "../src/gateway-context.ts";
import { createSharedAnswers, type Executor } from "../src/shared-answers.ts";

type RequestContext = Parameters<Executor>[0];
type ExecutionResult = Awaited<ReturnType<Executor>>;

function loggedLines() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ name: "gateway", level: "info", destination }) };
}

interface Caller {
  requestId: string;
  authorization?: string;
  companyId?: string;
  accept?: string;
  /** The caller's own context fails (a revoked token, a rate limit): Apollo Server answers it. */
  refused?: boolean;
}

/**
 * The shared answers in front of what Apollo Server does with a request, as far as they see
 * it: it builds the context, executes the operation with the gateway's executor (here, one
 * whose executions finish when the test says so) and answers with the result's text.
 */
function gatewayUnderTest() {
  const { lines, logger } = loggedLines();
  const metrics = new Metrics();
  const shared = createSharedAnswers({ logger, metrics, endpoint: "/graphql" });
  const pending: ((result: ExecutionResult) => void)[] = [];
  const execute = shared.executor(() => new Promise((resolve) => pending.push(resolve)));
  const ran: string[] = [];

  function send(document: string, caller: Caller, variables: Record<string, unknown> = {}): Promise<HTTPGraphQLResponse> {
    const body = { query: document, variables };
    const headers = new HeaderMap([
      ["content-type", "application/json"],
      ["authorization", caller.authorization ?? "Bearer alice"],
      ["x-company-id", caller.companyId ?? "company-1"],
      ["accept", caller.accept ?? "application/json"],
    ]);
    const context = async (): Promise<GatewayContext> => {
      if (caller.refused) throw unauthenticated("Authentication failed: token revoked.", { http: { status: 401 } });
      return { requestId: caller.requestId, userId: "user-1", authorization: headers.get("authorization")!, companyId: headers.get("x-company-id")!, trace: {} as GatewayContext["trace"], subgraphAnswers: { count: 0 } };
    };
    return shared.answer({ httpGraphQLRequest: { method: "POST", headers, search: "", body }, bodyText: JSON.stringify(body) }, context, async (contextOf) => {
      ran.push(caller.requestId);
      let value: GatewayContext;
      try {
        value = await contextOf();
      } catch {
        return { status: 401, headers: new HeaderMap([["x-request-id", caller.requestId]]), body: { kind: "complete", string: '{"errors":[{"message":"refused"}]}\n' } };
      }
      const operation = parse(document).definitions[0] as OperationDefinitionNode;
      // Apollo Server hands the executor a copy of the context it built.
      const result = await execute({ operation, context: { ...value }, request: { query: document, variables } } as unknown as RequestContext);
      return { status: 200, headers: new HeaderMap([["content-type", "application/json"], ["x-request-id", value.requestId]]), body: { kind: "complete", string: `${JSON.stringify(result)}\n` } };
    });
  }

  return {
    send,
    lines,
    /** Requests that went through Apollo Server, by request id. */
    ran,
    executions: () => pending.length,
    finishAll: (data: Record<string, unknown>) => pending.splice(0).forEach((resolve) => resolve({ data })),
    /** Waits until every promise step queued has run: the requests have reached their executions. */
    settled: () => new Promise((resolve) => setImmediate(resolve)),
    requestsCounted: async () => {
      const { text } = await metrics.exposition();
      return /^marquee_graphql_requests_total\{service="gateway",operation_type="query",result="ok"\} (\d+)$/m.exec(text)?.[1];
    },
  };
}

const textOf = (response: HTTPGraphQLResponse) => (response.body.kind === "complete" ? response.body.string : undefined);

describe("shared answers", () => {
  it("answers identical queries in flight together with one execution, each request under its own request id, logged and counted", async () => {
    const gateway = gatewayUnderTest();
    const answers = Promise.all(["r1", "r2", "r3"].map((requestId) => gateway.send("query Events { events { id } }", { requestId })));
    await gateway.settled();
    expect(gateway.executions()).toBe(1);
    gateway.finishAll({ events: [{ id: "e1" }] });
    const responses = await answers;
    expect(gateway.ran).toEqual(["r1"]);
    expect(responses.map(textOf)).toEqual(Array(3).fill('{"data":{"events":[{"id":"e1"}]}}\n'));
    expect(responses.map((response) => [response.status, response.headers.get("x-request-id"), response.headers.get("content-type")])).toEqual([
      [200, "r1", "application/json"],
      [200, "r2", "application/json"],
      [200, "r3", "application/json"],
    ]);
    expect(gateway.lines.map(({ requestId, userId, companyId, endpoint, action, result, sharedExecutionOf }) => ({ requestId, userId, companyId, endpoint, action, result, sharedExecutionOf }))).toEqual([
      { requestId: "r2", userId: "user-1", companyId: "company-1", endpoint: "/graphql", action: "query events", result: "ok", sharedExecutionOf: "r1" },
      { requestId: "r3", userId: "user-1", companyId: "company-1", endpoint: "/graphql", action: "query events", result: "ok", sharedExecutionOf: "r1" },
    ]);
    // The request that executed is counted by Apollo Server's plugin, the two that shared it here.
    expect(await gateway.requestsCounted()).toBe("2");
  });

  it("answers each caller's, company's, media type's, variables' and document's query, and every mutation, on its own", async () => {
    const gateway = gatewayUnderTest();
    const answers = Promise.all([
      gateway.send("query Events { events { id } }", { requestId: "a" }),
      gateway.send("query Events { events { id } }", { requestId: "b", authorization: "Bearer bob" }),
      gateway.send("query Events { events { id } }", { requestId: "c", companyId: "company-2" }),
      gateway.send("query Events { events { id } }", { requestId: "d", accept: "application/graphql-response+json" }),
      gateway.send("query Events { events { id } }", { requestId: "e" }, { first: 2 }),
      gateway.send("query Names { events { name } }", { requestId: "f" }),
      gateway.send('mutation Delete { deleteEvent(id: "1") }', { requestId: "g" }),
      gateway.send('mutation Delete { deleteEvent(id: "1") }', { requestId: "h" }),
    ]);
    await gateway.settled();
    expect(gateway.executions()).toBe(8);
    gateway.finishAll({});
    await answers;
    expect(gateway.ran).toEqual(["a", "b", "c", "d", "e", "f", "g", "h"]);
    expect(gateway.lines).toEqual([]);
  });

  it("hands a request refused on its own to Apollo Server, while the identical ones share", async () => {
    const gateway = gatewayUnderTest();
    const answers = Promise.all([
      gateway.send("query Events { events { id } }", { requestId: "r1" }),
      gateway.send("query Events { events { id } }", { requestId: "r2", refused: true }),
      gateway.send("query Events { events { id } }", { requestId: "r3" }),
    ]);
    await gateway.settled();
    gateway.finishAll({ events: [] });
    const responses = await answers;
    expect(responses.map((response) => response.status)).toEqual([200, 401, 200]);
    expect(gateway.ran).toEqual(["r1", "r2"]);
    expect(gateway.lines.map((line) => line["requestId"])).toEqual(["r3"]);
  });

  it("lets identical requests run their own when the first is refused before it executes", async () => {
    const gateway = gatewayUnderTest();
    const answers = Promise.all([
      gateway.send("query Events { events { id } }", { requestId: "r1", refused: true }),
      gateway.send("query Events { events { id } }", { requestId: "r2" }),
    ]);
    await gateway.settled();
    expect(gateway.executions()).toBe(1);
    gateway.finishAll({ events: [] });
    const responses = await answers;
    expect(responses.map((response) => response.status)).toEqual([401, 200]);
    expect(gateway.ran).toEqual(["r1", "r2"]);
    expect(gateway.lines).toEqual([]);
  });

  it("keeps nothing once the execution ends", async () => {
    const gateway = gatewayUnderTest();
    const first = gateway.send("query Events { events { id } }", { requestId: "r1" });
    await gateway.settled();
    gateway.finishAll({ events: [] });
    await first;
    const second = gateway.send("query Events { events { id } }", { requestId: "r2" });
    await gateway.settled();
    gateway.finishAll({ events: [] });
    await second;
    expect(gateway.ran).toEqual(["r1", "r2"]);
  });
});

describe("shared answers through the gateway", () => {
  it("answers every one of 20 identical queries sent together, and logs each one: in the subgraphs it reached or as a shared execution", async () => {
    const stack = await startTestStack();
    try {
      const requestIds = Array.from({ length: 20 }, (_, index) => `shared-${index}`);
      // One client: one token, as a browser holds it.
      const authorization = `Bearer ${await stack.tokenFor("alice@northwind.test")}`;
      const responses = await Promise.all(
        requestIds.map((requestId) => stack.query("query Names { events(first: 3) { edges { node { name } } } }", { company: "northwind", headers: { authorization, "x-request-id": requestId } })),
      );
      const bodies = responses.map((response) => response.body);
      for (const response of responses) expect(response.status).toBe(200);
      // The same answer for all, each under its own request id.
      expect(responses.map((response) => response.headers.get("x-request-id"))).toEqual(requestIds);
      expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
      expect(bodies[0]!.data!["events"].edges).toHaveLength(3);

      const operations = stack.logs.lines().filter((line) => line.msg === "operation" && requestIds.includes(line.requestId as string));
      const executed = new Set(operations.filter((line) => line.endpoint === "/api/base/graphql").map((line) => line.requestId));
      const shared = operations.filter((line) => line.endpoint === "/graphql");
      // Every request is accounted for once: it executed (Base logged it) or it shared an execution that did.
      expect(executed.size + shared.length).toBe(20);
      for (const line of shared) {
        expect(executed.has(line.sharedExecutionOf)).toBe(true);
        expect(line).toMatchObject({ userId: demoUsers.alice.id, action: "query events", result: "ok" });
      }
    } finally {
      await stack.close();
    }
  });
});
