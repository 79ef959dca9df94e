// How a process checks token signatures: against the identity provider's JWKS in
// production, against the local development key otherwise. Both accept only the
// configured asymmetric algorithms and only the configured issuer and audience.
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import type { AuthConfig } from "../config/platform-config.ts";
import { loadOrCreateDevelopmentSigningKey, type DevelopmentSigningKey } from "./development-signing-key.ts";

export interface TokenVerifier {
  /** Resolves to the verified claims; rejects with jose's error otherwise. */
  verify(token: string): Promise<JWTPayload>;
  readonly maxTokenBytes: number;
}

export function createTokenVerifier(config: AuthConfig, keys: JWTVerifyGetKey): TokenVerifier {
  return {
    maxTokenBytes: config.maxTokenBytes,
    async verify(token) {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: config.algorithms,
        issuer: config.issuer,
        audience: config.audience,
        clockTolerance: config.clockToleranceSeconds,
        requiredClaims: ["exp", "sub"],
      });
      return payload;
    },
  };
}

/** The verifier a process runs with, from its configuration. */
export async function tokenVerifierFor(config: AuthConfig): Promise<TokenVerifier> {
  if (config.mode === "jwks") {
    // jose caches the key set and refetches it on an unknown `kid`, with a cooldown.
    return createTokenVerifier(config, createRemoteJWKSet(config.jwksUrl!));
  }
  const key = await loadOrCreateDevelopmentSigningKey(config.devKeyFile!);
  return developmentTokenVerifier(config, key);
}

export function developmentTokenVerifier(config: AuthConfig, key: DevelopmentSigningKey): TokenVerifier {
  return createTokenVerifier(config, createLocalJWKSet({ keys: [key.publicJwk] }));
}
