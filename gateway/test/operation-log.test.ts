// Acceptance 7 (spec §12): one log line per operation per subgraph with userId,
// companyId, endpoint, action and result, tied together by the gateway's request id.
import { demoCompanies, demoUsers } from "@marquee/kit/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "@marquee/gateway/testing";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.close());

const operationLines = (requestId: string) => stack.logs.lines().filter((line) => line.msg === "operation" && line.requestId === requestId);

describe("operation logs", () => {
  it("logs one line per subgraph operation, with the five fields and the request id", async () => {
    const requestId = "log-test-ok-1";
    const response = await stack.query("query FirstExpenses { expenses(first: 2) { edges { node { id event { name } } } } }", {
      as: "alice@northwind.test",
      company: "northwind",
      headers: { "x-request-id": requestId },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe(requestId);

    const lines = operationLines(requestId);
    const finance = lines.filter((line) => line.endpoint === "/api/finance/graphql");
    expect(finance).toHaveLength(1);
    expect(finance[0]).toMatchObject({
      userId: demoUsers.alice.id,
      companyId: demoCompanies.northwind.id,
      action: "query expenses",
      result: "ok",
    });
    expect(typeof finance[0]!.durationMs).toBe("number");
    const base = lines.filter((line) => line.endpoint === "/api/base/graphql");
    expect(base).toHaveLength(1);
    expect(base[0]).toMatchObject({ action: "query _entities", result: "ok", userId: demoUsers.alice.id });
    // The subgraphs that ran it logged it: the gateway adds no line of its own.
    expect(lines.filter((line) => line.endpoint === "/graphql")).toEqual([]);
  });

  it("logs a request the gateway refuses at the edge, once, with no user and no action", async () => {
    const anonymous = await stack.query("{ viewer { id } }", { company: "northwind", headers: { "x-request-id": "log-test-edge-anonymous" } });
    expect(anonymous.status).toBe(401);
    expect(operationLines("log-test-edge-anonymous")).toEqual([
      expect.objectContaining({
        userId: null,
        companyId: demoCompanies.northwind.id,
        endpoint: "/graphql",
        action: "unknown",
        result: "denied",
        code: "UNAUTHENTICATED",
        reason: "Authentication required: send a valid bearer token.",
      }),
    ]);

    const forged = await stack.query("{ viewer { id } }", { headers: { authorization: "Bearer not.a.token", "x-request-id": "log-test-edge-forged" } });
    expect(forged.status).toBe(401);
    const [line, ...others] = operationLines("log-test-edge-forged");
    expect(others).toEqual([]);
    expect(line).toMatchObject({ userId: null, companyId: null, result: "denied", code: "UNAUTHENTICATED", reason: expect.stringMatching(/^Authentication failed: /) });
  });

  it("logs a request no subgraph answers at the gateway: a document that does not validate, a __typename", async () => {
    const invalid = await stack.query("{ viewer { nickname } }", { as: "alice@northwind.test", company: "northwind", headers: { "x-request-id": "log-test-gateway-invalid" } });
    expect(invalid.status).toBe(400);
    expect(operationLines("log-test-gateway-invalid")).toEqual([
      expect.objectContaining({
        userId: demoUsers.alice.id,
        companyId: demoCompanies.northwind.id,
        endpoint: "/graphql",
        action: "unknown",
        result: "error",
        code: "GRAPHQL_VALIDATION_FAILED",
        durationMs: expect.any(Number),
      }),
    ]);

    const typename = await stack.query("{ __typename }", { as: "alice@northwind.test", company: "northwind", headers: { "x-request-id": "log-test-gateway-typename" } });
    expect(typename.body.data).toEqual({ __typename: "Query" });
    expect(operationLines("log-test-gateway-typename")).toEqual([expect.objectContaining({ userId: demoUsers.alice.id, endpoint: "/graphql", action: "query __typename", result: "ok" })]);
  });

  it("logs a denial with its reason", async () => {
    const requestId = "log-test-denied-1";
    await stack.query("mutation { deleteExpense(id: \"00000000-0000-4000-8000-000000000000\") { id } }", {
      as: "bob@northwind.test",
      company: "northwind",
      headers: { "x-request-id": requestId },
    });
    const [line] = operationLines(requestId);
    expect(line).toMatchObject({
      userId: demoUsers.bob.id,
      companyId: demoCompanies.northwind.id,
      endpoint: "/api/finance/graphql",
      action: "mutation deleteExpense",
      result: "denied",
      code: "FORBIDDEN",
      reason: 'You need the permission "finance.expense.delete" for this.',
    });
  });

  it("logs an anonymous call as denied with no user", async () => {
    // The gateway turns an anonymous call away itself; a subgraph meets one only from inside the network.
    const requestId = "log-test-anonymous-1";
    await stack.querySubgraph("base", "{ events(first: 1) { edges { node { id } } } }", { companyId: demoCompanies.northwind.id, headers: { "x-request-id": requestId } });
    const [line] = operationLines(requestId);
    expect(line).toMatchObject({ userId: null, companyId: demoCompanies.northwind.id, result: "denied", code: "UNAUTHENTICATED" });
  });

  it("writes each field once per line, and the gateway's lines as the gateway's", async () => {
    await stack.query("{ viewer { id } }", { as: "alice@northwind.test", company: "northwind" });
    const repeated = stack.logs.rawLines().filter((line) => {
      const keys = topLevelKeys(line);
      return new Set(keys).size !== keys.length;
    });
    expect(repeated).toEqual([]);
    expect(stack.logs.lines().find((line) => line.msg === "Gateway successfully loaded schema.\n\t* Mode: unmanaged")).toMatchObject({ service: "gateway" });
  });

  it("never writes a token into the logs", async () => {
    const token = await stack.tokenFor("alice@northwind.test");
    await stack.query("{ viewer { id } }", { headers: { authorization: `Bearer ${token}` } });
    const everything = JSON.stringify(stack.logs.lines());
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(token.split(".")[2]);
  });
});

/** The keys of a JSON object's own fields, as written, repeats included (JSON.parse keeps only the last). */
function topLevelKeys(json: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (let at = 0; at < json.length; at += 1) {
    const char = json[at];
    if (char === "{" || char === "[") depth += 1;
    else if (char === "}" || char === "]") depth -= 1;
    else if (char === '"') {
      let end = at + 1;
      while (json[end] !== '"') end += json[end] === "\\" ? 2 : 1;
      if (depth === 1 && json[end + 1] === ":") keys.push(json.slice(at + 1, end));
      at = end;
    }
  }
  return keys;
}
