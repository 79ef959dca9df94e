// The per-process limiter on a clock turned by hand: a minute's budget, its refill, both
// budgets charged or neither, and memory that stays bounded however many callers come.
import { describe, expect, it } from "vitest";
import { InProcessRateLimiter } from "../src/rate-limit/in-process-rate-limiter.ts";
import type { Budget } from "../src/rate-limit/rate-limiter.ts";

const second = 1_000_000;

function handTurnedClock() {
  let nowUs = 1_700_000_000 * second;
  return { clockUs: () => nowUs, advance: (seconds: number) => (nowUs += Math.round(seconds * second)) };
}

const user = (limit: number, key = "alice"): Budget => ({ kind: "user", key, limit });
const company = (limit: number, key = "northwind"): Budget => ({ kind: "company", key, limit });

async function admittedOf(limiter: InProcessRateLimiter, budgets: Budget[], attempts: number): Promise<number> {
  let admitted = 0;
  for (let attempt = 0; attempt < attempts; attempt++) if ((await limiter.admit(budgets)).admitted) admitted++;
  return admitted;
}

describe("the in-process rate limiter", () => {
  it("admits a minute's worth at once, then refuses with the wait until the next request", async () => {
    const clock = handTurnedClock();
    const limiter = new InProcessRateLimiter({ clockUs: clock.clockUs });
    expect(await admittedOf(limiter, [user(6)], 6)).toBe(6);
    clock.advance(4);
    // 6 a minute: one request every 10 s; the first of them was charged 4 s ago.
    expect(await limiter.admit([user(6)])).toEqual({ admitted: false, budget: user(6), retryAfterMs: 6_000 });
  });

  it("refills one request per interval and is whole again a minute after a burst", async () => {
    const clock = handTurnedClock();
    const limiter = new InProcessRateLimiter({ clockUs: clock.clockUs });
    expect(await admittedOf(limiter, [user(6)], 10)).toBe(6);
    clock.advance(9.999);
    expect((await limiter.admit([user(6)])).admitted).toBe(false);
    clock.advance(0.001);
    expect(await admittedOf(limiter, [user(6)], 3)).toBe(1);
    clock.advance(60);
    expect(await admittedOf(limiter, [user(6)], 10)).toBe(6);
  });

  it("keeps users and companies apart, and a company's budget shared by its users", async () => {
    const limiter = new InProcessRateLimiter({ clockUs: handTurnedClock().clockUs });
    expect(await admittedOf(limiter, [user(3, "alice"), company(5)], 4)).toBe(3);
    expect(await admittedOf(limiter, [user(3, "bob"), company(5)], 4)).toBe(2);
    expect(await admittedOf(limiter, [user(3, "hana"), company(5, "harbor")], 4)).toBe(3);
    // A user and a company of the same name are two budgets.
    expect(await admittedOf(limiter, [user(3, "northwind")], 4)).toBe(3);
  });

  it("names the budget that frees last, and charges none for a refused request", async () => {
    const clock = handTurnedClock();
    const limiter = new InProcessRateLimiter({ clockUs: clock.clockUs });
    // Two a minute: one request every 30 s.
    expect(await admittedOf(limiter, [user(2, "alice")], 2)).toBe(2);
    clock.advance(10);
    expect(await admittedOf(limiter, [user(2, "bob"), company(2)], 2)).toBe(2);
    // Both of Alice's budgets are spent: her own frees in 20 s, the company's in 30 s.
    expect(await limiter.admit([user(2, "alice"), company(2)])).toEqual({ admitted: false, budget: company(2), retryAfterMs: 30_000 });
    clock.advance(20);
    // Refused by the company's budget alone, the request takes nothing from Alice's own.
    expect(await limiter.admit([user(2, "alice"), company(2)])).toEqual({ admitted: false, budget: company(2), retryAfterMs: 10_000 });
    expect(await admittedOf(limiter, [user(2, "alice")], 2)).toBe(1);
  });

  it("drops a budget once it is whole again, so memory follows the last minute's callers", async () => {
    const clock = handTurnedClock();
    const limiter = new InProcessRateLimiter({ clockUs: clock.clockUs });
    await limiter.admit([user(600, "steady")]);
    clock.advance(0.05);
    for (let caller = 0; caller < 1_000; caller++) await limiter.admit([user(600, `user-${caller}`)]);
    clock.advance(0.04);
    await limiter.admit([user(600, "steady")]);
    expect(limiter.size).toBe(1_001);
    // One request of 600 a minute is whole again 0.1 s after it was charged: the thousand
    // callers' budgets now, not the steady caller's, charged again since.
    clock.advance(0.06);
    await limiter.admit([user(600, "late")]);
    expect(limiter.size).toBe(2);
  });

  it("never holds more budgets than its bound, forgetting the least recently charged", async () => {
    const clock = handTurnedClock();
    const limiter = new InProcessRateLimiter({ clockUs: clock.clockUs, maxBudgets: 100 });
    await limiter.admit([user(1, "first")]);
    for (let caller = 0; caller < 10_000; caller++) await limiter.admit([user(1, `user-${caller}`), company(1_000_000, `company-${caller}`)]);
    expect(limiter.size).toBe(100);
    // The most recent callers are still held, and still refused.
    expect((await limiter.admit([user(1, "user-9999")])).admitted).toBe(false);
    // The first caller's spent budget was forgotten: it starts afresh.
    expect((await limiter.admit([user(1, "first")])).admitted).toBe(true);
  });
});
