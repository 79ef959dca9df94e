import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadPlatformConfig } from "./platform-config.ts";

const development = { NODE_ENV: "development", GATEWAY_SECRET: "s".repeat(40) };
const load = (env: Record<string, string>) => loadPlatformConfig({ ...development, ...env }, { cwd: mkdtempSync(join(tmpdir(), "marquee-rate-limits-")) });

function problemsOf(env: Record<string, string>): string[] {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("rate limits", () => {
  it("default to 600 requests a minute per user and 3,000 per company, counted in each process", () => {
    expect(load({}).rateLimits).toEqual({ userPerMinute: 600, companyPerMinute: 3_000, redisTimeoutMs: 100 });
    expect(load({}).redisUrl).toBeUndefined();
  });

  it("are read from the environment, each kind turned off on its own", () => {
    const config = load({ RATE_LIMIT_USER_PER_MINUTE: "120", RATE_LIMIT_COMPANY_PER_MINUTE: "off", REDIS_URL: "rediss://:secret@cache.internal:6380/2", RATE_LIMIT_REDIS_TIMEOUT_MS: "250" });
    expect(config.rateLimits).toEqual({ userPerMinute: 120, companyPerMinute: "off", redisTimeoutMs: 250 });
    expect(config.redisUrl).toEqual(new URL("rediss://:secret@cache.internal:6380/2"));
  });

  it("refuse to start on anything else, naming each variable and never repeating a Redis password", () => {
    expect(
      problemsOf({ RATE_LIMIT_USER_PER_MINUTE: "0", RATE_LIMIT_COMPANY_PER_MINUTE: "lots", REDIS_URL: "http://:secret@cache.internal", RATE_LIMIT_REDIS_TIMEOUT_MS: "5" }),
    ).toEqual([
      'RATE_LIMIT_USER_PER_MINUTE must be a whole number of requests a minute from 1 to 1000000, or off (got "0").',
      'RATE_LIMIT_COMPANY_PER_MINUTE must be a whole number of requests a minute from 1 to 1000000, or off (got "lots").',
      'RATE_LIMIT_REDIS_TIMEOUT_MS must be a whole number from 10 to 2000 (got "5").',
      "REDIS_URL must be a redis:// or rediss:// URL.",
    ]);
    expect(problemsOf({ RATE_LIMIT_USER_PER_MINUTE: "2.5", RATE_LIMIT_COMPANY_PER_MINUTE: "1000001", REDIS_URL: "not a url" })).toHaveLength(3);
  });
});
