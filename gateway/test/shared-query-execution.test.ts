// Identical queries in flight together are executed once, for callers with the same
// credentials and company; every request still gets its own answer and its own log line.
import { Writable } from "node:stream";
import { createLogger } from "@marquee/kit";
import { demoUsers } from "@marquee/kit/demo";
import { startTestStack } from "@marquee/gateway/testing";
import { parse, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { shareIdenticalQueries, type Executor } from "../src/shared-query-execution.ts";

type RequestContext = Parameters<Executor>[0];

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

/** An executor whose executions finish when the test says so, counting how many ran. */
function controlledExecutor() {
  const pending: ((result: Awaited<ReturnType<Executor>>) => void)[] = [];
  const executor: Executor = () => new Promise((resolve) => pending.push(resolve));
  return { executor, executions: () => pending.length, finishAll: (data: Record<string, unknown>) => pending.forEach((resolve) => resolve({ data })) };
}

function request(document: string, caller: { requestId: string; authorization?: string; companyId?: string }, variables: Record<string, unknown> = {}): RequestContext {
  const operation = parse(document).definitions[0] as OperationDefinitionNode;
  return {
    operation,
    operationName: operation.name?.value ?? null,
    queryHash: document,
    request: { query: document, variables },
    context: { userId: "user-1", authorization: "Bearer alice", companyId: "company-1", ...caller },
  } as unknown as RequestContext;
}

describe("shared query execution", () => {
  it("executes identical queries in flight together once, each request getting its own result object and its own log line", async () => {
    const { executor, executions, finishAll } = controlledExecutor();
    const { lines, logger } = loggedLines();
    const execute = shareIdenticalQueries(executor, logger, "/graphql");
    const answers = Promise.all(["r1", "r2", "r3"].map((requestId) => execute(request("query Events { events { id } }", { requestId }))));
    expect(executions()).toBe(1);
    finishAll({ events: [{ id: "e1" }] });
    const results = await answers;
    const [first, second] = results;
    expect(results.map((answer) => answer.data)).toEqual([{ events: [{ id: "e1" }] }, { events: [{ id: "e1" }] }, { events: [{ id: "e1" }] }]);
    expect(second).not.toBe(first);
    expect(lines.map(({ requestId, userId, companyId, endpoint, action, result, sharedExecutionOf }) => ({ requestId, userId, companyId, endpoint, action, result, sharedExecutionOf }))).toEqual([
      { requestId: "r2", userId: "user-1", companyId: "company-1", endpoint: "/graphql", action: "query events", result: "ok", sharedExecutionOf: "r1" },
      { requestId: "r3", userId: "user-1", companyId: "company-1", endpoint: "/graphql", action: "query events", result: "ok", sharedExecutionOf: "r1" },
    ]);
  });

  it("executes each caller's, company's, variables' and document's query, and every mutation, on its own", async () => {
    const { executor, executions, finishAll } = controlledExecutor();
    const { lines, logger } = loggedLines();
    const execute = shareIdenticalQueries(executor, logger, "/graphql");
    const answers = Promise.all([
      execute(request("query Events { events { id } }", { requestId: "a" })),
      execute(request("query Events { events { id } }", { requestId: "b", authorization: "Bearer bob" })),
      execute(request("query Events { events { id } }", { requestId: "c", companyId: "company-2" })),
      execute(request("query Events { events { id } }", { requestId: "d" }, { first: 2 })),
      execute(request("query Names { events { name } }", { requestId: "e" })),
      execute(request("mutation Delete { deleteEvent(id: \"1\") }", { requestId: "f" })),
      execute(request("mutation Delete { deleteEvent(id: \"1\") }", { requestId: "g" })),
    ]);
    expect(executions()).toBe(7);
    finishAll({});
    await answers;
    expect(lines).toEqual([]);
  });

  it("keeps nothing once the execution ends", async () => {
    const { executor, executions, finishAll } = controlledExecutor();
    const execute = shareIdenticalQueries(executor, loggedLines().logger, "/graphql");
    const first = execute(request("query Events { events { id } }", { requestId: "r1" }));
    finishAll({ events: [] });
    await first;
    const second = execute(request("query Events { events { id } }", { requestId: "r2" }));
    expect(executions()).toBe(2);
    finishAll({ events: [] });
    await second;
  });
});

describe("shared query execution through the gateway", () => {
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
