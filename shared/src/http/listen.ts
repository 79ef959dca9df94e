// Start an HTTP server and resolve once it listens; port 0 picks a free port (tests).
// A server stops either at once (`close`, for tests and the local stack) or gracefully
// (`drain`, on SIGTERM in production): first it tells load balancers it is going (`/ready`
// answers 503 and every response asks its client to reconnect elsewhere) while still
// serving everything, then it stops accepting connections and lets the requests in flight
// finish. So a rolling restart fails no request.
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

export interface DrainTimings {
  /** How long `/ready` answers 503 while every request is still served: load balancers need it to take this instance out. */
  announceMs: number;
  /** How long the requests still in flight may then take before their connections are cut. */
  timeoutMs: number;
}

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  /** Cuts every connection now. */
  close(): Promise<void>;
  /** Stops gracefully; resolves once the server is closed. */
  drain(timings: DrainTimings): Promise<void>;
}

/**
 * How long an idle keep-alive connection stays open. Whoever calls this server over
 * keep-alive (the gateway, see gateway/src/subgraph-fetcher.ts) must drop its idle
 * sockets before this, or a request it sends as the server closes one meets a reset.
 */
export const serverKeepAliveTimeoutMs = 5_000;

export interface ListenOptions {
  /** Tests shorten it to exercise the keep-alive race in seconds. */
  keepAliveTimeoutMs?: number;
}

export async function listen(handler: RequestListener, port: number, host = "127.0.0.1", options: ListenOptions = {}): Promise<RunningServer> {
  let draining = false;
  let inFlight = 0;
  const server = createServer((request, response) => {
    inFlight += 1;
    response.once("close", () => (inFlight -= 1));
    if (draining) {
      response.setHeader("Connection", "close");
      if (request.url === "/ready") {
        response.writeHead(503, { "content-type": "application/json" }).end(JSON.stringify({ status: "draining" }));
        return;
      }
    }
    handler(request, response);
  });
  // Idle keep-alive sockets from the gateway are closed after this (and would otherwise hold close() open).
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? serverKeepAliveTimeoutMs;
  // The headers of a request on a reused socket must be given longer than the idle
  // timeout, or a slow first byte is cut by the wrong timer (Node's documented rule).
  server.headersTimeout = server.keepAliveTimeout + 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  const closed = () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return {
    server,
    port: actualPort,
    url: `http://${host}:${actualPort}`,
    close: () => {
      const done = closed();
      server.closeAllConnections();
      return done;
    },
    drain: async ({ announceMs, timeoutMs }) => {
      draining = true;
      await sleep(announceMs);
      const done = closed();
      const deadline = Date.now() + timeoutMs;
      // A keep-alive socket between two requests would hold close() open: close idle ones
      // as the requests on them finish.
      while (inFlight > 0 && Date.now() < deadline) {
        server.closeIdleConnections();
        await sleep(20);
      }
      server.closeAllConnections();
      await done;
    },
  };
}
