// `npm start`, `npm run token -- <email>` and, on install, `build`: runs a command of the
// local stack from the local build (scripts/local-build.mjs), building it first when a
// source changed; `build` also initialises the embedded database's cluster template. The
// command runs in this very process, so that Ctrl-C and SIGTERM reach its own shutdown,
// and its exit code is the command's.
//
// The compiled demo world is exported under the marquee:local condition only, so that no
// production process can load it: the package.json scripts start this file with it.
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ensureLocalBuild, LocalBuildError } from "./local-build.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const commands = {
  start: "gateway/dist/local-stack-cli.js",
  token: "gateway/dist/token-cli.js",
};

/**
 * Initialises the embedded database's cluster template on install, so that the first
 * `npm start` and the first tests unpack it instead of running PGlite's initdb.
 */
async function prepareEmbeddedCluster() {
  const { clusterTemplate, clusterTemplateFile } = await import(pathToFileURL(`${root}shared/dist/db/embedded-cluster-template.js`).href);
  if (existsSync(clusterTemplateFile())) return;
  process.stdout.write("Initialising the embedded database's cluster, once per PGlite version\n");
  await clusterTemplate();
}

/** A mistake in how the command was run: its message says what to do, no stack needed. */
class UsageError extends Error {}

const [command, ...args] = process.argv.slice(2);
try {
  if (command === "build") {
    if (ensureLocalBuild(root)) await prepareEmbeddedCluster();
    else process.stdout.write("TypeScript is not installed (a production install): the local build is skipped\n");
  } else if (command !== undefined && Object.hasOwn(commands, command)) {
    if (!process.execArgv.includes("--conditions=marquee:local")) throw new UsageError(`Run it as npm ${command === "start" ? "start" : `run ${command}`}: the local build's demo world loads only under node --conditions=marquee:local.`);
    if (!ensureLocalBuild(root)) throw new UsageError("The local build is out of date and TypeScript is not installed to rebuild it: install the development dependencies (npm ci).");
    const entryPoint = `${root}${commands[command]}`;
    process.argv = [process.argv[0], entryPoint, ...args];
    await import(pathToFileURL(entryPoint).href);
  } else {
    throw new UsageError(`Usage: node scripts/run-local.mjs ${[...Object.keys(commands), "build"].join("|")} [arguments]`);
  }
} catch (error) {
  process.stderr.write(`${error instanceof UsageError || error instanceof LocalBuildError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
