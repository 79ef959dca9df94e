// The image's one entry point (CMD in the Dockerfile): starts the Marquee process named by
// MARQUEE_PROCESS, "gateway" or a subgraph of supergraph.yaml, from the build, exactly as
// `node <package>/dist/main.js` would; or the one-off task "provision-database-roles"
// (scripts/provision-database-roles.mjs, the administrator's URL from DATABASE_ADMIN_URL),
// which creates the database roles the subgraphs connect as and exits. It imports that file
// into this very process rather than spawning a child, so the SIGTERM an orchestrator sends
// reaches the process's own graceful shutdown directly and its exit code is the container's.
import { readFileSync } from "node:fs";
import { parse } from "yaml";

// The subgraphs are read from supergraph.yaml, as the gateway reads them: a module added
// there can be started without touching this file, and no other name can be.
const supergraph = parse(readFileSync(new URL("../supergraph.yaml", import.meta.url), "utf8"));
const entryPoints = new Map([
  ...Object.keys(supergraph.subgraphs ?? {}).map((name) => [name, `../subgraphs/${name}/dist/main.js`]),
  ["gateway", "../gateway/dist/main.js"],
  ["provision-database-roles", "../scripts/provision-database-roles.mjs"],
]);

const name = process.env["MARQUEE_PROCESS"] ?? "";
const entryPoint = entryPoints.get(name);
if (entryPoint === undefined) {
  process.stderr.write(`MARQUEE_PROCESS must name the process to start, one of: ${[...entryPoints.keys()].join(", ")} (got "${name}").\n`);
  process.exitCode = 1;
} else {
  await import(new URL(entryPoint, import.meta.url).href);
}
