// The production topology, started as an operator starts it: every subgraph and the
// gateway as its own `node <package>/dist/main.js` process (run `npm run build` first),
// NODE_ENV=production, on a scratch PostgreSQL database. Each must become ready; the gateway
// must then refuse a request without a token (401), and a subgraph a caller without the
// gateway's secret (403). Prints each process's time to ready and memory, stops everything,
// drops the database, and exits non-zero on any failure. CI runs it after the build.
//
//   node scripts/production-smoke.mjs [postgresql://postgres@127.0.0.1:5432/postgres]
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import pg from "pg";

const root = new URL("..", import.meta.url).pathname;
const adminUrl = process.argv[2] ?? process.env["DATABASE_URL"] ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const modules = ["base", "finance", "market", "touring", "venue", "ai"];
const readyTimeoutMs = 60_000;

const entryPoints = [...modules.map((name) => `subgraphs/${name}/dist/main.js`), "gateway/dist/main.js"];
const missing = entryPoints.filter((file) => !existsSync(`${root}${file}`));
if (missing.length > 0) {
  process.stderr.write(`Not built: ${missing.join(", ")}. Run npm run build first.\n`);
  process.exit(1);
}

const database = `marquee_smoke_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${database}`);
const databaseUrl = new URL(adminUrl);
databaseUrl.pathname = `/${database}`;

const children = [];
let failed = false;
try {
  const ports = await Promise.all([...modules, "gateway"].map(freePort));
  const url = (name) => `http://127.0.0.1:${ports[modules.indexOf(name)]}/api/${name}/graphql`;
  const common = {
    PATH: process.env["PATH"] ?? "",
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl.href,
    // Fetched only when a token is verified; this run sends none.
    AUTH_JWKS_URL: "https://identity.invalid/.well-known/jwks.json",
    AUTH_ISSUER: "https://identity.invalid/",
    AUTH_AUDIENCE: "marquee",
    GATEWAY_SECRET: randomBytes(32).toString("base64url"),
    LOG_LEVEL: "warn",
  };
  const rows = [];
  // Base first: the others migrate the shared access directory after it, under its lock.
  for (const group of [["base"], modules.slice(1)]) {
    rows.push(...(await Promise.all(group.map((name) => start(name, `subgraphs/${name}/dist/main.js`, { ...common, PORT: String(ports[modules.indexOf(name)]), BASE_URL: url("base") })))));
  }
  const routing = Object.fromEntries(modules.map((name) => [`${name.toUpperCase()}_ROUTING_URL`, url(name)]));
  rows.push(await start("gateway", "gateway/dist/main.js", { ...common, PORT: String(ports.at(-1)), ...routing }));

  const gateway = `http://127.0.0.1:${ports.at(-1)}/graphql`;
  const anonymous = await post(gateway, {});
  const bypass = await post(url("finance"), {});
  check(anonymous.status === 401, `gateway, no token: expected 401, got ${anonymous.status}`);
  check(bypass.status === 403, `subgraph, no gateway secret: expected 403, got ${bypass.status}`);

  const table = rows.map((row) => `| ${row.name} | ${(row.readyMs / 1000).toFixed(1)} s | ${row.rssMb} MB |`);
  process.stdout.write(["| process | ready after | RSS at ready |", "|---|---|---|", ...table, "gateway without a token: 401; a subgraph without the gateway's secret: 403", ""].join("\n"));
} catch (error) {
  failed = true;
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
} finally {
  for (const child of children) child.process.kill("SIGTERM");
  await Promise.all(children.map((child) => child.exited));
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
}
process.exit(failed ? 1 : 0);

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function start(name, file, env) {
  const began = Date.now();
  const child = spawn(process.execPath, [`${root}${file}`], { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk.toString()));
  const exited = new Promise((resolve) => child.on("exit", resolve));
  children.push({ process: child, exited });
  const readyUrl = `http://127.0.0.1:${env.PORT}/ready`;
  while (Date.now() - began < readyTimeoutMs) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${stderr}`);
    const status = await fetch(readyUrl).then((response) => response.status, () => 0);
    if (status === 200) return { name, readyMs: Date.now() - began, rssMb: rssMbOf(child.pid) };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} was not ready after ${readyTimeoutMs / 1000} s:\n${stderr}`);
}

function rssMbOf(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}

async function post(url, headers) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query: "{ viewer { id } }" }) });
  return { status: response.status, body: await response.text() };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
