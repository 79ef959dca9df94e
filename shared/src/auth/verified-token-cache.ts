// A token verified once is not verified again while it stays valid: checking an ES256 or
// RS256 signature costs 100–250 µs of CPU, and one request through the gateway checks the
// same token in the gateway and in every subgraph it reaches, again on the next request.
// - Keyed by the token's SHA-256 digest: an 8 KB token is not kept in memory as a key.
// - An entry lives until the first moment the token would be refused: its `exp`, or its
//   `iat` plus the accepted token age, whichever comes first; and never longer than
//   `maxEntryAgeMs`, so that a key withdrawn from the identity provider's JWKS stops its
//   tokens within minutes even before they expire.
// - Bounded in entries, least recently used out first; a failed verification is never
//   kept (it may be a JWKS fetch that timed out); concurrent misses share one verification.
import { hash } from "node:crypto";
import type { JWTPayload } from "jose";

export interface VerifiedTokenCacheOptions {
  maxEntries: number;
  maxEntryAgeMs: number;
  maxTokenAgeSeconds: number;
  now?: () => number;
}

interface Entry {
  claims: JWTPayload;
  expiresAt: number;
}

export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<JWTPayload>>();
  private readonly now: () => number;

  constructor(private readonly options: VerifiedTokenCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  async verify(token: string, verifySignature: (token: string) => Promise<JWTPayload>): Promise<JWTPayload> {
    // One-shot hashing: half the CPU of a Hash object for a token's few hundred bytes, on every request of every process.
    const key = hash("sha256", token, "base64url");
    const cached = this.entries.get(key);
    if (cached && cached.expiresAt > this.now()) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached.claims;
    }
    this.entries.delete(key);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const verification = verifySignature(token)
      .then((verified) => {
        // Frozen: every caller, now and from the cache, shares the one object.
        const claims = Object.freeze({ ...verified });
        this.store(key, claims);
        return claims;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, verification);
    return verification;
  }

  get size(): number {
    return this.entries.size;
  }

  private store(key: string, claims: JWTPayload): void {
    // The verifier requires both claims; a payload without them is not kept.
    if (typeof claims.exp !== "number" || typeof claims.iat !== "number") return;
    const expiresAt = Math.min(claims.exp * 1000, (claims.iat + this.options.maxTokenAgeSeconds) * 1000, this.now() + this.options.maxEntryAgeMs);
    if (expiresAt <= this.now()) return;
    this.entries.set(key, { claims, expiresAt });
    while (this.entries.size > this.options.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }
}
