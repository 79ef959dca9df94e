import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadPlatformConfig } from "./platform-config.ts";

const scratch = () => mkdtempSync(join(tmpdir(), "marquee-config-"));

describe("loadPlatformConfig", () => {
  it("runs development on a local key and a generated gateway secret that persists", () => {
    const cwd = scratch();
    const config = loadPlatformConfig({}, { cwd });
    expect(config.environment).toBe("development");
    expect(config.auth).toMatchObject({ mode: "development", issuer: "marquee-dev", audience: "marquee", algorithms: ["ES256"], devKeyFile: join(cwd, ".data", "dev-auth-key.json") });
    expect(config.gatewaySecret).toBe(readFileSync(join(cwd, ".data", "dev-gateway-secret"), "utf8").trim());
    expect(loadPlatformConfig({}, { cwd }).gatewaySecret).toBe(config.gatewaySecret);
    expect(config.introspection).toBe(true);
  });

  it("refuses production without an identity provider or a gateway secret, listing every problem", () => {
    expect(() => loadPlatformConfig({ NODE_ENV: "production" }, { cwd: scratch() })).toThrow(ConfigError);
    try {
      loadPlatformConfig({ NODE_ENV: "production", ACCESS_CACHE_TTL_MS: "soon" }, { cwd: scratch() });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        "AUTH_JWKS_URL is required in production (the development signing key is never enabled there).",
        "AUTH_ISSUER is required in production.",
        "AUTH_AUDIENCE is required in production.",
        'ACCESS_CACHE_TTL_MS must be a whole number from 0 to 600000 (got "soon").',
        "GATEWAY_SECRET is required in production.",
      ]);
    }
  });

  it("configures production from the identity provider's settings, with introspection off", () => {
    const config = loadPlatformConfig(
      {
        NODE_ENV: "production",
        AUTH_JWKS_URL: "https://id.example.com/.well-known/jwks.json",
        AUTH_ISSUER: "https://id.example.com/",
        AUTH_AUDIENCE: "marquee-api",
        GATEWAY_SECRET: "a".repeat(40),
      },
      { cwd: scratch() },
    );
    expect(config.auth).toMatchObject({ mode: "jwks", issuer: "https://id.example.com/", audience: "marquee-api", algorithms: ["RS256", "ES256", "EdDSA"] });
    expect(config.introspection).toBe(false);
  });

  it("never accepts a symmetric or unsigned algorithm", () => {
    expect(() => loadPlatformConfig({ AUTH_ALGORITHMS: "HS256,none" }, { cwd: scratch() })).toThrow(/AUTH_ALGORITHMS may list only/);
  });
});
