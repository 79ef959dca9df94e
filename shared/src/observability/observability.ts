// What a process builds once to be observed: its metrics registry, and a tracing per
// service it runs (one in production, every one in the local stack).
import type { DatabaseTarget } from "../db/database-target.ts";
import { Metrics } from "./metrics.ts";
import type { ObservabilityConfig } from "./observability-config.ts";
import { createServiceTracing, type ServiceTracing } from "./tracing.ts";

export interface Observability {
  metrics: Metrics;
  /** The tracing of one service (created on first use). */
  tracing(service: string): ServiceTracing;
  /** The target, with its connection pools' sizes published under this process's name. */
  withPoolMetrics(process: string, target: DatabaseTarget): DatabaseTarget;
  /** Sends the spans still batched and stops every tracing. */
  close(): Promise<void>;
}

export function createObservability(config: ObservabilityConfig): Observability {
  const metrics = new Metrics();
  const tracings = new Map<string, ServiceTracing>();
  return {
    metrics,
    tracing(service) {
      let tracing = tracings.get(service);
      if (!tracing) {
        tracing = createServiceTracing(service, config.tracesUrl);
        tracings.set(service, tracing);
      }
      return tracing;
    },
    withPoolMetrics(process, target) {
      return target.kind === "postgres" ? { ...target, observePool: (pool, schema) => metrics.observePool(process, schema, pool) } : target;
    },
    async close() {
      await Promise.all([...tracings.values()].map((tracing) => tracing.close()));
    },
  };
}
