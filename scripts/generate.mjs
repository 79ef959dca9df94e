// Generates what the code is typed against, from the sources of truth:
// one Prisma client per data owner (prisma/<owner>/schema.prisma) and the resolver
// types of every subgraph (subgraphs/<module>/schema.graphql, via its codegen.ts). Runs on `npm install`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const bin = (name) => join(root, "node_modules", ".bin", name);

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, env, encoding: "utf8" });
  return { ok: result.status === 0, output: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}

// `prisma generate` first downloads the native schema engine, which generation itself
// never runs. Where that download is impossible (an offline machine), point Prisma's
// documented engine override at an existing executable; elsewhere Prisma behaves as usual.
const engineUnavailable = (output) => /binaries\.prisma\.sh|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|getaddrinfo/.test(output);
let prismaEnv = process.env;

const owners = readdirSync(join(root, "prisma"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(root, "prisma", entry.name, "schema.prisma")))
  .map((entry) => entry.name);

for (const owner of owners) {
  const args = ["generate", "--schema", join("prisma", owner, "schema.prisma")];
  let result = run(bin("prisma"), args, prismaEnv);
  if (!result.ok && prismaEnv === process.env && engineUnavailable(result.output)) {
    prismaEnv = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath };
    result = run(bin("prisma"), args, prismaEnv);
  }
  if (!result.ok) {
    process.stderr.write(result.output);
    process.stderr.write(`\nPrisma client generation failed for prisma/${owner}.\n`);
    process.exit(1);
  }
  process.stdout.write(`generated Prisma client for ${owner}\n`);
}

// Resolver types only serve type checking; a production install (`npm ci --omit=dev`)
// has no graphql-codegen and needs none: the build already ran where it was installed.
const codegenInstalled = existsSync(bin("graphql-codegen"));
if (!codegenInstalled) process.stdout.write("graphql-codegen is not installed (a production install): resolver types skipped\n");
const modules = codegenInstalled ? readdirSync(join(root, "subgraphs")).filter((name) => existsSync(join(root, "subgraphs", name, "codegen.ts"))) : [];
for (const name of modules) {
  const codegen = run(bin("graphql-codegen"), ["--config", join("subgraphs", name, "codegen.ts")]);
  if (!codegen.ok) {
    process.stderr.write(codegen.output);
    process.stderr.write(`\nResolver type generation failed for subgraphs/${name}.\n`);
    process.exit(1);
  }
  process.stdout.write(`generated resolver types for ${name}\n`);
}
