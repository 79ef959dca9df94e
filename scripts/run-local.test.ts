// `npm start` and `npm run token` run from the local build (scripts/run-local.mjs,
// scripts/local-build.mjs). Run here on a small workspace of the same layout, with the real
// TypeScript compiler: the build happens when it is missing or a source changed and only
// then, a failed build runs nothing and is tried again next time, the command runs from
// the build with its arguments, and the install initialises the embedded cluster's template.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repository = join(import.meta.dirname, "..");
let root = "";

const packageBuild = (rootDir: string) =>
  JSON.stringify({
    compilerOptions: {
      composite: true,
      module: "NodeNext",
      moduleResolution: "NodeNext",
      target: "ES2023",
      strict: true,
      types: ["node"],
      rootDir: "src",
      outDir: "dist",
      tsBuildInfoFile: "dist/.tsbuildinfo",
    },
    include: [rootDir],
  });

function write(path: string, text: string) {
  mkdirSync(join(root, path, ".."), { recursive: true });
  writeFileSync(join(root, path), text);
}

function run(...args: string[]) {
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const stamp = () => join(root, "node_modules", ".cache", "marquee", "local-build");

/** Dates a file now, as an edit after the last build would be. */
function edited(path: string) {
  const now = new Date();
  utimesSync(join(root, path), now, now);
}

/** Dates every file and folder of the workspace an hour ago, before any build. */
function agedAnHour(dir: string) {
  const anHourAgo = new Date(Date.now() - 3_600_000);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) agedAnHour(join(dir, entry.name));
    utimesSync(join(dir, entry.name), anHourAgo, anHourAgo);
  }
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "marquee-local-build-"));
  cpSync(join(repository, "scripts", "run-local.mjs"), join(root, "scripts", "run-local.mjs"));
  cpSync(join(repository, "scripts", "local-build.mjs"), join(root, "scripts", "local-build.mjs"));
  mkdirSync(join(root, "node_modules"));
  symlinkSync(join(repository, "node_modules", "typescript"), join(root, "node_modules", "typescript"));
  mkdirSync(join(root, "node_modules", "@types"));
  symlinkSync(join(repository, "node_modules", "@types", "node"), join(root, "node_modules", "@types", "node"));
  write("package.json", JSON.stringify({ type: "module" }));
  write("package-lock.json", "{}");
  write("tsconfig.local-build.json", JSON.stringify({ files: [], references: [{ path: "shared" }, { path: "gateway" }, { path: "subgraphs/venue" }] }));
  for (const dir of ["shared", "gateway", "subgraphs/venue"]) {
    write(`${dir}/package.json`, JSON.stringify({ type: "module" }));
    write(`${dir}/tsconfig.json`, packageBuild("src"));
  }
  write("shared/src/greeting.ts", `export const greeting = (name: string): string => \`hello \${name}\`;\n`);
  write("subgraphs/venue/src/index.ts", "export const venue = 1;\n");
  write("gateway/src/token-cli.ts", `process.stdout.write(JSON.stringify(process.argv.slice(2)));\n`);
  write("gateway/src/local-stack-cli.ts", `process.stdout.write("started");\n`);
  // The kit's template module, as small as the workspace: it records each initialisation.
  write(
    "shared/src/db/embedded-cluster-template.ts",
    [
      `import { appendFileSync } from "node:fs";`,
      `export const clusterTemplateFile = (): string => ${JSON.stringify(join(root, "cluster-template"))};`,
      `export async function clusterTemplate(): Promise<void> { appendFileSync(clusterTemplateFile(), "initialised\\n"); }`,
    ].join("\n"),
  );
  agedAnHour(root);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the local build behind npm start and npm run token", () => {
  it("is built on the first run, then the command runs from it with its arguments", () => {
    const first = run("--conditions=marquee:local", "scripts/run-local.mjs", "token", "alice@northwind.test", "--flag");
    expect(first.stderr).toContain("Building the local stack (no local build yet)");
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual(["alice@northwind.test", "--flag"]);
    expect(existsSync(join(root, "gateway", "dist", "token-cli.js"))).toBe(true);
  });

  it("is not built again while no source changed: nothing but the command's output", () => {
    const before = statSync(stamp()).mtimeMs;
    const again = run("--conditions=marquee:local", "scripts/run-local.mjs", "start");
    expect(again).toEqual({ status: 0, stdout: "started", stderr: "" });
    expect(statSync(stamp()).mtimeMs).toBe(before);
  });

  it("initialises the embedded database's cluster template on install (build), once", () => {
    expect(run("scripts/run-local.mjs", "build")).toEqual({ status: 0, stdout: "Initialising the embedded database's cluster, once per PGlite version\n", stderr: "" });
    expect(run("scripts/run-local.mjs", "build")).toEqual({ status: 0, stdout: "", stderr: "" });
    expect(readFileSync(join(root, "cluster-template"), "utf8")).toBe("initialised\n");
  });

  it("is rebuilt when a source, a module's source or a tsconfig changed", () => {
    for (const [path, reason] of [
      ["shared/src/greeting.ts", "shared/src changed"],
      ["subgraphs/venue/src/index.ts", "subgraphs/venue/src changed"],
      ["gateway/tsconfig.json", "gateway/tsconfig.json changed"],
      ["package-lock.json", "package-lock.json changed"],
    ]) {
      edited(path!);
      const rebuilt = run("--conditions=marquee:local", "scripts/run-local.mjs", "start");
      expect(rebuilt.stderr).toContain(`Building the local stack (${reason})`);
      expect(rebuilt.stdout).toBe("started");
      expect(run("scripts/run-local.mjs", "build")).toEqual({ status: 0, stdout: "", stderr: "" });
    }
  });

  it("is rebuilt when a package's dist/ was removed", () => {
    rmSync(join(root, "subgraphs", "venue", "dist"), { recursive: true });
    const rebuilt = run("scripts/run-local.mjs", "build");
    expect(rebuilt.stderr).toContain("Building the local stack (subgraphs/venue/dist is missing)");
    expect(existsSync(join(root, "subgraphs", "venue", "dist", "index.js"))).toBe(true);
  });

  it("runs nothing when the build fails, and tries again on the next run", () => {
    write("gateway/src/local-stack-cli.ts", `const port: number = "4000";\nprocess.stdout.write(String(port));\n`);
    const failed = run("--conditions=marquee:local", "scripts/run-local.mjs", "start");
    expect(failed.status).toBe(1);
    expect(failed.stdout).toBe("");
    expect(failed.stderr).toContain("error TS2322");
    expect(failed.stderr).toContain("The local build failed: the compiler's errors are above");
    expect(run("scripts/run-local.mjs", "build").stderr).toContain("Building the local stack (gateway/src changed)");
  });

  it("refuses to run a command without the marquee:local condition, and an unknown command", () => {
    write("gateway/src/local-stack-cli.ts", `process.stdout.write("started");\n`);
    expect(run("scripts/run-local.mjs", "build").status).toBe(0);
    const withoutCondition = run("scripts/run-local.mjs", "start");
    expect(withoutCondition).toMatchObject({ status: 1, stdout: "" });
    expect(withoutCondition.stderr).toContain("Run it as npm start");
    const unknown = run("--conditions=marquee:local", "scripts/run-local.mjs", "seed");
    expect(unknown).toMatchObject({ status: 1, stdout: "" });
    expect(unknown.stderr).toContain("Usage: node scripts/run-local.mjs start|token|build");
  });
});
