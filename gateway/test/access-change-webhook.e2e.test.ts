// Revocation end to end with an external Auth service: access facts come from the service
// (AUTH_ACCESS_URL) and are cached for 30 s; the service revokes a permission and calls the
// gateway's webhook; the webhook publishes on Redis, the subgraphs hear it, and the next
// request is refused, well within a second.
import { demoCompanies, demoUsers } from "@marquee/kit/demo";
import { startFakeAuthService, type FakeAuthService } from "@marquee/kit/testing";
import type { AccessFacts } from "@marquee/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "@marquee/gateway/testing";
import { accessChangeSignatureHeader, accessChangeWebhookPath, signAccessChanges } from "../src/access-change-webhook.ts";

const query = "{ expenses(first: 1) { edges { node { id } } } }";
const webhookSecret = "the Auth service's webhook secret, 32+ characters";
const bob: AccessFacts = {
  userId: demoUsers.bob.id,
  company: demoCompanies.northwind,
  entitlements: ["basic", "finance"],
  grants: ["finance"],
  permissions: ["finance.expense.view"],
};

let auth: FakeAuthService;
let stack: TestStack;
beforeAll(async () => {
  auth = await startFakeAuthService([bob]);
  stack = await startTestStack({
    config: {
      access: { authAccessUrl: new URL(auth.url), requestTimeoutMs: 1000, cacheTtlMs: 30_000, denialCacheTtlMs: 5_000, cacheMaxEntries: 100, webhookSecret },
      redisUrl: new URL("redis://127.0.0.1:6379"),
    },
  });
});
afterAll(async () => {
  await stack?.close();
  await auth?.close();
});

describe("a revocation announced by the Auth service", () => {
  it("is refused on the next request, although the grant was cached for 30 s", async () => {
    const asBob = () => stack.query(query, { as: "bob@northwind.test", company: "northwind" });
    expect((await asBob()).status).toBe(200);
    const asked = auth.requests;

    bob.permissions = [];
    // Cached: the service is not asked, and the revoked permission still works.
    expect((await asBob()).status).toBe(200);
    expect(auth.requests).toBe(asked);

    const body = JSON.stringify({ changes: [{ scope: "membership", userId: bob.userId, companyId: bob.company.id }] });
    const announcedAt = performance.now();
    const webhook = await fetch(`${new URL(stack.gatewayUrl).origin}${accessChangeWebhookPath}`, {
      method: "POST",
      headers: { "content-type": "application/json", [accessChangeSignatureHeader]: signAccessChanges(webhookSecret, body, Math.floor(Date.now() / 1000)) },
      body,
    });
    expect(webhook.status).toBe(202);
    await expect.poll(async () => (await asBob()).status, { timeout: 1_000, interval: 10 }).toBe(403);
    expect(performance.now() - announcedAt).toBeLessThan(1_000);
  });
});
