// The development identity provider's key: an ES256 key pair created on first start
// under the data folder, so that `npm run token` can sign tokens that every local
// process accepts. Used in development only: loadPlatformConfig demands an identity
// provider (AUTH_JWKS_URL) in any other environment, and tokenVerifierFor refuses this key there.
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type CryptoKey } from "jose";

export interface DevelopmentSigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

const algorithm = "ES256";

export async function createDevelopmentSigningKey(): Promise<{ key: DevelopmentSigningKey; privateJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(algorithm, { extractable: true });
  const privateJwk = await exportJWK(privateKey);
  const publicJwk = await exportJWK(publicKey);
  const kid = `dev-${randomUUID()}`;
  return { key: { kid, privateKey, publicJwk: { ...publicJwk, kid, alg: algorithm, use: "sig" } }, privateJwk: { ...privateJwk, kid, alg: algorithm } };
}

export async function loadOrCreateDevelopmentSigningKey(file: string): Promise<DevelopmentSigningKey> {
  if (!existsSync(file)) {
    const { privateJwk } = await createDevelopmentSigningKey();
    mkdirSync(dirname(file), { recursive: true });
    // `wx`: when two local processes start together, exactly one writes the key.
    try {
      writeFileSync(file, JSON.stringify(privateJwk), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  const privateJwk = JSON.parse(readFileSync(file, "utf8")) as JWK;
  const { d: _private, ...publicJwk } = privateJwk;
  const privateKey = (await importJWK(privateJwk, algorithm)) as CryptoKey;
  return { kid: privateJwk.kid ?? "dev", privateKey, publicJwk: { ...publicJwk, use: "sig" } };
}

export interface TokenClaims {
  sub: string;
  email?: string;
  name?: string;
}

export async function signDevelopmentToken(
  key: DevelopmentSigningKey,
  claims: TokenClaims,
  options: { issuer: string; audience: string; expiresIn?: string | number },
): Promise<string> {
  return new SignJWT({ ...(claims.email ? { email: claims.email } : {}), ...(claims.name ? { name: claims.name } : {}) })
    .setProtectedHeader({ alg: algorithm, kid: key.kid, typ: "JWT" })
    .setSubject(claims.sub)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "8h")
    .sign(key.privateKey);
}
