// A platform configuration for tests: development-style auth with an in-memory key,
// a random gateway secret, nothing read from or written to disk.
import { randomBytes } from "node:crypto";
import type { PlatformConfig } from "../config/platform-config.ts";

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
      maxTokenBytes: 8192,
    },
    access: { requestTimeoutMs: 1000, cacheTtlMs: 30_000, denialCacheTtlMs: 1_000, cacheMaxEntries: 1000 },
    gatewaySecret: randomBytes(32).toString("base64url"),
    introspection: true,
    logLevel: "info",
    ...overrides,
  };
}
