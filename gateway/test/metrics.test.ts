// Issue #9, step 7: every process's Prometheus metrics (requests by result, durations,
// errors by code, access cache lookups, the gateway's subgraph calls, and, issue #8, each
// subgraph request's access layer time), served on the
// metrics port and never on the public gateway port; and, with tracing off, the operation
// log line still carries the caller's trace id.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "@marquee/gateway/testing";

let stack: TestStack;
let metricsText: string;

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[key!] = value!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/** The value of the one sample with exactly these labels; undefined when there is none. */
function valueOf(name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels);
  const found = parseExposition(metricsText).filter(
    (sample) => sample.name === name && Object.keys(sample.labels).length === wanted.length && wanted.every(([key, value]) => sample.labels[key] === value),
  );
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0]?.value;
}

/** The sum of every sample of `name` whose `service` label is `service` (all operation types, all results). */
function totalOf(name: string, service: string): number {
  return parseExposition(metricsText)
    .filter((sample) => sample.name === name && sample.labels["service"] === service)
    .reduce((sum, sample) => sum + sample.value, 0);
}

const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

beforeAll(async () => {
  stack = await startTestStack({ config: { observability: { metricsPort: 9464 } } });
  // Known traffic on a fresh stack: one query that reads Finance then Base, one mutation
  // Finance refuses, one call without a token.
  const ok = await stack.query("query FirstExpenses { expenses(first: 2) { edges { node { id event { name } } } } }", {
    as: "alice@northwind.test",
    company: "northwind",
    headers: { "x-request-id": "metrics-ok", traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
  });
  expect(ok.status).toBe(200);
  const denied = await stack.query('mutation { deleteExpense(id: "00000000-0000-4000-8000-000000000000") { id } }', {
    as: "bob@northwind.test",
    company: "northwind",
    headers: { "x-request-id": "metrics-denied" },
  });
  expect(denied.status).toBe(403);
  const anonymous = await stack.query("{ viewer { id } }");
  expect(anonymous.status).toBe(401);
  const response = await fetch(stack.stack.metricsUrl!);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  metricsText = await response.text();
});
afterAll(() => stack?.close());

describe("metrics", () => {
  it("counts the gateway's requests by operation type and result, a refusal at the edge included", () => {
    expect(valueOf("marquee_graphql_requests_total", { service: "gateway", operation_type: "query", result: "ok" })).toBe(1);
    expect(valueOf("marquee_graphql_requests_total", { service: "gateway", operation_type: "mutation", result: "FORBIDDEN" })).toBe(1);
    expect(valueOf("marquee_graphql_requests_total", { service: "gateway", operation_type: "unknown", result: "UNAUTHENTICATED" })).toBe(1);
    expect(valueOf("marquee_graphql_request_duration_seconds_count", { service: "gateway", operation_type: "query" })).toBe(1);
    expect(valueOf("marquee_graphql_errors_total", { service: "gateway", code: "UNAUTHENTICATED" })).toBe(1);
  });

  it("counts each subgraph's requests and errors under its own name", () => {
    expect(valueOf("marquee_graphql_requests_total", { service: "finance", operation_type: "query", result: "ok" })).toBe(1);
    expect(valueOf("marquee_graphql_requests_total", { service: "finance", operation_type: "mutation", result: "FORBIDDEN" })).toBe(1);
    expect(valueOf("marquee_graphql_errors_total", { service: "finance", code: "FORBIDDEN" })).toBe(1);
    expect(valueOf("marquee_graphql_requests_total", { service: "base", operation_type: "query", result: "ok" })).toBe(1);
    expect(valueOf("marquee_graphql_request_duration_seconds_count", { service: "base", operation_type: "query" })).toBe(1);
    // Market was never called.
    expect(valueOf("marquee_graphql_requests_total", { service: "market", operation_type: "query", result: "ok" })).toBeUndefined();
  });

  it("times the gateway's calls to each subgraph", () => {
    expect(valueOf("marquee_subgraph_fetch_duration_seconds_count", { subgraph: "finance", result: "ok" })).toBe(2);
    expect(valueOf("marquee_subgraph_fetch_duration_seconds_count", { subgraph: "base", result: "ok" })).toBe(1);
  });

  it("times each subgraph request's access layer, once a request, within the request's duration", () => {
    // Finance: the query and the refused mutation; Base: the query's events.
    for (const [service, requests] of [["finance", 2], ["base", 1]] as const) {
      expect(totalOf("marquee_graphql_requests_total", service)).toBe(requests);
      expect(valueOf("marquee_access_layer_seconds_count", { service })).toBe(requests);
      const accessSeconds = valueOf("marquee_access_layer_seconds_sum", { service })!;
      expect(accessSeconds).toBeGreaterThan(0);
      expect(accessSeconds).toBeLessThan(totalOf("marquee_graphql_request_duration_seconds_sum", service));
      // Labelled by service alone, with buckets down to 10 µs.
      expect(valueOf("marquee_access_layer_seconds_bucket", { service, le: "0.00001" })).toBeDefined();
    }
    // The gateway has no access layer of its own: its requests reach the subgraphs'.
    expect(totalOf("marquee_access_layer_seconds_count", "gateway")).toBe(0);
  });

  it("counts access cache hits and misses", () => {
    // Alice in Northwind: read by Finance (miss), then found by Base (hit); Bob: a miss.
    expect(valueOf("marquee_access_cache_lookups_total", { service: "marquee", outcome: "miss" })).toBe(2);
    expect(valueOf("marquee_access_cache_lookups_total", { service: "marquee", outcome: "hit" })).toBe(1);
  });

  it("publishes the process's own figures", () => {
    for (const name of ["process_cpu_user_seconds_total", "process_resident_memory_bytes", "nodejs_eventloop_lag_seconds", "nodejs_heap_size_used_bytes"]) {
      expect(parseExposition(metricsText).some((sample) => sample.name === name), name).toBe(true);
    }
  });

  it("labels by nothing a caller chooses: no user, company, operation name or request id", () => {
    for (const value of ["FirstExpenses", "northwind", "alice", "metrics-ok", "0b0c6a2e"]) expect(metricsText).not.toContain(value);
  });

  it("is not served on the public gateway port, nor on a subgraph's", async () => {
    const gateway = await fetch(new URL("/metrics", stack.gatewayUrl));
    expect(gateway.status).toBe(404);
    expect(await gateway.text()).not.toContain("marquee_graphql_requests_total");
    const finance = await fetch(new URL("/metrics", stack.stack.subgraphs.get("finance")!.url));
    expect(finance.status).toBe(404);
  });
});

describe("the operation log line with tracing off", () => {
  it("carries the caller's trace id, and the request id once", () => {
    const finance = stack.logs.lines().filter((line) => line.msg === "operation" && line.requestId === "metrics-ok" && line.endpoint === "/api/finance/graphql");
    expect(finance).toHaveLength(1);
    expect(finance[0]!.traceId).toBe(traceId);
    const base = stack.logs.lines().find((line) => line.msg === "operation" && line.requestId === "metrics-ok" && line.endpoint === "/api/base/graphql");
    expect(base?.traceId).toBe(traceId);
    const raw = stack.logs.rawLines().find((line) => line.includes('"metrics-ok"') && line.includes('"msg":"operation"'))!;
    expect(raw.match(/"requestId":/g)).toHaveLength(1);
  });

  it("carries no trace id when the caller sent none", () => {
    const line = stack.logs.lines().find((candidate) => candidate.msg === "operation" && candidate.requestId === "metrics-denied");
    expect(line).toBeDefined();
    expect(line).not.toHaveProperty("traceId");
  });
});
