import { describe, expect, it } from "vitest";
import { loadShutdownTimings } from "./shutdown-config.ts";

describe("shutdown timings", () => {
  it("announce for 5 s and then allow 20 s for requests in flight unless configured", () => {
    expect(loadShutdownTimings({})).toEqual({ announceMs: 5_000, timeoutMs: 20_000 });
    expect(loadShutdownTimings({ SHUTDOWN_ANNOUNCE_MS: "0", SHUTDOWN_TIMEOUT_MS: "1500" })).toEqual({ announceMs: 0, timeoutMs: 1_500 });
  });

  it("refuse anything but whole milliseconds in range, naming each variable", () => {
    expect(() => loadShutdownTimings({ SHUTDOWN_ANNOUNCE_MS: "-1", SHUTDOWN_TIMEOUT_MS: "2.5" })).toThrow(
      expect.objectContaining({
        problems: [
          'SHUTDOWN_ANNOUNCE_MS must be a whole number of milliseconds from 0 to 60000 (got "-1").',
          'SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds from 0 to 300000 (got "2.5").',
        ],
      }),
    );
  });
});
