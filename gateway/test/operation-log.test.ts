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
    const repeated = stack.logs.rawLines().filter((line) => new Set(topLevelKeys(line)).size !== topLevelKeys(line).length);
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
