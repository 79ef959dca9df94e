// Revocation with an external Auth service: the service calls the gateway's webhook, the
// webhook publishes on the local Redis, and every subscribed instance drops the cached
// contexts the change covers. Two instances are played by two caches with their own
// subscriptions; the webhook is served over HTTP as the gateway serves it.
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessCache, createAccessChangePublisher, listen, subscribeToAccessChanges, type AccessChange, type AccessChangeFeed, type AccessDecision, type RunningServer } from "@marquee/kit";
import { accessChangeSignatureHeader, accessChangeWebhookPath, createAccessChangeWebhook, signAccessChanges } from "../src/access-change-webhook.ts";

const redisUrl = new URL("redis://127.0.0.1:6379");
const secret = "a webhook secret of at least thirty-two characters";
const silent = pino({ level: "silent" });
const granted: AccessDecision = { status: "granted", access: { userId: "u", companyId: "c", companyName: "C", modules: new Set(["finance"]), permissions: new Set() } };

let server: RunningServer;
let publisher: ReturnType<typeof createAccessChangePublisher>;
const clock = Math.floor(Date.now() / 1000);
const instances: { cache: AccessCache; heard: AccessChange[]; feed: AccessChangeFeed }[] = [];

beforeAll(async () => {
  publisher = createAccessChangePublisher(redisUrl, silent);
  const webhook = createAccessChangeWebhook({ secret, publisher, logger: silent, now: () => clock });
  server = await listen((request, response) => void webhook(request, response), 0);
  for (let index = 0; index < 2; index += 1) {
    const cache = new AccessCache({ ttlMs: 30_000, denialTtlMs: 5_000, maxEntries: 100 });
    const heard: AccessChange[] = [];
    const feed = await subscribeToAccessChanges(redisUrl, { changed: (change) => (heard.push(change), cache.forget(change)), lost: () => cache.pause(), restored: () => cache.resume() }, silent);
    instances.push({ cache, heard, feed });
  }
});

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.feed.close()));
  await publisher?.close();
  await server?.close();
});

function post(body: string, signature?: string, method = "POST") {
  return fetch(`${server.url}${accessChangeWebhookPath}`, {
    method,
    headers: { "content-type": "application/json", ...(signature ? { [accessChangeSignatureHeader]: signature } : {}) },
    ...(method === "POST" ? { body } : {}),
  });
}

describe("the access change webhook", () => {
  it("passes a signed change to every instance, which drops what it covers within a second", async () => {
    for (const { cache } of instances) {
      await cache.get("alice", "northwind", async () => granted);
      await cache.get("bob", "northwind", async () => granted);
    }
    const body = JSON.stringify({ changes: [{ scope: "membership", userId: "alice", companyId: "northwind" }] });
    const sent = performance.now();
    const answer = await post(body, signAccessChanges(secret, body, clock));
    expect(answer.status).toBe(202);
    expect(await answer.json()).toEqual({ accepted: 1 });
    await expect.poll(() => instances.map((instance) => instance.cache.size), { timeout: 1_000, interval: 5 }).toEqual([1, 1]);
    expect(performance.now() - sent).toBeLessThan(1_000);
    for (const instance of instances) expect(instance.heard.at(-1)).toEqual({ scope: "membership", userId: "alice", companyId: "northwind" });
  });

  it("refuses a call without, with a wrong or with a stale signature, and publishes nothing", async () => {
    const body = JSON.stringify({ changes: [{ scope: "everything" }] });
    const heardBefore = instances.map((instance) => instance.heard.length);
    const wrongKey = signAccessChanges("another secret of at least thirty-two characters", body, clock);
    const otherBody = signAccessChanges(secret, JSON.stringify({ changes: [{ scope: "user", userId: "x" }] }), clock);
    const stale = signAccessChanges(secret, body, clock - 301);
    for (const signature of [undefined, "t=1,v1=zz", wrongKey, otherBody, stale]) {
      expect({ signature, status: (await post(body, signature)).status }).toEqual({ signature, status: 401 });
    }
    // Five minutes either way is accepted.
    expect((await post(body, signAccessChanges(secret, body, clock - 300))).status).toBe(202);
    await expect.poll(() => instances.map((instance) => instance.heard.length), { timeout: 1_000 }).toEqual(heardBefore.map((count) => count + 1));
  });

  it("refuses a body that is not a list of changes, naming what is wrong", async () => {
    const cases: [string, string][] = [
      ["not json", "The body is not JSON."],
      [JSON.stringify({ changes: [] }), 'The body must be {"changes": [...]} with 1 to 1000 changes.'],
      [JSON.stringify({ changes: [{ scope: "membership", userId: "alice" }] }), "changes[0] must be a membership (userId, companyId), company (companyId), user (userId) or everything change, each id a non-empty string."],
      [JSON.stringify({ changes: [{ scope: "everything" }, { scope: "planet" }] }), "changes[1] must be a membership (userId, companyId), company (companyId), user (userId) or everything change, each id a non-empty string."],
    ];
    for (const [body, error] of cases) {
      const answer = await post(body, signAccessChanges(secret, body, clock));
      expect({ body, status: answer.status, answer: await answer.json() }).toEqual({ body, status: 400, answer: { error } });
    }
    expect((await post("", undefined, "GET")).status).toBe(405);
    const huge = JSON.stringify({ changes: Array.from({ length: 3_000 }, () => ({ scope: "user", userId: "x".repeat(20) })) });
    expect((await post(huge, signAccessChanges(secret, huge, clock))).status).toBe(413);
  });

  it("answers 503 when Redis cannot take the changes", async () => {
    const unreachable = createAccessChangePublisher(new URL("redis://127.0.0.1:1"), silent);
    const webhook = createAccessChangeWebhook({ secret, publisher: unreachable, logger: silent, now: () => clock });
    const down = await listen((request, response) => void webhook(request, response), 0);
    try {
      const body = JSON.stringify({ changes: [{ scope: "everything" }] });
      const answer = await fetch(`${down.url}${accessChangeWebhookPath}`, { method: "POST", headers: { [accessChangeSignatureHeader]: signAccessChanges(secret, body, clock) }, body });
      expect(answer.status).toBe(503);
    } finally {
      await unreachable.close();
      await down.close();
    }
  });
});

describe("a subscription that loses Redis", () => {
  it("stops its cache from serving until it has subscribed again", async () => {
    const events: string[] = [];
    const cache = new AccessCache({ ttlMs: 30_000, denialTtlMs: 5_000, maxEntries: 10 });
    const feed = await subscribeToAccessChanges(redisUrl, { changed: (change) => cache.forget(change), lost: () => (events.push("lost"), cache.pause()), restored: () => (events.push("restored"), cache.resume()) }, silent);
    try {
      await cache.get("u", "c", async () => granted);
      expect(cache.size).toBe(1);
      const { Redis } = await import("ioredis");
      const admin = new Redis(redisUrl.href);
      try {
        await admin.call("CLIENT", "KILL", "TYPE", "pubsub");
      } finally {
        admin.disconnect();
      }
      await expect.poll(() => events, { timeout: 5_000 }).toEqual(["lost", "restored"]);
      expect(cache.size).toBe(0);
      // Subscribed again: a published change is heard.
      await cache.get("u", "c", async () => granted);
      await publisher.publish([{ scope: "company", companyId: "c" }]);
      await expect.poll(() => cache.size, { timeout: 1_000 }).toBe(0);
    } finally {
      await feed.close();
    }
  });
});
