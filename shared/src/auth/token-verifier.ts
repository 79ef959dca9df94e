// How a process checks token signatures: against the identity provider's JWKS in
// production, against the local development key otherwise. Both accept only the
// configured asymmetric algorithms and only the configured issuer and audience.
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { ConfigError, type AuthConfig, type Environment } from "../config/platform-config.ts";
import { loadOrCreateDevelopmentSigningKey, type DevelopmentSigningKey } from "./development-signing-key.ts";
import { VerifiedTokenCache } from "./verified-token-cache.ts";

/** The `reason` of the claim failure raised for a token whose lifetime (`exp` − `iat`) is too long. */
export const lifetimeTooLong = "lifetime_too_long";

export interface TokenVerifier {
  /** Resolves to the verified claims; rejects with jose's error otherwise. */
  verify(token: string): Promise<JWTPayload>;
  readonly maxTokenBytes: number;
}

/** Verified tokens kept per process, and how long at most before a token is checked again. */
const verifiedTokenCacheEntries = 10_000;
const verifiedTokenMaxEntryAgeMs = 5 * 60_000;

export function createTokenVerifier(config: AuthConfig, keys: JWTVerifyGetKey, options: { now?: () => number } = {}): TokenVerifier {
  const cache = new VerifiedTokenCache({
    maxEntries: verifiedTokenCacheEntries,
    maxEntryAgeMs: verifiedTokenMaxEntryAgeMs,
    maxTokenAgeSeconds: config.maxTokenAgeSeconds,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    maxTokenBytes: config.maxTokenBytes,
    verify: (token) => cache.verify(token, (unverified) => verifySignatureAndClaims(config, keys, unverified)),
  };
}

async function verifySignatureAndClaims(config: AuthConfig, keys: JWTVerifyGetKey, token: string): Promise<JWTPayload> {
  // jose refuses an `iat` older than maxTokenAge or later than now (beyond the clock tolerance).
  const { payload } = await jwtVerify(token, keys, {
    algorithms: config.algorithms,
    issuer: config.issuer,
    audience: config.audience,
    clockTolerance: config.clockToleranceSeconds,
    maxTokenAge: config.maxTokenAgeSeconds,
    requiredClaims: ["exp", "iat", "sub"],
  });
  // A token issued just now but valid until the year 9999 is still a token for ever.
  if (payload.exp! - payload.iat! > config.maxTokenAgeSeconds + config.clockToleranceSeconds) {
    throw new errors.JWTClaimValidationFailed("token lifetime is longer than the accepted maximum", payload, "exp", lifetimeTooLong);
  }
  return payload;
}

/** The verifier a process runs with, from its configuration. */
export async function tokenVerifierFor(config: AuthConfig, environment: Environment): Promise<TokenVerifier> {
  if (config.mode === "jwks") {
    // jose caches the key set and refetches it on an unknown `kid`, with a cooldown.
    return createTokenVerifier(config, createRemoteJWKSet(config.jwksUrl!));
  }
  // loadPlatformConfig never chooses the development key elsewhere; a configuration built by hand must not either.
  if (environment !== "development") throw new ConfigError([`The development signing key is never used in ${environment}: set AUTH_JWKS_URL.`]);
  const key = await loadOrCreateDevelopmentSigningKey(config.devKeyFile!);
  return developmentTokenVerifier(config, key);
}

export function developmentTokenVerifier(config: AuthConfig, key: DevelopmentSigningKey): TokenVerifier {
  return createTokenVerifier(config, createLocalJWKSet({ keys: [key.publicJwk] }));
}
