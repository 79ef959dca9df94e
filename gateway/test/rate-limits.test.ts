// The gateway's rate limits through HTTP (issue #9): with 3 requests a minute per user and
// 5 per company, the fourth of one user and the sixth of one company are answered 429
// RATE_LIMITED with Retry-After and logged; another company goes on being served.
import { createLogger } from "@marquee/kit";
import { demoCompanies, demoUsers } from "@marquee/kit/demo";
import { captureLogs } from "@marquee/kit/testing";
import { baseSubgraph } from "@marquee/subgraph-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "@marquee/gateway/testing";
import { createRequestRateLimit } from "../src/rate-limit/request-rate-limit.ts";

const viewer = "{ viewer { id } }";
const alice = { as: "alice@northwind.test", company: "northwind" } as const;
const bob = { as: "bob@northwind.test", company: "northwind" } as const;
const hana = { as: "hana@harbor.test", company: "harbor" } as const;

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ packages: [baseSubgraph], config: { rateLimits: { userPerMinute: 3, companyPerMinute: 5, redisTimeoutMs: 100 } } });
});
afterAll(() => stack?.close());

const statusesOf = async (count: number, as: { as: string; company: string }) => {
  const statuses: number[] = [];
  for (let request = 0; request < count; request++) statuses.push((await stack.query(viewer, as)).status);
  return statuses;
};

describe("rate limits at the gateway", () => {
  it("answers a user's request over the user's budget with 429, Retry-After and RATE_LIMITED", async () => {
    const started = performance.now();
    expect(await statusesOf(3, alice)).toEqual([200, 200, 200]);
    const refused = await stack.query(viewer, { ...alice, headers: { "x-request-id": "rate-limited-alice-1" } });
    const elapsedSeconds = (performance.now() - started) / 1000;
    expect(refused.status).toBe(429);
    const retryAfter = refused.headers.get("retry-after");
    expect(retryAfter).toMatch(/^\d+$/);
    // 3 a minute: one request every 20 s, counted from Alice's first; whole seconds, rounded up.
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(Math.max(1, Math.ceil(20 - elapsedSeconds)));
    expect(Number(retryAfter)).toBeLessThanOrEqual(20);
    expect(refused.headers.get("x-request-id")).toBe("rate-limited-alice-1");
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors).toEqual([
      {
        message: `Too many requests: a user may send 3 a minute. Retry after ${retryAfter} s.`,
        extensions: { code: "RATE_LIMITED", budget: "user", limit: 3, retryAfterSeconds: Number(retryAfter) },
      },
    ]);
  });

  it("serves another user of the company until the company's budget is spent", async () => {
    // Alice's refused request took nothing from the company: 3 of its 5 are spent.
    expect(await statusesOf(2, bob)).toEqual([200, 200]);
    const refused = await stack.query(viewer, bob);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.body.errors?.map((error) => error.extensions)).toEqual([
      { code: "RATE_LIMITED", budget: "company", limit: 5, retryAfterSeconds: Number(refused.headers.get("retry-after")) },
    ]);
    // The company id in capitals is the same company, and the same spent budget.
    expect((await stack.query(viewer, { as: bob.as, company: demoCompanies.northwind.id.toUpperCase() })).status).toBe(429);
  });

  it("leaves another company's users untouched", async () => {
    expect(await statusesOf(3, hana)).toEqual([200, 200, 200]);
    // Alice's budget is hers in every company she names.
    const aliceElsewhere = await stack.query(viewer, { as: alice.as, company: "harbor" });
    expect(aliceElsewhere.status).toBe(429);
    expect(aliceElsewhere.body.errors?.[0]?.extensions?.["budget"]).toBe("user");
    // Hana's own budget runs out before her company's.
    const hanasFourth = await stack.query(viewer, hana);
    expect(hanasFourth.status).toBe(429);
    expect(hanasFourth.body.errors?.[0]?.extensions?.["budget"]).toBe("user");
  });

  it("logs the refused request as an operation, with who, where and its result", () => {
    const lines = stack.logs.lines().filter((line) => line.msg === "operation" && line.requestId === "rate-limited-alice-1");
    expect(lines).toEqual([
      expect.objectContaining({
        userId: demoUsers.alice.id,
        companyId: demoCompanies.northwind.id,
        endpoint: "/graphql",
        action: "unknown",
        result: "denied",
        code: "RATE_LIMITED",
        reason: expect.stringContaining("a user may send 3 a minute"),
      }),
    ]);
    // Only the refused requests reached no subgraph: five refusals, five gateway lines.
    expect(stack.logs.lines().filter((line) => line.msg === "operation" && line.endpoint === "/graphql")).toHaveLength(5);
  });
});

describe("rate limits at start", () => {
  const limits = { userPerMinute: 600, companyPerMinute: 3_000, redisTimeoutMs: 100 } as const;

  async function startupLines(environment: "production" | "development", redisUrl?: URL) {
    const logs = captureLogs();
    const rateLimit = createRequestRateLimit(limits, {
      environment,
      logger: createLogger({ name: "gateway", level: "info", destination: logs.destination }),
      endpoint: "/graphql",
      ...(redisUrl ? { redisUrl } : {}),
    });
    await rateLimit.start();
    await rateLimit.stop();
    return logs.lines().map((line) => ({ level: line.level, msg: line.msg }));
  }

  it("warns in production without Redis that each instance counts alone", async () => {
    expect(await startupLines("production")).toEqual([{ level: 40, msg: expect.stringContaining("Rate limits are counted per gateway instance") }]);
  });

  it("says nothing with Redis, nor in development's single process", async () => {
    expect(await startupLines("production", new URL("redis://127.0.0.1:6379"))).toEqual([]);
    expect(await startupLines("development")).toEqual([]);
  });
});

describe("rate limits turned off", () => {
  const caller = (userId: string) => ({ requestId: "off-test", userId, companyHeader: demoCompanies.northwind.id });
  const logger = () => createLogger({ name: "gateway", level: "info", destination: captureLogs().destination });

  it("charges only the budgets in force", async () => {
    const rateLimit = createRequestRateLimit({ userPerMinute: "off", companyPerMinute: 2, redisTimeoutMs: 100 }, { environment: "production", logger: logger(), endpoint: "/graphql" });
    await rateLimit.charge(caller("first"));
    await rateLimit.charge(caller("first"));
    await expect(rateLimit.charge(caller("second"))).rejects.toMatchObject({ extensions: { code: "RATE_LIMITED", budget: "company" } });
  });

  it("counts nothing and opens no Redis connection when both are off", async () => {
    const logs = captureLogs();
    const unreachable = new URL("redis://127.0.0.1:1");
    const rateLimit = createRequestRateLimit(
      { userPerMinute: "off", companyPerMinute: "off", redisTimeoutMs: 100 },
      { environment: "production", logger: createLogger({ name: "gateway", level: "info", destination: logs.destination }), endpoint: "/graphql", redisUrl: unreachable },
    );
    await rateLimit.start();
    for (let request = 0; request < 100; request++) await rateLimit.charge(caller("busy"));
    await rateLimit.stop();
    expect(logs.lines()).toEqual([]);
  });
});

