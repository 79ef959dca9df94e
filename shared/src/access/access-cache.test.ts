import { describe, expect, it } from "vitest";
import { AccessCache, type AccessDecision } from "./access-cache.ts";

const granted: AccessDecision = {
  status: "granted",
  access: { userId: "u", companyId: "c", companyName: "C", modules: new Set(["finance"]), permissions: new Set() },
};
const denied: AccessDecision = { status: "not-member" };

function cacheAt(clock: { now: number }, options: Partial<{ ttlMs: number; denialTtlMs: number; maxEntries: number }> = {}) {
  return new AccessCache({ ttlMs: 30_000, denialTtlMs: 5_000, maxEntries: 10, now: () => clock.now, ...options });
}

describe("AccessCache", () => {
  it("keeps a grant for its TTL and asks again after it", async () => {
    const clock = { now: 0 };
    const cache = cacheAt(clock);
    let loads = 0;
    const load = async () => (loads++, granted);
    await cache.get("u", "c", load);
    clock.now = 29_999;
    await cache.get("u", "c", load);
    expect(loads).toBe(1);
    clock.now = 30_000;
    await cache.get("u", "c", load);
    expect(loads).toBe(2);
  });

  it("keeps a denial only for the shorter denial TTL", async () => {
    const clock = { now: 0 };
    const cache = cacheAt(clock);
    let loads = 0;
    const load = async () => (loads++, denied);
    await cache.get("u", "c", load);
    clock.now = 4_999;
    await cache.get("u", "c", load);
    clock.now = 5_000;
    await cache.get("u", "c", load);
    expect(loads).toBe(2);
  });

  it("never caches a failure of the source", async () => {
    const cache = cacheAt({ now: 0 });
    await expect(cache.get("u", "c", async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(cache.size).toBe(0);
    await expect(cache.get("u", "c", async () => granted)).resolves.toBe(granted);
  });

  it("keeps (user, company) pairs apart", async () => {
    const cache = cacheAt({ now: 0 });
    await cache.get("u", "c", async () => granted);
    await expect(cache.get("u", "other", async () => denied)).resolves.toBe(denied);
    await expect(cache.get("other", "c", async () => denied)).resolves.toBe(denied);
  });

  it("stays within its size bound, dropping the least recently used first", async () => {
    const cache = cacheAt({ now: 0 }, { maxEntries: 2 });
    await cache.get("a", "c", async () => granted);
    await cache.get("b", "c", async () => granted);
    await cache.get("a", "c", async () => granted); // a is now the most recent
    await cache.get("c", "c", async () => granted);
    expect(cache.size).toBe(2);
    let reloaded = false;
    await cache.get("a", "c", async () => ((reloaded = true), granted));
    expect(reloaded).toBe(false);
    await cache.get("b", "c", async () => ((reloaded = true), granted));
    expect(reloaded).toBe(true);
  });

  it("shares one lookup between concurrent misses", async () => {
    const cache = cacheAt({ now: 0 });
    let loads = 0;
    const load = () => new Promise<AccessDecision>((resolve) => setTimeout(() => resolve((loads++, granted)), 10));
    await Promise.all(Array.from({ length: 20 }, () => cache.get("u", "c", load)));
    expect(loads).toBe(1);
  });

  it("does not store anything when the TTL is zero", async () => {
    const cache = cacheAt({ now: 0 }, { ttlMs: 0 });
    await cache.get("u", "c", async () => granted);
    expect(cache.size).toBe(0);
  });
});
