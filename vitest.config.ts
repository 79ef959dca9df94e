import { createRequire } from "node:module";
import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS and ESM builds. Node (and so Apollo's packages) loads the
    // CommonJS one; Vite would pick the ESM one for our files, and graphql refuses to mix
    // types from two instances. Point everyone at the one Node uses.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  // Tests run the workspace packages from their TypeScript sources, not from their builds.
  // Vitest's own default is Vite's server conditions without `module`, which would pick
  // ESM builds Node cannot load (extensionless imports); keep it so, and add ours.
  ssr: { resolve: { conditions: ["marquee:source", ...defaultServerConditions.filter((condition) => condition !== "module")] } },
  test: {
    include: ["shared/src/**/*.test.ts", "gateway/test/**/*.test.ts", "subgraphs/*/src/**/*.test.ts", "subgraphs/*/test/**/*.test.ts", "deploy/**/*.test.ts", "scripts/**/*.test.ts"],
    // Each end-to-end file starts a whole stack on its own database; two at a time fit two cores.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { NODE_ENV: "test" },
  },
});
