// The local build that `npm start` and `npm run token` run from (tsconfig.local-build.json):
// whether it is current, and building it when it is not. Loading the compiled JavaScript
// takes a third of the time that loading the TypeScript sources through a loader does, so
// the commands run the build, and rebuild it (incrementally) only when a source changed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The local build could not be built; its message says why, with the compiler's output above it. */
export class LocalBuildError extends Error {}

/** Written after every successful build, dated when that build started. */
export const stampFile = (root) => join(root, "node_modules", ".cache", "marquee", "local-build");

/** The workspace packages the local build compiles: the kit, the gateway and every module. */
function packageDirs(root) {
  const subgraphs = readdirSync(join(root, "subgraphs"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, "subgraphs", entry.name, "package.json")))
    .map((entry) => join("subgraphs", entry.name));
  return ["shared", "gateway", ...subgraphs];
}

/** The newest modification time (ms) of a file under `dir`, or of `dir` itself (a file removed). */
function newestUnder(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Why the local build must be (re)built, or undefined when it is current. Its inputs are
 * every package's src/ (generated code included), package.json and tsconfig files, and
 * the root's tsconfig files and lockfile; its outputs every package's dist/.
 */
export function staleReason(root) {
  const stamp = stampFile(root);
  if (!existsSync(stamp)) return "no local build yet";
  const builtAt = statSync(stamp).mtimeMs;
  const configFiles = (dir) => readdirSync(join(root, dir)).filter((name) => /^tsconfig.*\.json$/.test(name) || name === "package.json").map((name) => join(dir, name));
  for (const dir of packageDirs(root)) {
    if (!existsSync(join(root, dir, "dist", ".tsbuildinfo"))) return `${dir}/dist is missing`;
    if (newestUnder(join(root, dir, "src")) > builtAt) return `${dir}/src changed`;
    const changed = configFiles(dir).find((file) => statSync(join(root, file)).mtimeMs > builtAt);
    if (changed) return `${changed} changed`;
  }
  const changed = [...configFiles("."), "package-lock.json"].find((file) => existsSync(join(root, file)) && statSync(join(root, file)).mtimeMs > builtAt);
  return changed ? `${changed} changed` : undefined;
}

/**
 * Builds the local build when it is stale. The compiler's output goes to stderr, so that
 * a command's own output (a token, piped on) stays clean. Returns false when TypeScript is
 * not installed (a production install, which has no use for the local build).
 */
export function ensureLocalBuild(root) {
  const reason = staleReason(root);
  if (reason === undefined) return true;
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  if (!existsSync(tsc)) return false;
  process.stderr.write(`Building the local stack (${reason}): tsc -b tsconfig.local-build.json\n`);
  const startedAt = new Date();
  const build = spawnSync(process.execPath, [tsc, "-b", "tsconfig.local-build.json"], { cwd: root, stdio: ["ignore", 2, 2] });
  if (build.status !== 0) throw new LocalBuildError("The local build failed: the compiler's errors are above (npm run typecheck lists them all).");
  const stamp = stampFile(root);
  mkdirSync(join(stamp, ".."), { recursive: true });
  writeFileSync(stamp, `built by scripts/local-build.mjs from sources as of ${startedAt.toISOString()}\n`);
  // Dated at the build's start: a source saved while the compiler ran makes the next run rebuild.
  utimesSync(stamp, startedAt, startedAt);
  return true;
}
