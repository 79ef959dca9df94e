// A platform configuration for tests, in the `test` environment: development-style auth
// whose in-memory key the harness brings as its own verifier (createTestSigner; the
// development key file is never used outside development), a random gateway secret,
// nothing read from or written to disk.
import { randomBytes } from "node:crypto";
import type { PlatformConfig } from "../config/platform-config.ts";
import { defaultRequestLimits } from "../config/request-limits.ts";

export function testPlatformConfig(overrides: Partial<PlatformConfig> = {}): PlatformConfig {
  return {
    environment: "test",
    dataDir: "/nonexistent",
    auth: {
      mode: "development",
      issuer: "marquee-test",
      audience: "marquee",
      algorithms: ["ES256"],
      clockToleranceSeconds: 5,
      maxTokenAgeSeconds: 86_400,
      maxTokenBytes: 8192,
    },
    access: { requestTimeoutMs: 1000, cacheTtlMs: 30_000, denialCacheTtlMs: 1_000, cacheMaxEntries: 1000 },
    gatewaySecret: randomBytes(32).toString("base64url"),
    introspection: true,
    logLevel: "info",
    limits: defaultRequestLimits,
    // The tests send far more than a person would (a minute of mixed traffic from twelve
    // callers at once): limits they never reach, so that every request still goes through
    // the limiter. The rate limit tests set small ones of their own.
    rateLimits: { userPerMinute: 1_000_000, companyPerMinute: 1_000_000, redisTimeoutMs: 100 },
    // Counted all the same; served, and traces sent, only where a test asks.
    observability: {},
    ...overrides,
  };
}
