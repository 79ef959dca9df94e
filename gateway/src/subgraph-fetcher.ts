// How the gateway calls subgraphs over HTTP: one pool of keep-alive connections on
// node:http. A keep-alive connection races two idle timers. A subgraph closes a socket
// that stayed idle for its keepAliveTimeout (serverKeepAliveTimeoutMs); a request the
// gateway writes onto that socket in the same instant meets a closed connection
// (ECONNRESET), and the client's query fails with a 500 that cannot be reproduced. So:
// - the gateway drops its idle sockets first, a second before any subgraph would;
// - a query that still meets a reset on a reused socket is sent once more on a fresh one
//   (the subgraph closed the socket without reading it: nothing ran). A mutation is
//   never resent: a reset does not prove that it did not run.
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { RemoteGraphQLDataSource } from "@apollo/gateway";
import { serverKeepAliveTimeoutMs } from "@marquee/kit";
import { getOperationAST, parse } from "graphql";

export type Fetcher = RemoteGraphQLDataSource["fetcher"];

/** Shorter than the subgraphs' keep-alive timeout, so that the gateway always closes an idle socket first. */
export const subgraphIdleSocketTimeoutMs = serverKeepAliveTimeoutMs - 1_000;

export interface SubgraphFetcher {
  fetch: Fetcher;
  /** Closes the pooled connections. */
  close(): void;
}

export function createSubgraphFetcher({ idleSocketTimeoutMs = subgraphIdleSocketTimeoutMs }: { idleSocketTimeoutMs?: number } = {}): SubgraphFetcher {
  // `timeout` on a keep-alive agent closes a pooled socket after that long idle.
  const agentOptions = { keepAlive: true, timeout: idleSocketTimeoutMs };
  const http = new HttpAgent(agentOptions);
  const https = new HttpsAgent(agentOptions);

  const fetch: Fetcher = async (url, init = {}) => {
    const target = new URL(url);
    const send = () => (target.protocol === "https:" ? exchange(httpsRequest, https, target, init) : exchange(httpRequest, http, target, init));
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof ResetOnReusedSocket) || !isQuery(init.body)) throw error instanceof ResetOnReusedSocket ? error.cause : error;
      return send();
    }
  };

  return {
    fetch,
    close() {
      http.destroy();
      https.destroy();
    },
  };
}

/** The peer closed a pooled connection before answering a request written onto it. */
class ResetOnReusedSocket extends Error {}

type RequestFunction = (url: URL, options: RequestOptions, callback: (response: IncomingMessage) => void) => ClientRequest;

function exchange(send: RequestFunction, agent: HttpAgent, url: URL, init: Parameters<Fetcher>[1] & object): Promise<Response> {
  return new Promise((resolve, reject) => {
    const length = init.body === undefined ? {} : { "content-length": String(Buffer.byteLength(init.body)) };
    const request = send(url, { method: init.method ?? "GET", headers: { ...init.headers, ...length }, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => resolve(toResponse(response, Buffer.concat(chunks))));
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "ECONNRESET" && request.reusedSocket ? new ResetOnReusedSocket(error.message, { cause: error }) : error);
    });
    request.end(init.body);
  });
}

function toResponse(response: IncomingMessage, body: Buffer): Response {
  const headers = new Headers();
  for (let index = 0; index < response.rawHeaders.length; index += 2) headers.append(response.rawHeaders[index]!, response.rawHeaders[index + 1]!);
  const status = response.statusCode ?? 502;
  // The Fetch API allows no body on these statuses.
  const withoutBody = status === 204 || status === 205 || status === 304;
  return new Response(withoutBody ? null : body, { status, statusText: response.statusMessage ?? "", headers });
}

/** Whether a subgraph request body is a query: reading twice does no harm. */
function isQuery(body: string | Buffer | undefined): boolean {
  try {
    const { query, operationName } = JSON.parse(String(body)) as { query?: string; operationName?: string };
    return typeof query === "string" && getOperationAST(parse(query), operationName)?.operation === "query";
  } catch {
    return false;
  }
}
