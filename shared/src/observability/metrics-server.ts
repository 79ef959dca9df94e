// GET /metrics in Prometheus's text format, on a port of its own (METRICS_PORT, see
// observability-config.ts) so that it is never reachable where GraphQL is published.
import type { RequestListener } from "node:http";
import { listen, type RunningServer } from "../http/listen.ts";
import type { Metrics } from "./metrics.ts";

export const metricsPath = "/metrics";

export function metricsHandler(metrics: Metrics): RequestListener {
  return (request, response) => {
    const path = new URL(request.url ?? "/", "http://metrics").pathname;
    if (path !== metricsPath || (request.method !== "GET" && request.method !== "HEAD")) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`Not found. Metrics are at ${metricsPath}.\n`);
      return;
    }
    metrics.exposition().then(
      ({ contentType, text }) => response.writeHead(200, { "content-type": contentType }).end(request.method === "HEAD" ? undefined : text),
      () => response.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end("The metrics could not be collected.\n"),
    );
  };
}

export function serveMetrics(metrics: Metrics, port: number, host?: string): Promise<RunningServer> {
  return listen(metricsHandler(metrics), port, host);
}
