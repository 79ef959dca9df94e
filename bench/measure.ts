// One measurement: a fixed operation sent by autocannon to one gateway for a fixed time,
// every answer checked, and what each process of the topology spent on it (CPU from
// /proc/<pid>/stat, the peak of resident memory from VmHWM, reset before the measurement;
// and, where asked, each subgraph's access layer time from its metrics port, issue #8).
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import autocannon from "autocannon";
import type { ProductionProcess } from "@marquee/kit/testing";
import type { BenchQuery } from "./world.ts";

export interface LoadShape {
  label: string;
  /** The bearer tokens the requests carry, one after another. */
  tokens: string[];
}

export interface Measurement {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx answers, connection errors and timeouts. */
  failed: number;
  /** 2xx answers with GraphQL errors, or whose data is not the expected data. */
  wrong: number;
  /** One failed or wrong answer, to show what went wrong. */
  sample?: string;
  /** CPU milliseconds per request, by process name. */
  cpuMsPerRequest: Record<string, number>;
  /** Peak resident memory during the measurement, MB, by process name. */
  peakRssMb: Record<string, number>;
  /** Each subgraph's access layer, by process name: only when the measurement was given their metrics. */
  accessLayer?: Record<string, AccessLayerFigures>;
}

export interface AccessLayerFigures {
  /** Access layer milliseconds (marquee_access_layer_seconds) per request answered by the gateway, as CPU per request is. */
  msPerRequest: number;
  /** The subgraph's requests over the measurement (the histogram's observations) per request answered by the gateway. */
  callsPerRequest: number;
  /** Access layer seconds over the subgraph's CPU seconds in the same measurement; undefined when it used no CPU. */
  shareOfCpu: number | undefined;
}

/** A subgraph's marquee_access_layer_seconds now: its sum and count, read from its metrics port. */
interface AccessLayerReading {
  seconds: number;
  observations: number;
}

async function readAccessLayer(metricsUrl: string, service: string): Promise<AccessLayerReading> {
  const response = await fetch(metricsUrl);
  if (response.status !== 200) throw new Error(`${metricsUrl} answered HTTP ${response.status}.`);
  const text = await response.text();
  const sample = (suffix: "sum" | "count") => {
    const line = text.split("\n").find((candidate) => candidate.startsWith(`marquee_access_layer_seconds_${suffix}{service="${service}"} `));
    return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(" ") + 1));
  };
  return { seconds: sample("sum"), observations: sample("count") };
}

/** What the gateway answers to `query`, checked against the expected data: the exact text of that answer, to compare later answers with. */
export async function checkedAnswer(gatewayUrl: string, query: BenchQuery, token: string, companyId: string): Promise<string> {
  const response = await fetch(gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-company-id": companyId },
    body: JSON.stringify({ query: query.query }),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (response.status !== 200 || !isDeepStrictEqual(body, query.expected)) {
    throw new Error(`${gatewayUrl} answered ${query.key} with HTTP ${response.status} and not the expected data:\n${text.slice(0, 2_000)}\nexpected:\n${JSON.stringify(query.expected).slice(0, 2_000)}`);
  }
  return text;
}

export async function measure(options: {
  gatewayUrl: string;
  query: BenchQuery;
  /** The checked answer's text: an identical answer needs no parsing. */
  reference: string;
  shape: LoadShape;
  connections: number;
  seconds: number;
  companyId: string;
  /** The processes that serve the request: the gateway measured and every subgraph. */
  processes: ProductionProcess[];
  /** The metrics URL of each subgraph whose access layer is read, by process name (which is its `service` label). */
  metricsUrls?: Record<string, string>;
}): Promise<Measurement> {
  const { query, reference, shape } = options;
  let wrong = 0;
  let sample: string | undefined;
  const judge = (status: number, body: string) => {
    if (status < 200 || status > 299) {
      sample ??= `HTTP ${status}: ${body.slice(0, 500)}`;
      return;
    }
    // Queries answer the same text every time; a mutation's answer is parsed (and the same data every time too).
    if (!query.mutation && body === reference) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
    if (!isDeepStrictEqual(parsed, query.expected)) {
      wrong += 1;
      sample ??= body.slice(0, 500);
    }
  };
  const headers = { "content-type": "application/json", "x-company-id": options.companyId, authorization: `Bearer ${shape.tokens[0]}` };
  let turn = 0;
  const rotate = shape.tokens.length > 1;

  // Scraped outside the CPU readings: the scrape's own work is not the request's.
  const metricsUrls = Object.entries(options.metricsUrls ?? {});
  const readAccessLayers = () => Promise.all(metricsUrls.map(([name, url]) => readAccessLayer(url, name)));
  const accessBefore = await readAccessLayers();
  for (const server of options.processes) server.resetPeakRss();
  const cpuBefore = options.processes.map((server) => server.cpuSeconds());
  const result = await autocannon({
    url: options.gatewayUrl,
    method: "POST",
    connections: options.connections,
    duration: options.seconds,
    headers,
    body: JSON.stringify({ query: query.query }),
    requests: [
      {
        ...(rotate ? { setupRequest: (request) => ({ ...request, headers: { ...headers, authorization: `Bearer ${shape.tokens[turn++ % shape.tokens.length]}` } }) } : {}),
        onResponse: (status, body) => judge(status, body),
      },
    ],
  });
  const cpuAfter = options.processes.map((server) => server.cpuSeconds());
  const peakRssMb = Object.fromEntries(options.processes.map((server) => [server.name, server.peakRssMb()]));
  const accessAfter = await readAccessLayers();
  const requests = result.requests.total;
  const perRequest = (seconds: number) => (requests === 0 ? 0 : (seconds * 1000) / requests);
  const cpuSecondsOf = (name: string) => {
    const index = options.processes.findIndex((server) => server.name === name);
    return index < 0 ? 0 : cpuAfter[index]! - cpuBefore[index]!;
  };
  const accessLayer = Object.fromEntries(
    metricsUrls.map(([name], index): [string, AccessLayerFigures] => {
      const seconds = accessAfter[index]!.seconds - accessBefore[index]!.seconds;
      const cpuSeconds = cpuSecondsOf(name);
      return [
        name,
        {
          msPerRequest: perRequest(seconds),
          callsPerRequest: requests === 0 ? 0 : (accessAfter[index]!.observations - accessBefore[index]!.observations) / requests,
          shareOfCpu: cpuSeconds > 0 ? seconds / cpuSeconds : undefined,
        },
      ];
    }),
  );
  return {
    requests,
    requestsPerSecond: requests / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
    wrong,
    ...(sample === undefined ? {} : { sample }),
    cpuMsPerRequest: Object.fromEntries(options.processes.map((server, index) => [server.name, perRequest(cpuAfter[index]! - cpuBefore[index]!)])),
    peakRssMb,
    ...(metricsUrls.length === 0 ? {} : { accessLayer }),
  };
}

/**
 * The connections of these processes to anywhere but this machine, right now: none may
 * exist (the benchmark must not reach the internet). A sample, taken after every
 * measurement: a connection opened and closed between two samples goes unseen.
 */
export function outboundConnections(processes: ProductionProcess[]): string[] {
  const found: string[] = [];
  for (const server of processes) {
    const sockets = new Set<string>();
    for (const fd of readdirSync(`/proc/${server.pid}/fd`)) {
      const target = (() => {
        try {
          return readlinkSync(`/proc/${server.pid}/fd/${fd}`);
        } catch {
          return "";
        }
      })();
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode) sockets.add(inode);
    }
    for (const table of ["tcp", "tcp6", "udp", "udp6"]) {
      const lines = readFileSync(`/proc/${server.pid}/net/${table}`, "utf8").trim().split("\n").slice(1);
      for (const line of lines) {
        const fields = line.trim().split(/\s+/);
        const remote = fields[2]?.split(":")[0] ?? "";
        if (sockets.has(fields[9] ?? "") && !isLocal(remote)) found.push(`${server.name}: ${table} to ${fields[2]}`);
      }
    }
  }
  return found;
}

/** /proc/net addresses are hex in the kernel's byte order: 0100007F is 127.0.0.1. */
function isLocal(hex: string): boolean {
  if (/^0+$/.test(hex)) return true; // no peer: a listening or unconnected socket
  if (hex.length === 8) return hex.endsWith("7F"); // IPv4 127.0.0.0/8
  if (hex === "00000000000000000000000001000000") return true; // ::1
  return hex.startsWith("0000000000000000FFFF0000") && hex.endsWith("7F"); // IPv4-mapped 127.0.0.0/8
}
