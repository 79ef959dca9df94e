// The benchmark's note: the machine, the command, and the tables, in Markdown (printed,
// and written to bench/results/<date>.md).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism, totalmem } from "node:os";
import { imageEnvironment, imageNodeOptions } from "@marquee/kit/testing";
import type { Measurement } from "./measure.ts";

export interface Row {
  query: string;
  connections: number;
  shape: string;
  marquee: Measurement;
  hive: Measurement;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  postgres: string;
  commit: string;
}

export function describeMachine(postgresVersion: string, root: string): Machine {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "unknown";
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
  let commit: string;
  try {
    commit = `${git("rev-parse", "--short", "HEAD")}${git("status", "--porcelain") ? " with uncommitted changes" : ""}`;
  } catch {
    commit = "unknown (not a git checkout)";
  }
  return { cpu, cores: availableParallelism(), memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, postgres: postgresVersion, commit };
}

const fixed = (value: number, digits = 0) => value.toFixed(digits);
const latency = (measurement: Measurement) => `${fixed(measurement.p50Ms)} / ${fixed(measurement.p99Ms)}`;
const failures = (measurement: Measurement) => measurement.failed + measurement.wrong;

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
}

export function renderReport(input: {
  date: string;
  command: string;
  machine: Machine;
  seconds: number;
  versions: Record<string, string>;
  world: string;
  rows: Row[];
  processNames: string[];
  sqlPerRequest: { query: string; transactions: number }[];
  outbound: string[];
  startup: string;
  failures: string[];
}): string {
  const { machine, rows } = input;
  const perProcess = (pick: (measurement: Measurement) => Record<string, number>, digits: number, total: boolean) =>
    table(
      ["query", "conn.", "callers", "run", ...input.processNames, ...(total ? ["all"] : [])],
      rows.flatMap((row) =>
        (["marquee", "hive"] as const).map((gateway) => {
          const values = pick(row[gateway]);
          const cells = input.processNames.map((name) => values[name] ?? 0);
          return [row.query, String(row.connections), row.shape, gateway === "marquee" ? "A Marquee" : "B Hive", ...cells.map((value) => fixed(value, digits)), ...(total ? [fixed(cells.reduce((sum, value) => sum + value, 0), digits)] : [])];
        }),
      ),
    );

  return `# Benchmark ${input.date}: Marquee's gateway (A) against Hive Gateway (B)

Command: \`${input.command}\` (${input.versions["marquee"]}).

Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB; Node.js ${machine.node}; ${machine.postgres}. ${input.versions["tools"]}.
Load generator (autocannon) and every server share these cores.

Topology: every subgraph and each gateway its own process from the build, as the image runs it, Hive Gateway too
(\`node ${imageNodeOptions.join(" ")} <package>/dist/main.js\`, ${Object.entries(imageEnvironment).map(([name, value]) => `${name}=${value}`).join(" ")}), on a scratch PostgreSQL database (each subgraph's two pools at 5 connections,
\`connection_limit=5\`: at the default 10 the six would pass PostgreSQL's default \`max_connections\` of 100),
tokens (ES256) checked against an identity provider over HTTPS. The processes start one at a time, so that each
start-to-ready time is the process's alone: ${input.startup.replace(/^Start to ready: /, "")}
Hive Gateway: \`hive-gateway supergraph gateway/supergraph.graphql -c bench/hive-gateway.config.ts\`, same
subgraphs, in-flight deduplication of incoming queries and of subgraph fetches on.
Data: ${input.world}

Each row after a warm-up; A and B alternate (A first on odd rows, B first on even ones), ${input.seconds} s each.
"one user" repeats the request with one token; "50 users" sends each request with the next of 50 members' tokens.

## Throughput and latency

${table(
  ["query", "conn.", "callers", "A req/s", "B req/s", "A / B", "A p50 / p99 ms", "B p50 / p99 ms", "failed or wrong A / B"],
  rows.map((row) => [
    row.query,
    String(row.connections),
    row.shape,
    fixed(row.marquee.requestsPerSecond),
    fixed(row.hive.requestsPerSecond),
    fixed(row.marquee.requestsPerSecond / row.hive.requestsPerSecond, 2),
    latency(row.marquee),
    latency(row.hive),
    `${failures(row.marquee)} / ${failures(row.hive)}`,
  ]),
)}

## CPU per request (ms), by process

From /proc/<pid>/stat (user + system) over the measurement, divided by the requests answered.

${perProcess((measurement) => remapGateway(measurement.cpuMsPerRequest), 2, true)}

## Access layer

Marquee's rows. For each subgraph: the time its requests spent in the access layer (the token and company checks,
the access context from its cache or the access directory, and the access rules of every field; wall clock, from
the subgraph's \`marquee_access_layer_seconds\` read on its metrics port before and after the measurement), in µs per
request answered by the gateway, and its share of the subgraph's CPU time over the same measurement (the deltas of
the CPU table). Issue #8's target: at most 10 %. A dash: the query does not reach that subgraph. Wall clock
counts the waits too (on the access directory, and behind other requests' work on a busy event loop), so a share
is an upper bound; \`npm run bench:profile\` gives the access layer's share of the CPU itself, from CPU profiles.

${accessLayerTable(rows, input.processNames.filter((name) => name !== "gateway"))}

## Peak resident memory (MB) during each measurement, by process

VmHWM from /proc/<pid>/status, reset before each measurement (clear_refs).

${perProcess((measurement) => remapGateway(measurement.peakRssMb), 0, false)}

## SQL per request

PostgreSQL transactions per request on the scratch database (pg_stat_database: xact_commit + xact_rollback),
Marquee's gateway, one request at a time. A statement outside a transaction is one; pg_stat_statements is not loaded
on this server, so statements inside one transaction (the mutation's) count once. The access cache's re-reads
(a grant is cached 30 s) add a fraction.

${table(["query", "transactions per request"], input.sqlPerRequest.map((entry) => [entry.query, fixed(entry.transactions, 1)]))}

## Checks

- Each operation's answer from each gateway was compared with the data the seed implies (exact), before the load
  and after it; every answer under load was compared with the checked one.
- Connections to anywhere but this machine, sampled after every measurement: ${input.outbound.length === 0 ? "none" : input.outbound.join("; ")}.
- ${input.failures.length === 0 ? "No request failed and every answer was right." : `FAILED:\n${input.failures.map((failure) => `  - ${failure}`).join("\n")}`}
`;
}

function accessLayerTable(rows: Row[], subgraphs: string[]): string {
  return table(
    ["query", "conn.", "callers", ...subgraphs.map((name) => `${name} µs, % CPU`)],
    rows.map((row) => [
      row.query,
      String(row.connections),
      row.shape,
      ...subgraphs.map((name) => {
        const figures = row.marquee.accessLayer?.[name];
        if (!figures || figures.callsPerRequest === 0) return "–";
        const share = figures.shareOfCpu === undefined ? "–" : `${fixed(figures.shareOfCpu * 100, 1)} %`;
        return `${fixed(figures.msPerRequest * 1000)}, ${share}`;
      }),
    ]),
  );
}

/** Both gateways' own figures go into one "gateway" column. */
function remapGateway(values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name === "hive" || name === "marquee" ? "gateway" : name, value]));
}
