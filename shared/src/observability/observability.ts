// What a process builds once to be observed: its metrics registry, and a tracing per
// service it runs (one in production, every one in the local stack).
import type { DatabaseTarget } from "../db/database-target.ts";
import { Metrics } from "./metrics.ts";
import type { ObservabilityConfig } from "./observability-config.ts";
import { untracedService, type ServiceTracing } from "./tracing.ts";

export interface Observability {
  metrics: Metrics;
  /** The tracing of one service (created on first use). */
  tracing(service: string): ServiceTracing;
  /** The target, with its connection pools' sizes published under this process's name. */
  withPoolMetrics(process: string, target: DatabaseTarget): DatabaseTarget;
  /** Sends the spans still batched and stops every tracing. */
  close(): Promise<void>;
}

export async function createObservability(config: ObservabilityConfig): Promise<Observability> {
  const metrics = new Metrics();
  const { tracesUrl } = config;
  // The tracing SDK is loaded only when spans are sent somewhere (recording-tracing.ts).
  const tracingOf = tracesUrl ? await recordingTracingTo(tracesUrl) : () => untracedService;
  const tracings = new Map<string, ServiceTracing>();
  return {
    metrics,
    tracing(service) {
      let tracing = tracings.get(service);
      if (!tracing) {
        tracing = tracingOf(service);
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

async function recordingTracingTo(tracesUrl: URL): Promise<(service: string) => ServiceTracing> {
  const { recordingServiceTracing } = await import("./recording-tracing.ts");
  return (service) => recordingServiceTracing(service, tracesUrl);
}
