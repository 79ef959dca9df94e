// Production verification: tokens signed by the identity provider, checked against the
// JWKS it publishes (a stand-in provider here, serving a real JWKS document over HTTP).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthConfig } from "../config/platform-config.ts";
import { createDevelopmentSigningKey, signDevelopmentToken, type DevelopmentSigningKey } from "./development-signing-key.ts";
import { tokenVerifierFor } from "./token-verifier.ts";
import { validateJwt } from "./validate-jwt.ts";

let provider: Server;
let providerKey: DevelopmentSigningKey;
let config: AuthConfig;

beforeAll(async () => {
  providerKey = (await createDevelopmentSigningKey()).key;
  provider = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ keys: [providerKey.publicJwk] }));
  });
  await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
  config = {
    mode: "jwks",
    jwksUrl: new URL(`http://127.0.0.1:${(provider.address() as AddressInfo).port}/.well-known/jwks.json`),
    issuer: "https://id.example.com/",
    audience: "marquee-api",
    algorithms: ["ES256"],
    clockToleranceSeconds: 5,
    maxTokenAgeSeconds: 86_400,
    maxTokenBytes: 8192,
  };
});
afterAll(() => new Promise<void>((resolve) => provider.close(() => resolve())));

describe("tokenVerifierFor (JWKS)", () => {
  it("accepts a token signed with a key the provider publishes", async () => {
    const verifier = await tokenVerifierFor(config, "production");
    const token = await signDevelopmentToken(providerKey, { sub: "user-1" }, { issuer: config.issuer, audience: config.audience });
    expect(await validateJwt(`Bearer ${token}`, verifier)).toEqual({ status: "authenticated", userId: "user-1", token });
  });

  it("refuses a token signed with a key the provider does not publish", async () => {
    const verifier = await tokenVerifierFor(config, "production");
    const stranger = (await createDevelopmentSigningKey()).key;
    const token = await signDevelopmentToken(stranger, { sub: "user-1" }, { issuer: config.issuer, audience: config.audience });
    expect(await validateJwt(`Bearer ${token}`, verifier)).toEqual({ status: "invalid", reason: "token signed by an unknown key" });
  });
});

describe("tokenVerifierFor (development key)", () => {
  it("never creates or accepts the development key outside development", async () => {
    const development: AuthConfig = { ...config, mode: "development", devKeyFile: "/nonexistent/dev-auth-key.json" };
    for (const environment of ["test", "production"] as const) {
      await expect(tokenVerifierFor(development, environment)).rejects.toThrow(/development signing key is never used/);
    }
  });
});
