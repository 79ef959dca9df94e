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
  it("tells its observer how each lookup was served", async () => {
    const outcomes: string[] = [];
    const cache = new AccessCache({ ttlMs: 30_000, denialTtlMs: 5_000, maxEntries: 10, now: () => 0, observer: { lookup: (outcome) => outcomes.push(outcome) } });
    const load = async () => granted;
    await cache.get("u", "c", load);
    await cache.get("u", "c", load);
    await Promise.all([cache.get("v", "c", load), cache.get("v", "c", load)]);
    cache.pause();
    await cache.get("u", "c", load);
    // A lookup that joins one under way found nothing in the cache: a miss.
    expect(outcomes).toEqual(["miss", "hit", "miss", "miss", "bypassed"]);
  });

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

  describe("announced changes", () => {
    const countingLoad = () => {
      const counter = { loads: 0, load: async () => (counter.loads++, granted) };
      return counter;
    };

    it("forgets exactly the entries a change covers", async () => {
      const cache = cacheAt({ now: 0 });
      const keys = [["alice", "northwind"], ["alice", "harbor"], ["bob", "northwind"], ["bob", "harbor"]] as const;
      const loaders = new Map(keys.map((key) => [key.join("@"), countingLoad()]));
      const lookUpAll = () => Promise.all(keys.map(([user, company]) => cache.get(user, company, loaders.get(`${user}@${company}`)!.load)));
      const loadsSoFar = () => keys.map((key) => loaders.get(key.join("@"))!.loads);

      await lookUpAll();
      cache.forget({ scope: "membership", userId: "alice", companyId: "northwind" });
      await lookUpAll();
      expect(loadsSoFar()).toEqual([2, 1, 1, 1]);
      cache.forget({ scope: "company", companyId: "harbor" });
      await lookUpAll();
      expect(loadsSoFar()).toEqual([2, 2, 1, 2]);
      cache.forget({ scope: "user", userId: "bob" });
      await lookUpAll();
      expect(loadsSoFar()).toEqual([2, 2, 2, 3]);
      cache.forget({ scope: "everything" });
      await lookUpAll();
      expect(loadsSoFar()).toEqual([3, 3, 3, 4]);
    });

    it("does not store a lookup that was under way when a change came, nor share it with later callers", async () => {
      const cache = cacheAt({ now: 0 });
      let release!: (decision: AccessDecision) => void;
      const before = cache.get("u", "c", () => new Promise<AccessDecision>((resolve) => (release = resolve)));
      cache.forget({ scope: "membership", userId: "u", companyId: "c" });
      release(granted);
      await before;
      expect(cache.size).toBe(0);

      const slow = cache.get("u", "c", () => new Promise<AccessDecision>((resolve) => (release = resolve)));
      cache.forget({ scope: "company", companyId: "c" });
      const after = countingLoad();
      const fresh = cache.get("u", "c", after.load);
      release(granted);
      await Promise.all([slow, fresh]);
      // The caller after the change got a lookup of its own, and only that one was kept.
      expect(after.loads).toBe(1);
      expect(cache.size).toBe(1);
      await cache.get("u", "c", after.load);
      expect(after.loads).toBe(1);
    });

    it("serves and stores nothing while paused, and caches again once resumed", async () => {
      const cache = cacheAt({ now: 0 });
      const counter = countingLoad();
      await cache.get("u", "c", counter.load);
      cache.pause();
      expect(cache.size).toBe(0);
      await cache.get("u", "c", counter.load);
      await cache.get("u", "c", counter.load);
      expect(counter.loads).toBe(3);
      cache.resume();
      await cache.get("u", "c", counter.load);
      await cache.get("u", "c", counter.load);
      expect(counter.loads).toBe(4);
    });
  });
});
