// Where a process publishes its metrics and sends its traces, read with the rest of the
// platform configuration (config/platform-config.ts).
//
// Metrics are served on a port of their own, METRICS_PORT (9464 unless set, `off` to turn
// them off), never on the port that serves GraphQL: in Kubernetes the Service and the
// Ingress route the GraphQL port only, and Prometheus scrapes each pod's metrics port
// directly, so the figures of an internal process (request counts per code, pool sizes)
// are not published to whoever can reach the gateway. 9464 is the port OpenTelemetry's
// Prometheus exporters use, which scrape configurations tend to expect.
//
// Traces are off unless OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (the full URL) or
// OTEL_EXPORTER_OTLP_ENDPOINT (the collector's base URL, to which /v1/traces is added) is
// set, OpenTelemetry's standard variables; the exporter reads its other standard ones
// (OTEL_EXPORTER_OTLP_HEADERS, ..._TIMEOUT) itself.

export const defaultMetricsPort = 9464;

export interface ObservabilityConfig {
  /** The port /metrics is served on; undefined when METRICS_PORT is `off`. */
  metricsPort?: number;
  /** Where spans go over OTLP/HTTP; tracing is off when undefined. */
  tracesUrl?: URL;
}

type Env = Record<string, string | undefined>;

export function readObservabilityConfig(env: Env, problems: string[]): ObservabilityConfig {
  const metricsPort = readMetricsPort(env, problems);
  const tracesUrl = readTracesUrl(env, problems);
  return { ...(metricsPort !== undefined ? { metricsPort } : {}), ...(tracesUrl ? { tracesUrl } : {}) };
}

function readMetricsPort(env: Env, problems: string[]): number | undefined {
  const value = env["METRICS_PORT"];
  if (value === undefined || value === "") return defaultMetricsPort;
  if (value === "off") return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    problems.push(`METRICS_PORT must be a port from 1 to 65535, or off (got "${value}").`);
    return undefined;
  }
  // One port for both would publish the metrics wherever GraphQL is published.
  if (env["PORT"] !== undefined && Number(env["PORT"]) === port) problems.push(`METRICS_PORT must differ from PORT (both are ${port}).`);
  return port;
}

function readTracesUrl(env: Env, problems: string[]): URL | undefined {
  const full = env["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"];
  const base = env["OTEL_EXPORTER_OTLP_ENDPOINT"];
  const [name, value] = full ? ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", full] : ["OTEL_EXPORTER_OTLP_ENDPOINT", base];
  if (!value) return undefined;
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url?.protocol !== "http:" && url?.protocol !== "https:") {
    // The value may carry credentials: it is not repeated in the message.
    problems.push(`${name} must be an http(s) URL.`);
    return undefined;
  }
  if (name === "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") return url;
  url.pathname = `${url.pathname.replace(/\/$/, "")}/v1/traces`;
  return url;
}
