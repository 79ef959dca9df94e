// The access context cache (spec §11, in place of the Auth cache strategy document):
// - keyed by (user, company); bounded in size, least recently used first out;
// - a granted context lives `ttlMs`, a denial (not a member) only `denialTtlMs`, so a
//   membership created a moment ago is seen quickly;
// - a failure of the source is never cached: the next request asks again;
// - concurrent misses for one key share one lookup;
// - a change announced by the access directory drops the entries it covers at once
//   (`forget`), and a lookup that was under way when it came is not stored, since it may
//   have read the facts from before the change;
// - while the process cannot hear of changes (`pause`), nothing is served from the cache.
// Each process has its own cache; ttlMs bounds staleness only if announcements are lost.
import { accessChangeCovers, type AccessChange } from "./access-changes.ts";
import type { AccessContext } from "./access-context.ts";

export type AccessDecision = { status: "granted"; access: AccessContext } | { status: "not-member" };

interface Entry {
  decision: AccessDecision;
  expiresAt: number;
}

/** Hears how each lookup was served (the process's metrics count them). */
export interface AccessCacheObserver {
  lookup(outcome: "hit" | "miss" | "bypassed"): void;
}

export interface AccessCacheOptions {
  ttlMs: number;
  denialTtlMs: number;
  maxEntries: number;
  now?: () => number;
  observer?: AccessCacheObserver;
}

export class AccessCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<AccessDecision>>();
  private readonly now: () => number;
  /** Bumped by every change: a lookup started under an older generation is not stored. */
  private generation = 0;
  private paused = false;

  constructor(private readonly options: AccessCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  async get(userId: string, companyId: string, load: () => Promise<AccessDecision>): Promise<AccessDecision> {
    if (this.paused) {
      this.options.observer?.lookup("bypassed");
      return load();
    }
    const key = cacheKey(userId, companyId);
    const cached = this.entries.get(key);
    if (cached && cached.expiresAt > this.now()) {
      this.options.observer?.lookup("hit");
      // Re-insert so that Map order stays least-recently-used first.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached.decision;
    }
    this.entries.delete(key);
    this.options.observer?.lookup("miss");

    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const startedIn = this.generation;
    const lookup = load()
      .then((decision) => {
        if (startedIn === this.generation && !this.paused) this.store(key, decision);
        return decision;
      })
      .finally(() => {
        if (this.inFlight.get(key) === lookup) this.inFlight.delete(key);
      });
    this.inFlight.set(key, lookup);
    return lookup;
  }

  /** Drops every entry, and every lookup under way, that the change covers. */
  forget(change: AccessChange): void {
    this.generation += 1;
    // One membership is one key: no need to look at the others.
    if (change.scope === "membership") {
      const key = cacheKey(change.userId, change.companyId);
      this.entries.delete(key);
      this.inFlight.delete(key);
      return;
    }
    for (const map of [this.entries, this.inFlight]) {
      for (const key of map.keys()) {
        const [userId = "", companyId = ""] = key.split(keySeparator);
        if (accessChangeCovers(change, userId, companyId)) map.delete(key);
      }
    }
  }

  /** Changes can no longer be heard: forget everything and cache nothing until `resume`. */
  pause(): void {
    this.paused = true;
    this.forget({ scope: "everything" });
  }

  /** Changes are heard again; anything decided before is already gone. */
  resume(): void {
    this.paused = false;
  }

  get size(): number {
    return this.entries.size;
  }

  private store(key: string, decision: AccessDecision): void {
    const ttl = decision.status === "granted" ? this.options.ttlMs : this.options.denialTtlMs;
    if (ttl <= 0) return;
    this.entries.set(key, { decision, expiresAt: this.now() + ttl });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}

// Neither a user id nor a company id can hold NUL, so the key splits back unambiguously.
const keySeparator = "\u0000";
const cacheKey = (userId: string, companyId: string) => `${userId}${keySeparator}${companyId}`;
