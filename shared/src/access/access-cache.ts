// The access context cache (spec §11, in place of the Auth cache strategy document):
// - keyed by (user, company); bounded in size, least recently used first out;
// - a granted context lives `ttlMs`, a denial (not a member) only `denialTtlMs`, so a
//   membership created a moment ago is seen quickly;
// - a failure of the source is never cached: the next request asks again;
// - concurrent misses for one key share one lookup.
// Each process has its own cache; a change of grants is seen everywhere within ttlMs.
import type { AccessContext } from "./access-context.ts";

export type AccessDecision = { status: "granted"; access: AccessContext } | { status: "not-member" };

interface Entry {
  decision: AccessDecision;
  expiresAt: number;
}

export interface AccessCacheOptions {
  ttlMs: number;
  denialTtlMs: number;
  maxEntries: number;
  now?: () => number;
}

export class AccessCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<AccessDecision>>();
  private readonly now: () => number;

  constructor(private readonly options: AccessCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  async get(userId: string, companyId: string, load: () => Promise<AccessDecision>): Promise<AccessDecision> {
    const key = `${userId}\u0000${companyId}`;
    const cached = this.entries.get(key);
    if (cached && cached.expiresAt > this.now()) {
      // Re-insert so that Map order stays least-recently-used first.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached.decision;
    }
    this.entries.delete(key);

    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const lookup = load()
      .then((decision) => {
        this.store(key, decision);
        return decision;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, lookup);
    return lookup;
  }

  /** Forget everything: for an operator after a grant change, and for tests. */
  clear(): void {
    this.entries.clear();
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
