// The error contract end to end: a subgraph's code and message reach the client as the
// subgraph wrote them, no stack traces or internals leak, and bad input is a 400.
// (Partial data staying 200 is in access-source.test.ts, where a test can shape the grants.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "@marquee/gateway/testing";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.close());

describe("error contract", () => {
  it("passes a 403 through unchanged, naming the missing permission", async () => {
    const response = await stack.query(
      'mutation { recordExpense(input: { category: OTHER, description: "x", amount: { amount: "1.00", currency: "USD" }, incurredOn: "2026-01-01" }) { id } }',
      { as: "bob@northwind.test", company: "northwind" },
    );
    expect(response.status).toBe(403);
    expect(response.body.errors).toHaveLength(1);
    const [error] = response.body.errors!;
    expect(error!.message).toBe('You need the permission "finance.expense.create" for this.');
    // The subgraph's name (`serviceName`, added by @apollo/gateway) is shown in development only.
    expect(error!.extensions).toEqual({ code: "FORBIDDEN", permission: "finance.expense.create" });
  });

  it("answers bad input with 400 and says what is wrong", async () => {
    const response = await stack.query('{ events(first: 1000) { edges { node { id } } } }', { as: "alice@northwind.test", company: "northwind" });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]).toMatchObject({ message: "first must be between 1 and 100 (got 1000).", extensions: { code: "BAD_USER_INPUT" } });
  });

  it("never sends a stack trace outside development", async () => {
    const response = await stack.query('{ events(first: 1000) { edges { node { id } } } }', { as: "alice@northwind.test", company: "northwind" });
    expect(JSON.stringify(response.body)).not.toContain("stacktrace");
  });

  it("answers a malformed query with 400 from the gateway itself", async () => {
    const response = await stack.query("{ events(first: ", { as: "alice@northwind.test", company: "northwind" });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.["code"]).toBe("GRAPHQL_PARSE_FAILED");
  });
});
