// Acceptance 4: who may ask at all. No token, or a bad one, is a 401 at the gateway; a good token
// in the wrong company, or without the module on both sides (entitled AND granted), is 403.
import { demoCompanies } from "@marquee/kit/demo";
import { hostileTokens, createTestSigner, errorCodes } from "@marquee/kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "@marquee/gateway/testing";

const eventsQuery = "{ events(first: 1) { edges { node { id } } } }";
const expensesQuery = "{ expenses(first: 1) { edges { node { id } } } }";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.close());

describe("tokens", () => {
  it("answers 401 without a token, at the edge: no subgraph sees the request", async () => {
    const requestId = "authentication-test-anonymous-1";
    const response = await stack.query(eventsQuery, { company: "northwind", headers: { "x-request-id": requestId } });
    expect(response.status).toBe(401);
    expect(response.body.errors?.map((error) => [error.extensions?.["code"], error.message])).toEqual([["UNAUTHENTICATED", "Authentication required: send a valid bearer token."]]);
    expect(response.body.data?.["events"] ?? null).toBeNull();
    // Its one line is the gateway's own (the edge's refusal): none from a subgraph.
    expect(stack.logs.lines().filter((line) => line.requestId === requestId).map((line) => line.endpoint)).toEqual(["/graphql"]);
  });

  it("answers 401 for every token it cannot trust", async () => {
    const signer = await createTestSigner(stack.config.auth);
    const tokens = await hostileTokens(signer, stack.config.auth, "5e1f0a8b-7c2d-4e6f-8a9b-0c1d2e3f0001");
    const outcomes: Record<string, [number, unknown[]]> = {};
    for (const [name, token] of Object.entries(tokens)) {
      const response = await stack.query(eventsQuery, { company: "northwind", headers: { authorization: `Bearer ${token}` } });
      outcomes[name] = [response.status, errorCodes(response)];
    }
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(tokens).map((name) => [name, [401, ["UNAUTHENTICATED"]]])));
  });

  it("refuses a token from a stranger's key even when it reaches a subgraph directly", async () => {
    const stranger = await createTestSigner(stack.config.auth);
    const response = await stack.querySubgraph("base", eventsQuery, { token: await stranger.tokenFor("alice@northwind.test"), companyId: demoCompanies.northwind.id });
    expect(errorCodes(response)).toEqual(["UNAUTHENTICATED"]);
    expect(response.body.errors?.[0]?.message).toBe("Authentication failed: token signed by an unknown key.");
  });
});

describe("company context", () => {
  it("answers 403 without a company, naming the header", async () => {
    const response = await stack.query(eventsQuery, { as: "alice@northwind.test" });
    expect(response.status).toBe(403);
    expect(response.body.errors?.[0]).toMatchObject({ message: "This operation needs a company: send the X-Company-Id header.", extensions: { code: "FORBIDDEN" } });
  });

  it.each([
    ["a user with no membership", "nobody@nowhere.test", "northwind"],
    ["a company that does not exist", "alice@northwind.test", "7d0c6a2e-2f1d-4a3e-9a55-1d0a7c1e9999"],
    ["a company id that is not a uuid", "alice@northwind.test", "northwind'; drop table x"],
    ["a member of another company", "alice@northwind.test", "harbor"],
  ])("answers 403 for %s", async (_case, user, company) => {
    const response = await stack.query(eventsQuery, { as: user, company });
    expect(response.status).toBe(403);
    expect(response.body.errors?.map((error) => [error.extensions?.["code"], error.message])).toEqual([["FORBIDDEN", "You are not a member of this company."]]);
  });
});

describe("modules: entitled by the company AND granted to the membership", () => {
  it("lets alice in to basic and finance at Northwind", async () => {
    const response = await stack.query(`{ events(first: 1) { edges { node { id } } } expenses(first: 1) { edges { node { id } } } }`, { as: "alice@northwind.test", company: "northwind" });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });

  it("refuses a module granted to the membership but not entitled to the company (sam, basic at Harbor Hall)", async () => {
    const response = await stack.query(eventsQuery, { as: "sam@both.test", company: "harbor" });
    expect(response.status).toBe(403);
    expect(response.body.errors?.[0]).toMatchObject({ message: 'The module "basic" is not enabled for you in this company.', extensions: { code: "FORBIDDEN", module: "basic" } });
  });

  it("refuses a module entitled to the company but not granted to the membership (sam, finance at Harbor Hall)", async () => {
    const response = await stack.query(expensesQuery, { as: "sam@both.test", company: "harbor" });
    expect(response.status).toBe(403);
    expect(response.body.errors?.[0]).toMatchObject({ message: 'The module "finance" is not enabled for you in this company.', extensions: { code: "FORBIDDEN", module: "finance" } });
  });

  it("gives sam finance at Northwind, where both sides allow it", async () => {
    const response = await stack.query(expensesQuery, { as: "sam@both.test", company: "northwind" });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });
});
