import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadPlatformConfig } from "./platform-config.ts";
import { defaultRequestLimits } from "./request-limits.ts";

const development = { NODE_ENV: "development", GATEWAY_SECRET: "s".repeat(40) };
const load = (env: Record<string, string>) => loadPlatformConfig({ ...development, ...env }, { cwd: mkdtempSync(join(tmpdir(), "marquee-limits-")) });

describe("request limits", () => {
  it("default to figures that leave every documented query well inside", () => {
    expect(load({}).limits).toEqual(defaultRequestLimits);
  });

  it("are read from the environment, the gateway's and each subgraph's apart", () => {
    const { limits } = load({ QUERY_MAX_COST: "50000", QUERY_MAX_DEPTH: "10", SUBGRAPH_QUERY_MAX_COST: "80000", SUBGRAPH_QUERY_MAX_TOKENS: "9000", QUERY_ASSUMED_LIST_SIZE: "25" });
    expect(limits.gateway).toEqual({ ...defaultRequestLimits.gateway, maxCost: 50_000, maxDepth: 10 });
    expect(limits.subgraph).toEqual({ ...defaultRequestLimits.subgraph, maxCost: 80_000, maxTokens: 9_000 });
    expect(limits.assumedListSize).toBe(25);
  });

  it("refuses a figure that is not a whole number in its range, naming the variable", () => {
    try {
      load({ QUERY_MAX_ALIASES: "many", SUBGRAPH_QUERY_MAX_DEPTH: "1" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        'QUERY_MAX_ALIASES must be a whole number from 0 to 10000 (got "many").',
        'SUBGRAPH_QUERY_MAX_DEPTH must be a whole number from 2 to 100 (got "1").',
      ]);
    }
  });
});
