// Fail closed: a production entry point started without NODE_ENV runs as production and
// refuses to start without an identity provider; in production, clients learn neither the
// schema (no "Did you mean …?") nor the subgraphs' names; one user is one user id however
// the token spells it.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { errorCodes } from "@marquee/kit/testing";
import { baseSubgraph } from "@marquee/subgraph-base";
import { financeSubgraph } from "@marquee/subgraph-finance";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "@marquee/gateway/testing";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Runs an entry point as an operator would, with only the given variables, and returns how it ended. */
function runEntryPoint(file: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    // From the sources, as the other tests run them (a production image runs the same code built).
    const child = spawn(process.execPath, ["--conditions=marquee:source", "--import", "tsx", file], { cwd: root, env: { PATH: process.env["PATH"] ?? "", ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stderr }));
  });
}

describe("production entry points", () => {
  it.each([["the gateway", "gateway/src/main.ts"], ["a subgraph", "subgraphs/base/src/main.ts"]])(
    "run %s as production when NODE_ENV is unset: no development key, so no start without an identity provider",
    async (_name, file) => {
      const { code, stderr } = await runEntryPoint(file, { PORT: "0" });
      expect(code).not.toBe(0);
      expect(stderr).toContain("AUTH_JWKS_URL is required in production (the development signing key is enabled in development only).");
      expect(stderr).toContain("GATEWAY_SECRET is required in production.");
    },
  );

  it("refuses an identity provider's keys over plain http", async () => {
    const { code, stderr } = await runEntryPoint("gateway/src/main.ts", {
      PORT: "0",
      AUTH_JWKS_URL: "http://id.example.com/.well-known/jwks.json",
      AUTH_ISSUER: "https://id.example.com/",
      AUTH_AUDIENCE: "marquee-api",
      GATEWAY_SECRET: "s".repeat(40),
    });
    expect(code).not.toBe(0);
    expect(stderr).toContain('AUTH_JWKS_URL must be an https URL in production (got "http://id.example.com/.well-known/jwks.json").');
  });
});

describe("in production", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ packages: [baseSubgraph, financeSubgraph], config: { environment: "production", introspection: false } });
  });
  afterAll(() => stack?.close());

  const alice = { as: "alice@northwind.test", company: "northwind" } as const;

  it("suggests no field names in a validation error", async () => {
    const response = await stack.query("{ events(first: 1) { edges { node { nam } } } }", alice);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ message: 'Cannot query field "nam" on type "Event".', extensions: { code: "GRAPHQL_VALIDATION_FAILED" } })]);
  });

  it("suggests no enum values or input fields for a bad variable", async () => {
    const response = await stack.query("mutation($input: RecordExpenseInput!) { recordExpense(input: $input) { id } }", {
      ...alice,
      variables: { input: { category: "OTHR", descriptio: "x", amount: { amount: "1.00", currency: "USD" }, incurredOn: "2026-01-01" } },
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).not.toMatch(/Did you mean/);
  });

  it("names no subgraph and sends no stack trace in an error", async () => {
    const response = await stack.query(
      'mutation { recordExpense(input: { category: OTHER, description: "x", amount: { amount: "1.00", currency: "USD" }, incurredOn: "2026-01-01" }) { id } }',
      { as: "bob@northwind.test", company: "northwind" },
    );
    expect(response.status).toBe(403);
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: "FORBIDDEN", permission: "finance.expense.create" });
    const anonymous = await stack.query("{ events(first: 1) { edges { node { id } } } }", { company: "northwind" });
    expect(anonymous.status).toBe(401);
    expect(JSON.stringify(anonymous.body)).not.toMatch(/serviceName|stacktrace|"base"/);
  });

  it("refuses introspection", async () => {
    const response = await stack.query("{ __schema { queryType { name } } }", alice);
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
  });

  it("knows a user by one id however the token spells it: caches, logs and lookups see the lower-case uuid", async () => {
    const aliceId = "5e1f0a8b-7c2d-4e6f-8a9b-0c1d2e3f0001";
    const token = await stack.tokenFor(aliceId.toUpperCase());
    const response = await stack.query("{ viewer { id } events(first: 1) { edges { node { id } } } }", { company: "northwind", headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.body.data?.["viewer"]).toEqual({ id: aliceId });
    const requestId = response.headers.get("x-request-id");
    const userIds = stack.logs.lines().filter((line) => line.requestId === requestId && "userId" in line).map((line) => line.userId);
    expect(userIds.length).toBeGreaterThan(0);
    expect(new Set(userIds)).toEqual(new Set([aliceId]));
  });
});
