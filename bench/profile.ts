// `npm run bench:profile`: where Marquee's processes spend their CPU and memory under one
// load of the benchmark (issue #8). It starts the benchmark's topology without Hive
// Gateway, every process with V8's sampling profiler on (--cpu-prof), warms up, drives one
// operation with one load shape, stops the processes so that each writes its profile, and
// prints for each process its CPU per request, its resident memory (at ready, after the
// warm-up, peak under load) and where its CPU went during the measured load: by layer (the
// access layer's share of the CPU itself, where the benchmark's access layer table has wall
// clock), by package and by function. Profiling slows every process: compare the shares,
// not the absolute figures, with the benchmark's. The .cpuprofile files stay in the
// directory it names, to open in Chrome DevTools.
//
//   npm run bench:profile                                   Q1, 50 users, 20 connections, 10 s
//   PROFILE_QUERY=Q2 PROFILE_CALLERS=1 PROFILE_CONNECTIONS=50 PROFILE_SECONDS=15 npm run bench:profile
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkedAnswer, measure } from "./measure.ts";
import { startTopology, type Topology } from "./topology.ts";
import { company } from "./world.ts";

const adminUrl = process.env["DATABASE_URL"]?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres";
const queryKey = process.env["PROFILE_QUERY"] ?? "Q1";
const callers = Number(process.env["PROFILE_CALLERS"] ?? 50);
const connections = Number(process.env["PROFILE_CONNECTIONS"] ?? 20);
const seconds = Number(process.env["PROFILE_SECONDS"] ?? 10);
if (!Number.isInteger(callers) || callers < 1 || callers > 50) throw new Error("PROFILE_CALLERS must be a whole number from 1 to 50.");
if (!Number.isInteger(connections) || connections < 1) throw new Error("PROFILE_CONNECTIONS must be a whole number, at least 1.");
if (!Number.isFinite(seconds) || seconds < 1) throw new Error("PROFILE_SECONDS must be a number of seconds, at least 1.");
const topFunctions = 25;
const topPackages = 12;

const root = new URL("../", import.meta.url).href;
const log = (line: string) => process.stdout.write(`${line}\n`);
const directory = mkdtempSync(join(tmpdir(), "marquee-profile-"));
const processNames = ["marquee", "base", "finance", "market", "touring", "venue", "ai"];
let topology: Topology | undefined;
try {
  topology = await startTopology({
    adminUrl,
    logDirectory: directory,
    hive: false,
    nodeArgs: Object.fromEntries(processNames.map((name) => [name, ["--cpu-prof", `--cpu-prof-dir=${join(directory, name)}`]])),
  });
  const query = topology.queries.find((each) => each.key === queryKey);
  if (!query) throw new Error(`PROFILE_QUERY must be one of ${topology.queries.map((each) => each.key).join(", ")}.`);
  const processes = [topology.gateways.marquee.server, ...topology.subgraphs];
  const atReady = Object.fromEntries(processes.map((each) => [each.name, each.rssMb()]));
  const shape = { label: `${callers} users`, tokens: topology.tokens.slice(0, callers) };
  const reference = await checkedAnswer(topology.gateways.marquee.url, query, topology.tokens[0]!, company.id);
  const load = (duration: number) =>
    measure({ gatewayUrl: topology!.gateways.marquee.url, query, reference, shape, connections, seconds: duration, companyId: company.id, processes, metricsUrls: topology!.metricsUrls });
  await load(3);
  const afterWarmUp = Object.fromEntries(processes.map((each) => [each.name, each.rssMb()]));
  // V8 stamps samples with the monotonic clock that process.hrtime reads, the same in every process
  // of this machine: the summary counts the samples of the measured load only, not the start or the warm-up.
  const window = { from: microsNow() };
  const result = await load(seconds);
  const measured = { ...window, to: microsNow() };
  log(`${query.label}, ${shape.label}, ${connections} connections, ${seconds} s: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${result.failed} failed, ${result.wrong} wrong.`);
  log("");
  log("| process | CPU ms per request | RSS at ready MB | after warm-up | peak under load | access layer ms per request (wall clock) |");
  log("|---|---|---|---|---|---|");
  for (const each of processes) {
    const access = result.accessLayer?.[each.name];
    log(`| ${each.name} | ${result.cpuMsPerRequest[each.name]!.toFixed(2)} | ${atReady[each.name]} | ${afterWarmUp[each.name]} | ${result.peakRssMb[each.name]} | ${access ? access.msPerRequest.toFixed(3) : "–"} |`);
  }
  // SIGTERM: each process drains and exits, and V8 writes its profile on the way out.
  await topology.close("SIGTERM");
  topology = undefined;
  for (const name of processNames) {
    const files = readdirSync(join(directory, name)).filter((file) => file.endsWith(".cpuprofile"));
    for (const file of files) log(`\n${summarise(name, JSON.parse(readFileSync(join(directory, name, file), "utf8")) as CpuProfile, measured)}`);
  }
  log(`\nProfiles: ${directory}`);
} catch (error) {
  process.exitCode = 1;
  log(`The profiler failed: ${(error as Error).stack ?? String(error)}\nLogs: ${directory}`);
} finally {
  await topology?.close();
}

function microsNow(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Self time by function and by package (node_modules package, Node.js internals, or Marquee's own code) within the window, idle left out. */
function summarise(name: string, profile: CpuProfile, window: { from: number; to: number }): string {
  const selfMicros = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((node, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (at >= window.from && at <= window.to) selfMicros.set(node, (selfMicros.get(node) ?? 0) + delta);
  });
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const micros = selfMicros.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (micros === 0 || functionName === "(idle)" || functionName === "(program)") continue;
    total += micros;
    const label = `${functionName || "(anonymous)"} ${shortUrl(url)}:${lineNumber + 1}`;
    byFunction.set(label, (byFunction.get(label) ?? 0) + micros);
    const owner = packageOf(url, functionName);
    byPackage.set(owner, (byPackage.get(owner) ?? 0) + micros);
  }
  const byLayer = new Map<string, number>();
  const layers = layerOfNode(profile);
  for (const node of profile.nodes) {
    const micros = selfMicros.get(node.id) ?? 0;
    if (micros === 0 || node.callFrame.functionName === "(idle)" || node.callFrame.functionName === "(program)") continue;
    const layer = layers(node.id);
    byLayer.set(layer, (byLayer.get(layer) ?? 0) + micros);
  }
  const table = (entries: Map<string, number>, limit: number) =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([label, micros]) => `  ${((micros / total) * 100).toFixed(1).padStart(5)} %  ${label}`)
      .join("\n");
  return (
    `## ${name}: ${(total / 1e6).toFixed(2)} s of CPU sampled under the measured load (idle and "(program)" left out)\n` +
    `By layer (each sample counted once, for the innermost frame of a layer on its stack):\n${table(byLayer, byLayer.size)}\n` +
    `By package (self time):\n${table(byPackage, topPackages)}\nBy function (self time):\n${table(byFunction, topFunctions)}`
  );
}

/**
 * The layers a sample's CPU is charged to: the innermost frame on its stack that belongs to
 * one. Node.js's own frames (sockets, streams, timers) and native ones belong to none: their
 * time goes to the layer that called them (a socket write of the pg driver is the database's),
 * or to "Node.js (HTTP, sockets)" when nothing of ours or a library's is on the stack.
 */

function layerOfNode(profile: CpuProfile): (id: number) => string {
  const layerRules: [string, RegExp][] = [
    ["access layer (token, access context, rules)", /shared\/dist\/(auth|access|rules)\/|node_modules\/(graphql-shield|jose)\//],
    ["logging", /shared\/dist\/logging\/|node_modules\/(pino|sonic-boom|pino-std-serializers|fast-redact|@pinojs)\//],
    ["metrics and tracing", /shared\/dist\/observability\/|node_modules\/(prom-client|@opentelemetry)\//],
    ["database (Prisma, pg, data access)", /node_modules\/(@prisma|pg|pg-pool|pg-protocol|pg-types|postgres-)|shared\/dist\/db\/|subgraphs\/[^/]+\/dist\/data\//],
    ["GraphQL (Apollo, graphql-js, query plans)", /node_modules\/(graphql|@apollo|@graphql-tools)\//],
    ["HTTP client to subgraphs", /gateway\/dist\/(subgraph-fetcher|forwarding-data-source)\.js|node_modules\/node-fetch\//],
    ["Marquee's modules and kit", /\/(subgraphs|shared|gateway)\/dist\//],
  ];
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const known = new Map<number, string>();
  const layerOf = (id: number): string => {
    const cached = known.get(id);
    if (cached !== undefined) return cached;
    const { url, functionName } = byId.get(id)!.callFrame;
    const own = functionName === "(garbage collector)" ? "garbage collector" : layerRules.find(([, pattern]) => pattern.test(url))?.[0];
    const parent = parentOf.get(id);
    const layer = own ?? (url.includes("node_modules/") ? "other packages" : parent === undefined ? "Node.js (HTTP, sockets)" : layerOf(parent));
    known.set(id, layer);
    return layer;
  };
  return layerOf;
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) return url.slice(modules + "node_modules/".length);
  return url.startsWith(root) ? url.slice(root.length) : url;
}

function packageOf(url: string, functionName: string): string {
  if (url === "") return functionName === "(garbage collector)" ? "(garbage collector)" : "(native)";
  if (url.startsWith("node:")) return "node internals";
  const modules = url.lastIndexOf("node_modules/");
  if (modules < 0) return "marquee";
  const parts = url.slice(modules + "node_modules/".length).split("/");
  return parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
}
