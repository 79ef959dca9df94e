// The Prometheus metrics of one process. Each process (and each test stack) has a registry
// of its own rather than prom-client's global one, so that several stacks in one test
// process count apart. The local stack runs every service in one process: `service`
// tells them apart. Labels take only bounded values (a service, an operation type, an
// error code from a fixed list): never a user, a company, an operation name or a path,
// each of which would make a series per value and exhaust Prometheus.
import type { Pool } from "pg";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { AccessCacheObserver } from "../access/access-cache.ts";
import { ErrorCode } from "../errors/errors.ts";
import { apolloRequestErrorCodes } from "../errors/mask-error.ts";

export type OperationType = "query" | "mutation" | "subscription" | "unknown";

/** The codes a label may carry; anything else (a code no part of Marquee makes) counts as OTHER. */
const knownCodes = new Set<string>([
  ...Object.values(ErrorCode),
  // Apollo Server's own, for documents refused before Marquee sees them.
  ...apolloRequestErrorCodes,
]);

export const boundedCode = (code: unknown): string => (typeof code === "string" && knownCodes.has(code) ? code : "OTHER");

/** Seconds; GraphQL requests here take from a millisecond (a cached denial) to seconds (a routing search). */
const durationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Seconds; a request's access layer takes from microseconds (everything cached) to tens of milliseconds (a directory read). */
const accessLayerBuckets = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1];

export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Counter<"service" | "operation_type" | "result">;
  private readonly requestDuration: Histogram<"service" | "operation_type">;
  private readonly accessLayerDuration: Histogram<"service">;
  private readonly errors: Counter<"service" | "code">;
  private readonly cacheLookups: Counter<"service" | "outcome">;
  private readonly subgraphFetchDuration: Histogram<"subgraph" | "result">;
  private readonly pools: { service: string; owner: string; pool: Pool }[] = [];

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: "marquee_graphql_requests_total",
      help: "GraphQL requests answered, by operation type and result (ok, or the first error's code).",
      labelNames: ["service", "operation_type", "result"],
      registers,
    });
    this.requestDuration = new Histogram({
      name: "marquee_graphql_request_duration_seconds",
      help: "Time from a GraphQL request's start to its answer.",
      labelNames: ["service", "operation_type"],
      buckets: durationBuckets,
      registers,
    });
    this.accessLayerDuration = new Histogram({
      name: "marquee_access_layer_seconds",
      help: "Time a subgraph request spends in its access layer: the token and company checks, the access context (its cache or the access directory), and the access rules of every field, not the resolvers they guard.",
      labelNames: ["service"],
      buckets: accessLayerBuckets,
      registers,
    });
    this.errors = new Counter({
      name: "marquee_graphql_errors_total",
      help: "Errors in GraphQL answers, by code.",
      labelNames: ["service", "code"],
      registers,
    });
    this.cacheLookups = new Counter({
      name: "marquee_access_cache_lookups_total",
      help: "Access context lookups: hit (from the cache), miss (read from the access source, or joined a read under way), bypassed (the cache is paused: changes cannot be heard).",
      labelNames: ["service", "outcome"],
      registers,
    });
    this.subgraphFetchDuration = new Histogram({
      name: "marquee_subgraph_fetch_duration_seconds",
      help: "The gateway's calls to subgraphs, by subgraph and result (ok, or error when no answer came).",
      labelNames: ["subgraph", "result"],
      buckets: durationBuckets,
      registers,
    });
    const pools = this.pools;
    const poolGauge = (name: string, help: string, read: (pool: Pool) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ["service", "owner"],
        registers,
        // Read at scrape time: the pool keeps the counts, nothing is counted per query.
        collect() {
          for (const { service, owner, pool } of pools) this.set({ service, owner }, read(pool));
        },
      });
    poolGauge("marquee_db_pool_connections", "Connections the PostgreSQL pool holds open.", (pool) => pool.totalCount);
    poolGauge("marquee_db_pool_idle_connections", "Open connections no query is using.", (pool) => pool.idleCount);
    poolGauge("marquee_db_pool_waiting_requests", "Queries waiting for a connection.", (pool) => pool.waitingCount);
  }

  recordRequest(service: string, operationType: OperationType, errorCodes: readonly unknown[], seconds: number | undefined): void {
    this.requests.inc({ service, operation_type: operationType, result: errorCodes.length === 0 ? "ok" : boundedCode(errorCodes[0]) });
    if (seconds !== undefined) this.requestDuration.observe({ service, operation_type: operationType }, seconds);
    for (const code of errorCodes) this.errors.inc({ service, code: boundedCode(code) });
  }

  /** One observation per subgraph request (observability/access-layer-clock.ts). */
  recordAccessLayer(service: string, seconds: number): void {
    this.accessLayerDuration.observe({ service }, seconds);
  }

  recordSubgraphFetch(subgraph: string, result: "ok" | "error", seconds: number): void {
    this.subgraphFetchDuration.observe({ subgraph, result }, seconds);
  }

  accessCacheObserver(service: string): AccessCacheObserver {
    return { lookup: (outcome) => this.cacheLookups.inc({ service, outcome }) };
  }

  /** Publishes a PostgreSQL pool's sizes; `owner` is the data owner whose schema it serves. */
  observePool(service: string, owner: string, pool: Pool): void {
    this.pools.push({ service, owner, pool });
  }

  /** The exposition text and its content type. */
  async exposition(): Promise<{ contentType: string; text: string }> {
    return { contentType: this.registry.contentType, text: await this.registry.metrics() };
  }
}
