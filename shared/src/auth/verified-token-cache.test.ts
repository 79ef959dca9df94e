// The verified-token cache, through the real verifier and real ES256 signatures: what is
// counted is how often the key set is consulted, which jose does once per verification.
import { SignJWT, createLocalJWKSet, type JWTVerifyGetKey } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import type { AuthConfig } from "../config/platform-config.ts";
import { createDevelopmentSigningKey, type DevelopmentSigningKey } from "./development-signing-key.ts";
import { createTokenVerifier } from "./token-verifier.ts";
import { VerifiedTokenCache } from "./verified-token-cache.ts";

const config: AuthConfig = {
  mode: "development",
  issuer: "marquee-test",
  audience: "marquee",
  algorithms: ["ES256"],
  clockToleranceSeconds: 0,
  maxTokenAgeSeconds: 3_600,
  maxTokenBytes: 8192,
};

let signingKey: DevelopmentSigningKey;
beforeAll(async () => {
  signingKey = (await createDevelopmentSigningKey()).key;
});

function countingKeys(): { verifications: number; keys: JWTVerifyGetKey } {
  const local = createLocalJWKSet({ keys: [signingKey.publicJwk] });
  const counter = {
    verifications: 0,
    keys: ((header, token) => {
      counter.verifications += 1;
      return local(header, token);
    }) as JWTVerifyGetKey,
  };
  return counter;
}

async function tokenFor(subject: string, claims: { iat?: number; exp?: number } = {}, key = signingKey): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: "ES256", kid: key.kid })
    .setSubject(subject)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt(claims.iat ?? now)
    .setExpirationTime(claims.exp ?? now + 600)
    .sign(key.privateKey);
}

describe("a verified token", () => {
  it("is not verified again, by any number of requests at once or after each other", async () => {
    const counter = countingKeys();
    const verifier = createTokenVerifier(config, counter.keys);
    const token = await tokenFor("alice");
    const claims = await Promise.all(Array.from({ length: 20 }, () => verifier.verify(token)));
    for (let request = 0; request < 20; request++) claims.push(await verifier.verify(token));
    expect(counter.verifications).toBe(1);
    expect(new Set(claims.map((claim) => claim.sub))).toEqual(new Set(["alice"]));
    expect(Object.isFrozen(claims[0])).toBe(true);

    await verifier.verify(await tokenFor("bob"));
    expect(counter.verifications).toBe(2);
  });

  it("is verified again once it has expired, once it is too old, and at the latest after the entry's age", async () => {
    const nowSeconds = Math.floor(Date.now() / 1000);
    const clock = { now: nowSeconds * 1000 };
    const counter = countingKeys();
    const verifier = createTokenVerifier(config, counter.keys, { now: () => clock.now });

    // Expires in 60 s: kept until then.
    const shortLived = await tokenFor("alice", { exp: nowSeconds + 60 });
    await verifier.verify(shortLived);
    clock.now += 59_000;
    await verifier.verify(shortLived);
    expect(counter.verifications).toBe(1);
    clock.now += 1_000;
    await verifier.verify(shortLived);
    expect(counter.verifications).toBe(2);

    // Issued 3,570 s ago with an hour's accepted age: too old in 30 s, though it expires later.
    clock.now = nowSeconds * 1000;
    const ageing = await tokenFor("bob", { iat: nowSeconds - 3_570, exp: nowSeconds + 29 });
    await verifier.verify(ageing);
    clock.now += 28_000;
    await verifier.verify(ageing);
    expect(counter.verifications).toBe(3);
    clock.now += 1_000;
    await verifier.verify(ageing);
    expect(counter.verifications).toBe(4);
  });

  it("is kept at most five minutes, however long it stays valid", async () => {
    const cache = new VerifiedTokenCache({ maxEntries: 10, maxEntryAgeMs: 300_000, maxTokenAgeSeconds: 86_400, now: () => clock.now });
    const clock = { now: 1_000_000_000_000 };
    let verifications = 0;
    const claims = { sub: "alice", iat: clock.now / 1000, exp: clock.now / 1000 + 86_000 };
    const verify = async () => (verifications++, claims);
    await cache.verify("token", verify);
    clock.now += 299_999;
    await cache.verify("token", verify);
    expect(verifications).toBe(1);
    clock.now += 1;
    await cache.verify("token", verify);
    expect(verifications).toBe(2);
  });

  it("keeps at most its bound, the least recently used going first", async () => {
    const cache = new VerifiedTokenCache({ maxEntries: 2, maxEntryAgeMs: 300_000, maxTokenAgeSeconds: 86_400 });
    const seen: string[] = [];
    const now = Math.floor(Date.now() / 1000);
    const verify = async (token: string) => (seen.push(token), { sub: token, iat: now, exp: now + 600 });
    for (const token of ["a", "b", "a", "c", "a", "b"]) await cache.verify(token, verify);
    // "b" was the least recently used when "c" came in.
    expect(seen).toEqual(["a", "b", "c", "b"]);
    expect(cache.size).toBe(2);
  });
});

describe("a token that fails verification", () => {
  it("is never kept: each attempt is verified and refused again", async () => {
    const counter = countingKeys();
    const verifier = createTokenVerifier(config, counter.keys);
    const stranger = (await createDevelopmentSigningKey()).key;
    const forged = await tokenFor("mallory", {}, { ...stranger, kid: signingKey.kid });
    await expect(verifier.verify(forged)).rejects.toMatchObject({ code: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" });
    await expect(verifier.verify(forged)).rejects.toMatchObject({ code: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" });
    expect(counter.verifications).toBe(2);
  });
});
