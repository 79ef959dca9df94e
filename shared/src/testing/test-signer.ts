// Signs tokens the way the development identity provider does, with a key that lives
// only as long as the test, plus the hostile tokens the 401 tests need.
import { SignJWT, UnsecuredJWT, type JWK } from "jose";
import type { AuthConfig } from "../config/platform-config.ts";
import { createDevelopmentSigningKey, signDevelopmentToken, type DevelopmentSigningKey } from "../auth/development-signing-key.ts";
import { developmentTokenVerifier, type TokenVerifier } from "../auth/token-verifier.ts";
import { demoUserByEmail } from "../demo/demo-tenants.ts";

export interface TestSigner {
  verifier: TokenVerifier;
  key: DevelopmentSigningKey;
  privateJwk: JWK;
  /** A valid token for a demo user (by email) or any subject. */
  tokenFor(emailOrSubject: string, options?: { expiresIn?: string | number }): Promise<string>;
}

export async function createTestSigner(auth: AuthConfig): Promise<TestSigner> {
  const { key, privateJwk } = await createDevelopmentSigningKey();
  return {
    key,
    privateJwk,
    verifier: developmentTokenVerifier(auth, key),
    async tokenFor(emailOrSubject, options = {}) {
      const user = demoUserByEmail(emailOrSubject);
      return signDevelopmentToken(key, { sub: user?.id ?? emailOrSubject, ...(user ? { email: user.email } : {}) }, {
        issuer: auth.issuer,
        audience: auth.audience,
        ...(options.expiresIn !== undefined ? { expiresIn: options.expiresIn } : {}),
      });
    },
  };
}

/** Tokens that must all be refused with 401, each for its own reason. */
export async function hostileTokens(signer: TestSigner, auth: AuthConfig, subject: string): Promise<Record<string, string>> {
  const stranger = await createDevelopmentSigningKey();
  // `kid` names the signer's key even when another key signs: a forgery that claims the right key.
  const unsigned = () => new SignJWT({}).setProtectedHeader({ alg: "ES256", kid: signer.key.kid }).setSubject(subject);
  const sign = (key: DevelopmentSigningKey, build: (jwt: SignJWT) => SignJWT) => build(unsigned().setIssuedAt()).sign(key.privateKey);
  const now = Math.floor(Date.now() / 1000);
  const year3000 = Date.UTC(3000, 0, 1) / 1000;
  const trusted = (jwt: SignJWT) => jwt.setIssuer(auth.issuer).setAudience(auth.audience);
  return {
    "lifetime to the year 9999": await sign(signer.key, (jwt) => trusted(jwt).setExpirationTime(Date.UTC(9999, 11, 31) / 1000)),
    "issued in the year 3000": await sign(signer.key, (jwt) => trusted(jwt).setIssuedAt(year3000).setExpirationTime(year3000 + 3600)),
    "older than the maximum age": await sign(signer.key, (jwt) => trusted(jwt).setIssuedAt(now - auth.maxTokenAgeSeconds - 3600).setExpirationTime(now + 3600)),
    "no issued-at": await trusted(unsigned()).setExpirationTime("1h").sign(signer.key.privateKey),
    expired: await sign(signer.key, (jwt) => jwt.setIssuer(auth.issuer).setAudience(auth.audience).setExpirationTime(now - 3600)),
    "not yet valid": await sign(signer.key, (jwt) => jwt.setIssuer(auth.issuer).setAudience(auth.audience).setNotBefore(now + 3600).setExpirationTime(now + 7200)),
    "wrongly signed": await sign(stranger.key, (jwt) => jwt.setIssuer(auth.issuer).setAudience(auth.audience).setExpirationTime("1h")),
    "alg none": new UnsecuredJWT({}).setSubject(subject).setIssuer(auth.issuer).setAudience(auth.audience).setExpirationTime("1h").encode(),
    "wrong issuer": await sign(signer.key, (jwt) => jwt.setIssuer("someone-else").setAudience(auth.audience).setExpirationTime("1h")),
    "wrong audience": await sign(signer.key, (jwt) => jwt.setIssuer(auth.issuer).setAudience("another-api").setExpirationTime("1h")),
    "no expiry": await sign(signer.key, (jwt) => jwt.setIssuer(auth.issuer).setAudience(auth.audience)),
    malformed: "not.a.jwt",
    oversized: `${await sign(signer.key, (jwt) => jwt.setIssuer(auth.issuer).setAudience(auth.audience).setExpirationTime("1h"))}${"A".repeat(auth.maxTokenBytes)}`,
  };
}
