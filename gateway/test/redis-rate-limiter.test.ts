// The Redis limiter against the real Redis of this machine (and CI's), as two gateway
// instances would use it: one budget between them, exact under concurrency, and a
// fallback to counting in the process when Redis is away or too slow, never a hang.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:net";
import { createLogger } from "@marquee/kit";
import { captureLogs } from "@marquee/kit/testing";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { InProcessRateLimiter } from "../src/rate-limit/in-process-rate-limiter.ts";
import type { Budget } from "../src/rate-limit/rate-limiter.ts";
import { RedisRateLimiter } from "../src/rate-limit/redis-rate-limiter.ts";

const redisUrl = new URL("redis://127.0.0.1:6379");
const timeoutMs = 100;
/** This run's own keys: tests running at once elsewhere never count against them. */
const keyPrefix = `marquee-test:${randomUUID()}:`;

let admin: Redis;
const opened: RedisRateLimiter[] = [];

beforeAll(() => {
  admin = new Redis(redisUrl.href);
});
afterEach(async () => {
  for (const limiter of opened.splice(0)) await limiter.close();
});
afterAll(async () => {
  const keys = await admin.keys(`${keyPrefix}*`);
  if (keys.length > 0) await admin.del(...keys);
  await admin.quit();
});

/** A limiter as one gateway instance holds it, with its own fallback and log. */
async function gatewayInstance(url = redisUrl) {
  const logs = captureLogs();
  const fallback = new InProcessRateLimiter();
  const limiter = new RedisRateLimiter({ url, keyPrefix, timeoutMs, fallback, logger: createLogger({ name: "gateway", level: "info", destination: logs.destination }) });
  opened.push(limiter);
  await limiter.connect();
  return { limiter, fallback, logs };
}

/** A budget no other test touches. */
const freshUser = (limit: number): Budget => ({ kind: "user", key: randomUUID(), limit });

describe("the Redis rate limiter", () => {
  it("shares one budget between two gateway instances, and tells the wait to the next request", async () => {
    const [first, second] = [await gatewayInstance(), await gatewayInstance()];
    const budget = freshUser(10);
    const answers = [];
    for (let request = 0; request < 10; request++) answers.push(await (request % 2 === 0 ? first : second).limiter.admit([budget]));
    expect(answers.every((answer) => answer.admitted)).toBe(true);
    const eleventh = await second.limiter.admit([budget]);
    // 10 a minute: one request every 6 s, counted from the first of the ten.
    expect(eleventh).toMatchObject({ admitted: false, budget });
    const { retryAfterMs } = eleventh as { retryAfterMs: number };
    expect(retryAfterMs).toBeGreaterThan(5_000);
    expect(retryAfterMs).toBeLessThanOrEqual(6_000);
    // Redis counted: neither instance's own memory holds the budget.
    expect([first.fallback.size, second.fallback.size]).toEqual([0, 0]);
  });

  it("admits exactly the limit of 200 concurrent requests from two instances", async () => {
    const [first, second] = [await gatewayInstance(), await gatewayInstance()];
    const budgets = [freshUser(100), { kind: "company", key: randomUUID(), limit: 200 }];
    const answers = await Promise.all(Array.from({ length: 200 }, (_, request) => (request % 2 === 0 ? first : second).limiter.admit(budgets)));
    expect(answers.filter((answer) => answer.admitted)).toHaveLength(100);
    // A refused request charges no budget: the company's (200 a minute, one every 0.3 s)
    // holds exactly the 100 admitted, to within the time the test took.
    const companyWholeAt = Number(await admin.get(`${keyPrefix}company:${budgets[1]!.key}`));
    const [seconds, micros] = (await admin.time()).map(Number);
    expect(Math.ceil((companyWholeAt - (seconds! * 1_000_000 + micros!)) / 300_000)).toBe(100);
  });

  it("keeps a budget's key only until the budget is whole again", async () => {
    const { limiter } = await gatewayInstance();
    const budget = freshUser(600);
    await limiter.admit([budget]);
    // One request of 600 a minute is whole again in 0.1 s.
    const ttl = await admin.pttl(`${keyPrefix}user:${budget.key}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(100);
  });

  it("loads its script again when Redis has lost it", async () => {
    const { limiter, fallback, logs } = await gatewayInstance();
    await admin.script("FLUSH");
    const budget = freshUser(1);
    expect(await limiter.admit([budget])).toEqual({ admitted: true });
    expect((await limiter.admit([budget])).admitted).toBe(false);
    expect(fallback.size).toBe(0);
    expect(logs.lines()).toEqual([]);
  });

  it("counts in the process, at once, while Redis is not there, and says so once", async () => {
    const unusedPort = await freePort();
    const { limiter, fallback, logs } = await gatewayInstance(new URL(`redis://127.0.0.1:${unusedPort}`));
    const budget = freshUser(3);
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 5 }, () => limiter.admit([budget])));
    expect(performance.now() - started).toBeLessThan(timeoutMs);
    expect(answers.map((answer) => answer.admitted)).toEqual([true, true, true, false, false]);
    expect(fallback.size).toBe(1);
    const warnings = logs.lines().filter((line) => line.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toContain("Redis does not answer the rate limiter");
  });

  it("counts in the process after the timeout when Redis is too slow, and says when it answers again", async () => {
    const { limiter, fallback, logs } = await gatewayInstance();
    const budget = freshUser(5);
    expect((await limiter.admit([budget])).admitted).toBe(true);
    // Redis holds every client's commands for half a second, as an overloaded one would.
    await admin.client("PAUSE", 500, "ALL");
    const started = performance.now();
    const slow = await Promise.all([limiter.admit([budget]), limiter.admit([budget])]);
    const waitedMs = performance.now() - started;
    expect(waitedMs).toBeGreaterThanOrEqual(timeoutMs - 5);
    expect(waitedMs).toBeLessThan(timeoutMs + 150);
    expect(slow.every((answer) => answer.admitted)).toBe(true);
    expect(fallback.size).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await limiter.admit([budget])).admitted).toBe(true);
    expect(logs.lines().map((line) => line.msg)).toEqual([
      expect.stringContaining("Redis does not answer the rate limiter"),
      expect.stringContaining("Redis answers the rate limiter again"),
    ]);
  });
});

/** A port nothing listens on: taken from the system, then closed. */
async function freePort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
