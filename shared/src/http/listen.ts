// Start an HTTP server and resolve once it listens; port 0 picks a free port (tests).
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
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
  const server = createServer(handler);
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
  return {
    server,
    port: actualPort,
    url: `http://${host}:${actualPort}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
