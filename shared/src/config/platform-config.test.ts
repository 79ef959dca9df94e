import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadPlatformConfig } from "./platform-config.ts";

const scratch = () => mkdtempSync(join(tmpdir(), "marquee-config-"));

describe("loadPlatformConfig", () => {
  const identityProvider = {
    AUTH_JWKS_URL: "https://id.example.com/.well-known/jwks.json",
    AUTH_ISSUER: "https://id.example.com/",
    AUTH_AUDIENCE: "marquee-api",
    GATEWAY_SECRET: "a".repeat(40),
  };

  it("runs as production when NODE_ENV is unset, unless the caller says otherwise", () => {
    expect(loadPlatformConfig(identityProvider, { cwd: scratch() }).environment).toBe("production");
    expect(() => loadPlatformConfig({}, { cwd: scratch() })).toThrow(/AUTH_JWKS_URL is required in production/);
    expect(loadPlatformConfig({}, { cwd: scratch(), defaultEnvironment: "development" }).environment).toBe("development");
    expect(loadPlatformConfig({ ...identityProvider, NODE_ENV: "production" }, { cwd: scratch(), defaultEnvironment: "development" }).environment).toBe("production");
  });

  it("runs development on a local key and a generated gateway secret that persists", () => {
    const cwd = scratch();
    const config = loadPlatformConfig({ NODE_ENV: "development" }, { cwd });
    expect(config.environment).toBe("development");
    expect(config.auth).toMatchObject({ mode: "development", issuer: "marquee-dev", audience: "marquee", algorithms: ["ES256"], devKeyFile: join(cwd, ".data", "dev-auth-key.json") });
    expect(config.gatewaySecret).toBe(readFileSync(join(cwd, ".data", "dev-gateway-secret"), "utf8").trim());
    expect(loadPlatformConfig({ NODE_ENV: "development" }, { cwd }).gatewaySecret).toBe(config.gatewaySecret);
    expect(config.introspection).toBe(true);
  });

  it("refuses production without an identity provider or a gateway secret, listing every problem", () => {
    expect(() => loadPlatformConfig({ NODE_ENV: "production" }, { cwd: scratch() })).toThrow(ConfigError);
    try {
      loadPlatformConfig({ NODE_ENV: "production", ACCESS_CACHE_TTL_MS: "soon" }, { cwd: scratch() });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        "AUTH_JWKS_URL is required in production (the development signing key is enabled in development only).",
        "AUTH_ISSUER is required in production.",
        "AUTH_AUDIENCE is required in production.",
        'ACCESS_CACHE_TTL_MS must be a whole number from 0 to 600000 (got "soon").',
        "GATEWAY_SECRET is required in production.",
      ]);
    }
  });

  it("configures production from the identity provider's settings, with introspection off", () => {
    const config = loadPlatformConfig({ ...identityProvider, NODE_ENV: "production" }, { cwd: scratch() });
    expect(config.auth).toMatchObject({ mode: "jwks", issuer: "https://id.example.com/", audience: "marquee-api", algorithms: ["RS256", "ES256", "EdDSA"] });
    expect(config.introspection).toBe(false);
  });

  it("never accepts a symmetric or unsigned algorithm", () => {
    expect(() => loadPlatformConfig({ NODE_ENV: "development", AUTH_ALGORITHMS: "HS256,none" }, { cwd: scratch() })).toThrow(/AUTH_ALGORITHMS may list only/);
  });

  it("enables the development signing key in development only", () => {
    expect(() => loadPlatformConfig({ NODE_ENV: "test" }, { cwd: scratch() })).toThrow(/AUTH_JWKS_URL is required in test/);
  });

  it("demands https for the identity provider's keys in production", () => {
    expect(() => loadPlatformConfig({ ...identityProvider, NODE_ENV: "production", AUTH_JWKS_URL: "http://id.example.com/.well-known/jwks.json" }, { cwd: scratch() })).toThrow(
      'AUTH_JWKS_URL must be an https URL in production (got "http://id.example.com/.well-known/jwks.json").',
    );
  });

  it("demands https for the Auth service, which receives callers' tokens, in production", () => {
    expect(() => loadPlatformConfig({ ...identityProvider, NODE_ENV: "production", AUTH_ACCESS_URL: "http://auth.internal" }, { cwd: scratch() })).toThrow(
      'AUTH_ACCESS_URL must be an https URL in production (got "http://auth.internal/").',
    );
  });

  it("opens the access change webhook only with a long secret and a Redis to pass the changes on", () => {
    const secret = "w".repeat(32);
    expect(loadPlatformConfig(identityProvider, { cwd: scratch() }).access.webhookSecret).toBeUndefined();
    expect(loadPlatformConfig({ ...identityProvider, ACCESS_WEBHOOK_SECRET: secret, REDIS_URL: "redis://cache:6379" }, { cwd: scratch() }).access.webhookSecret).toBe(secret);
    expect(() => loadPlatformConfig({ ...identityProvider, ACCESS_WEBHOOK_SECRET: "short", REDIS_URL: "redis://cache:6379" }, { cwd: scratch() })).toThrow("ACCESS_WEBHOOK_SECRET must be at least 32 characters.");
    expect(() => loadPlatformConfig({ ...identityProvider, ACCESS_WEBHOOK_SECRET: secret }, { cwd: scratch() })).toThrow(
      "ACCESS_WEBHOOK_SECRET needs REDIS_URL: the webhook passes the changes on to every instance through Redis.",
    );
  });

  it("bounds the age of tokens: a day unless configured, from a minute to a week", () => {
    expect(loadPlatformConfig(identityProvider, { cwd: scratch() }).auth.maxTokenAgeSeconds).toBe(86_400);
    expect(loadPlatformConfig({ ...identityProvider, AUTH_MAX_TOKEN_AGE_SECONDS: "3600" }, { cwd: scratch() }).auth.maxTokenAgeSeconds).toBe(3600);
    expect(() => loadPlatformConfig({ ...identityProvider, AUTH_MAX_TOKEN_AGE_SECONDS: "31536000" }, { cwd: scratch() })).toThrow(
      'AUTH_MAX_TOKEN_AGE_SECONDS must be a whole number from 60 to 604800 (got "31536000").',
    );
  });
});
