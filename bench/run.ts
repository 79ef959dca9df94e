// `npm run bench`: Marquee's gateway against Hive Gateway on the same supergraph and the
// same subgraphs, in one run on one machine. It starts the production topology from the
// build (`npm run build` first) on a scratch PostgreSQL database, seeds 1,000 events with
// their money, deals, bookings and tour stops, checks each operation's answer from each
// gateway, then drives Q1, Q2, Q3 and the mutation at 20 and 50 connections, from one
// user and from 50, alternating the two gateways row by row. Each of Marquee's rows also
// reads every subgraph's access layer time from its metrics port. It prints the tables, writes
// them to bench/results/<date>.md, and exits non-zero if any request failed or any answer
// was wrong.
//
//   npm run bench                                    PostgreSQL at DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres
//   BENCH_SECONDS=4 npm run bench                    shorter measurements (default 7 s each)
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { checkedAnswer, measure, outboundConnections, type LoadShape, type Measurement } from "./measure.ts";
import { describeMachine, renderReport, type Row } from "./report.ts";
import { startTopology, modules, type GatewayName, type Topology } from "./topology.ts";
import { company, eventCount, userCount, type BenchQuery } from "./world.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const adminUrl = process.env["DATABASE_URL"]?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres";
const seconds = Number(process.env["BENCH_SECONDS"] ?? 7);
if (!Number.isFinite(seconds) || seconds < 1) throw new Error("BENCH_SECONDS must be a number of seconds, at least 1.");
const connectionCounts = [20, 50];

const log = (line: string) => process.stdout.write(`${line}\n`);
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

const logDirectory = mkdtempSync(join(tmpdir(), "marquee-bench-"));
const failures: string[] = [];
const outbound = new Set<string>();
let topology: Topology | undefined;

try {
  topology = await startTopology({ adminUrl, logDirectory });
  const { processes, subgraphs, metricsUrls, tokens, queries, startup, databaseUrl } = topology;
  const { marquee, hive } = topology.gateways;
  if (!hive) throw new Error("Hive Gateway was not started.");
  const gateways = { marquee, hive };
  log(`${elapsed()}: topology up and seeded with ${eventCount} events and ${userCount} members. ${startup}`);

  const references = new Map<string, string>();
  const checkAnswers = async (moment: string) => {
    for (const query of queries) {
      for (const [name, gateway] of Object.entries(gateways)) {
        try {
          const text = await checkedAnswer(gateway.url, query, tokens[0]!, company.id);
          if (!references.has(`${name} ${query.key}`)) references.set(`${name} ${query.key}`, text);
        } catch (error) {
          failures.push(`${moment}: ${(error as Error).message}`);
        }
      }
    }
  };
  const sampleOutbound = () => {
    for (const connection of outboundConnections([...processes.values()])) outbound.add(connection);
  };
  await checkAnswers("before the load");
  if (failures.length > 0) throw new Error(failures.join("\n"));
  sampleOutbound();

  const shapes: LoadShape[] = [
    { label: "one user", tokens: tokens.slice(0, 1) },
    { label: "50 users", tokens },
  ];
  const run = (gateway: GatewayName, query: BenchQuery, connections: number, shape: LoadShape, duration: number) =>
    measure({
      gatewayUrl: gateways[gateway].url,
      query,
      reference: references.get(`${gateway} ${query.key}`)!,
      shape,
      connections,
      seconds: duration,
      companyId: company.id,
      processes: [gateways[gateway].server, ...subgraphs],
      // The access layer is reported for Marquee's rows; Hive's run on the same subgraphs is not read.
      ...(gateway === "marquee" ? { metricsUrls } : {}),
    });

  // Warm-up: the query plans cached, the JIT compilers done, the pools' connections open, on both gateways.
  for (const query of queries) for (const gateway of ["marquee", "hive"] as const) await run(gateway, query, 20, shapes[1]!, 2);
  sampleOutbound();
  log(`${elapsed()}: warmed up; measuring ${queries.length * connectionCounts.length * shapes.length} rows, ${seconds} s per gateway each.`);

  const rows: Row[] = [];
  for (const query of queries) {
    for (const connections of connectionCounts) {
      for (const shape of shapes) {
        // Alternating which gateway goes first cancels a drift of the machine over the run.
        const order = rows.length % 2 === 0 ? (["marquee", "hive"] as const) : (["hive", "marquee"] as const);
        const results: Partial<Record<"marquee" | "hive", Measurement>> = {};
        for (const gateway of order) {
          results[gateway] = await run(gateway, query, connections, shape, seconds);
          sampleOutbound();
        }
        const row: Row = { query: query.key, connections, shape: shape.label, marquee: results.marquee!, hive: results.hive! };
        rows.push(row);
        for (const gateway of ["marquee", "hive"] as const) {
          const result = row[gateway];
          if (result.failed + result.wrong > 0) failures.push(`${query.key} ${connections} conn. ${shape.label} via ${gateway}: ${result.failed} failed, ${result.wrong} wrong; e.g. ${result.sample}`);
        }
        log(
          `${elapsed()}: ${query.key} ${connections} conn. ${shape.label}: Marquee ${row.marquee.requestsPerSecond.toFixed(0)} req/s (p99 ${row.marquee.p99Ms} ms), ` +
            `Hive ${row.hive.requestsPerSecond.toFixed(0)} req/s (p99 ${row.hive.p99Ms} ms)`,
        );
      }
    }
  }
  await checkAnswers("after the load");

  const sqlPerRequest = await transactionsPerRequest(queries, gateways.marquee.url, tokens[0]!, databaseUrl);
  log(`${elapsed()}: SQL per request counted.`);

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const postgres = (await admin.query<{ version: string }>("SELECT version()")).rows[0]!.version.replace(/ on .*$/, "");
  await admin.end();
  const date = new Date().toISOString().slice(0, 10);
  const machine = describeMachine(postgres, root);
  const report = renderReport({
    date,
    command: `${process.env["BENCH_SECONDS"] ? `BENCH_SECONDS=${seconds} ` : ""}npm run bench`,
    machine,
    seconds,
    versions: {
      marquee: `Marquee ${machine.commit}`,
      tools: `@graphql-hive/gateway ${packageVersion("@graphql-hive/gateway")}, autocannon ${packageVersion("autocannon")}`,
    },
    world: `one company, ${userCount} members holding every module and permission, 20 artists, ${eventCount} events (half past, half ahead), each with two expenses and one income, a deal, a confirmed venue booking and a stop on its headliner's tour.`,
    rows,
    processNames: ["gateway", ...modules],
    sqlPerRequest,
    outbound: [...outbound],
    startup,
    failures,
  });
  log(`\n${report}`);
  mkdirSync(join(root, "bench/results"), { recursive: true });
  writeFileSync(join(root, `bench/results/${date}.md`), report);
  log(`Written to bench/results/${date}.md in ${elapsed()}.`);
  if (failures.length > 0 || outbound.size > 0) process.exitCode = 1;
} catch (error) {
  process.exitCode = 1;
  log(`The benchmark failed: ${(error as Error).stack ?? String(error)}`);
  log(`The processes' logs are in ${logDirectory}.`);
} finally {
  await topology?.close();
  if (process.exitCode !== 1) rmSync(logDirectory, { recursive: true, force: true });
}

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}

/**
 * PostgreSQL's count of transactions on the scratch database for 50 requests of each query,
 * sent one at a time through Marquee's gateway. A backend reports its counts when idle, at
 * most every 10 s (PostgreSQL 15): each count is read after a pause longer than that.
 */
async function transactionsPerRequest(queries: BenchQuery[], gatewayUrl: string, token: string, databaseUrl: string): Promise<{ query: string; transactions: number }[]> {
  const requests = 50;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const name = new URL(databaseUrl).pathname.slice(1);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 11_000));
  const count = async () => {
    await admin.query("SELECT pg_stat_clear_snapshot()");
    const { rows } = await admin.query<{ count: string }>("SELECT xact_commit + xact_rollback AS count FROM pg_stat_database WHERE datname = $1", [name]);
    return Number(rows[0]!.count);
  };
  try {
    await settle();
    let before = await count();
    const counted: { query: string; transactions: number }[] = [];
    for (const query of queries) {
      for (let sent = 0; sent < requests; sent += 1) await checkedAnswer(gatewayUrl, query, token, company.id);
      await settle();
      const after = await count();
      counted.push({ query: query.key, transactions: (after - before) / requests });
      before = after;
    }
    return counted;
  } finally {
    await admin.end();
  }
}
