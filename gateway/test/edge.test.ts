// What the gateway does at the edge, before any subgraph: Apollo Sandbox as the landing
// page, CORS for the Sandbox origin only, health and readiness, request ids, and tokens
// checked here (no token, no answer: not even introspection) as well as in every subgraph.
import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "@marquee/gateway/testing";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.close());

describe("the gateway's edge", () => {
  it("serves Apollo Sandbox to a browser", async () => {
    const response = await fetch(stack.gatewayUrl, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toContain("embeddable-sandbox");
  });

  it("lets the Sandbox origin call it from the browser, and no other origin", async () => {
    const preflight = (origin: string) =>
      fetch(stack.gatewayUrl, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization,x-company-id" } });
    const sandbox = await preflight("https://studio.apollographql.com");
    expect(sandbox.status).toBe(204);
    expect(sandbox.headers.get("access-control-allow-origin")).toBe("https://studio.apollographql.com");
    expect(sandbox.headers.get("access-control-allow-headers")).toContain("x-company-id");
    const stranger = await preflight("https://evil.example");
    expect(stranger.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers health and readiness", async () => {
    const origin = new URL(stack.gatewayUrl).origin;
    expect(await (await fetch(`${origin}/health`)).json()).toEqual({ status: "ok", service: "gateway" });
    expect(await (await fetch(`${origin}/ready`)).json()).toEqual({ status: "ready", service: "gateway" });
  });

  it("answers Apollo Sandbox's introspection for a signed-in caller only, inside the request limits", async () => {
    const introspection = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true, directiveIsRepeatable: true });
    const anonymous = await stack.query(introspection);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.map((error) => error.extensions?.["code"])).toEqual(["UNAUTHENTICATED"]);
    const signedIn = await stack.query(introspection, { as: "alice@northwind.test" });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.errors).toBeUndefined();
    expect(signedIn.body.data?.["__schema"].queryType.name).toBe("Query");
  });

  it("gives every answer a request id, its own when the caller sent none", async () => {
    const response = await stack.query("{ viewer { id } }", { as: "alice@northwind.test" });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("stops an untrustworthy token at the edge: no subgraph sees the request", async () => {
    const requestId = "edge-test-forged-1";
    const token = await stack.tokenFor("alice@northwind.test");
    const [header, payload] = token.split(".");
    const response = await stack.query("{ events(first: 1) { edges { node { id } } } }", {
      company: "northwind",
      headers: { authorization: `Bearer ${header}.${payload}.forged-signature`, "x-request-id": requestId },
    });
    expect(response.status).toBe(401);
    expect(response.body.errors?.map((error) => [error.extensions?.["code"], error.message])).toEqual([["UNAUTHENTICATED", "Authentication failed: token signature invalid."]]);
    // Its one line is the gateway's own (the edge's refusal): none from a subgraph.
    expect(stack.logs.lines().filter((line) => line.requestId === requestId).map((line) => line.endpoint)).toEqual(["/graphql"]);
  });
});
