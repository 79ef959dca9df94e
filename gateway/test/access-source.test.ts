// Acceptance 6: access facts from an Auth service over HTTP. When it fails the answer
// is 503, never a denial, and the failure is not cached: once it is back, access works.
import { demoCompanies, demoUsers } from "@marquee/kit/demo";
import { errorCodes, startFakeAuthService, type FakeAuthService } from "@marquee/kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "@marquee/gateway/testing";

const query = "{ expenses(first: 1) { edges { node { id } } } }";

let auth: FakeAuthService;
let stack: TestStack;
beforeAll(async () => {
  auth = await startFakeAuthService([
    {
      userId: demoUsers.bob.id,
      company: demoCompanies.northwind,
      entitlements: ["basic", "finance"],
      grants: ["finance"],
      permissions: ["finance.expense.view"],
    },
    {
      userId: demoUsers.sam.id,
      company: demoCompanies.northwind,
      entitlements: ["basic", "finance"],
      grants: ["basic", "finance"],
      permissions: ["basic.event.view", "finance.expense.view"],
    },
  ]);
  stack = await startTestStack({ config: { access: { authAccessUrl: new URL(auth.url), requestTimeoutMs: 1000, cacheTtlMs: 0, denialCacheTtlMs: 0, cacheMaxEntries: 100 } } });
});
afterAll(async () => {
  await stack?.close();
  await auth?.close();
});

describe("the HTTP access source", () => {
  it("is asked for the viewer's access once per request, however many aliases ask for it", async () => {
    const before = auth.requests;
    const viewers = Array.from({ length: 20 }, (_, index) => `v${index}: viewer { companies { id } }`).join(" ");
    const response = await stack.query(`{ ${viewers} }`, { as: "sam@both.test" });
    expect(response.status).toBe(200);
    expect(response.body.data?.["v19"]).toEqual({ companies: [{ id: demoCompanies.northwind.id }] });
    expect(auth.requests - before).toBe(1);
  });

  it("grants what the Auth service says, and only that", async () => {
    const allowed = await stack.query(query, { as: "bob@northwind.test", company: "northwind" });
    expect(allowed.status).toBe(200);
    expect(allowed.body.errors).toBeUndefined();
    const events = await stack.query("{ events(first: 1) { edges { node { id } } } }", { as: "bob@northwind.test", company: "northwind" });
    expect(events.status).toBe(403);
    expect(events.body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", module: "basic" });
  });

  it("keeps partial data at 200: events without the settlement the caller may not see", async () => {
    const response = await stack.query(
      "{ events(first: 2) { edges { node { name expenses(first: 1) { edges { node { id } } } settlement { id } } } } }",
      { as: "sam@both.test", company: "northwind" },
    );
    expect(response.status).toBe(200);
    const nodes = (response.body.data?.["events"] as { edges: { node: Record<string, unknown> }[] }).edges.map((edge) => edge.node);
    expect(nodes).toHaveLength(2);
    expect(nodes.every((node) => typeof node["name"] === "string" && node["expenses"] !== null && node["settlement"] === null)).toBe(true);
    expect(response.body.errors?.map((error) => [error.extensions?.["code"], error.message])).toEqual([
      ["FORBIDDEN", 'You need the permission "finance.settlement.view" for this.'],
      ["FORBIDDEN", 'You need the permission "finance.settlement.view" for this.'],
    ]);
  });

  it("answers 404 from the service as not a member (403)", async () => {
    const response = await stack.query(query, { as: "bob@northwind.test", company: "harbor" });
    expect(response.status).toBe(403);
    expect(errorCodes(response)).toEqual(["FORBIDDEN"]);
  });

  it("answers 503 while the service fails, and recovers as soon as it is back", async () => {
    auth.healthy = false;
    const failing = await stack.query(query, { as: "bob@northwind.test", company: "northwind" });
    expect(failing.status).toBe(503);
    expect(failing.body.errors?.[0]).toMatchObject({ message: "Access could not be checked right now; please retry shortly.", extensions: { code: "SERVICE_UNAVAILABLE" } });

    auth.healthy = true;
    const recovered = await stack.query(query, { as: "bob@northwind.test", company: "northwind" });
    expect(recovered.status).toBe(200);
    expect(recovered.body.errors).toBeUndefined();
  });
});
