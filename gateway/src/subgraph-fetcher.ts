// How the gateway calls subgraphs over HTTP: one pool of keep-alive connections on
// node:http. A keep-alive connection races two idle timers. A subgraph closes a socket
// that stayed idle for its keepAliveTimeout (serverKeepAliveTimeoutMs); a request the
// gateway writes onto that socket in the same instant meets a closed connection
// (ECONNRESET), and the client's query fails with a 500 that cannot be reproduced. So:
// - the gateway drops its idle sockets first, a second before any subgraph would;
// - a query that still meets a reset on a reused socket is sent once more on a fresh one
//   (the subgraph closed the socket without reading it: nothing ran). A mutation is
//   never resent: a reset does not prove that it did not run.
// Identical queries in flight at the same moment (the same subgraph, document, variables
// and caller headers) are sent once and the answer is shared: under load many callers ask
// the same thing, and what one caller may see the other may too, since the credentials
// and company are part of what is compared. Only the headers that name one request (its
// id, its trace context) are left out of the comparison; the shared request carries the
// first caller's. A mutation is never shared.
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { RemoteGraphQLDataSource } from "@apollo/gateway";
import { requestIdHeader, serverKeepAliveTimeoutMs } from "@marquee/kit";
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

  const queriesInFlight = new Map<string, Promise<SubgraphAnswer>>();

  async function answer(url: string, init: FetchInit, query: boolean): Promise<SubgraphAnswer> {
    const target = new URL(url);
    const send = () => (target.protocol === "https:" ? exchange(httpsRequest, https, target, init) : exchange(httpRequest, http, target, init));
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof ResetOnReusedSocket) || !query) throw error instanceof ResetOnReusedSocket ? error.cause : error;
      return send();
    }
  }

  const fetch: Fetcher = async (url, init = {}) => {
    if (!operationKinds.isQuery(init.body)) return toResponse(await answer(url, init, false));
    const key = sharingKey(url, init);
    let shared = queriesInFlight.get(key);
    if (!shared) {
      shared = answer(url, init, true).finally(() => queriesInFlight.delete(key));
      queriesInFlight.set(key, shared);
    }
    return toResponse(await shared);
  };

  return {
    fetch,
    close() {
      http.destroy();
      https.destroy();
    },
  };
}

type FetchInit = Parameters<Fetcher>[1] & object;

/** A subgraph's answer as received, from which each caller sharing it gets a Response of its own. */
interface SubgraphAnswer {
  status: number;
  statusText: string;
  rawHeaders: readonly string[];
  body: Buffer;
}

/** Headers that name one request rather than who asks what. */
const perRequestHeaders = new Set([requestIdHeader, "traceparent", "tracestate"]);

/** Two fetches with the same key ask the same subgraph the same thing on behalf of the same caller. */
function sharingKey(url: string, init: FetchInit): string {
  const headers = Object.entries((init.headers ?? {}) as Record<string, string>)
    .map(([name, value]) => [name.toLowerCase(), value] as const)
    .filter(([name]) => !perRequestHeaders.has(name))
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
  return JSON.stringify([init.method ?? "GET", url, headers, String(init.body ?? "")]);
}

/** The peer closed a pooled connection before answering a request written onto it. */
class ResetOnReusedSocket extends Error {}

type RequestFunction = (url: URL, options: RequestOptions, callback: (response: IncomingMessage) => void) => ClientRequest;

function exchange(send: RequestFunction, agent: HttpAgent, url: URL, init: FetchInit): Promise<SubgraphAnswer> {
  return new Promise((resolve, reject) => {
    const length = init.body === undefined ? {} : { "content-length": String(Buffer.byteLength(init.body)) };
    const request = send(url, { method: init.method ?? "GET", headers: { ...init.headers, ...length }, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 502, statusText: response.statusMessage ?? "", rawHeaders: response.rawHeaders, body: Buffer.concat(chunks) }),
      );
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "ECONNRESET" && request.reusedSocket ? new ResetOnReusedSocket(error.message, { cause: error }) : error);
    });
    request.end(init.body);
  });
}

function toResponse({ status, statusText, rawHeaders, body }: SubgraphAnswer): Response {
  const headers = new Headers();
  for (let index = 0; index < rawHeaders.length; index += 2) headers.append(rawHeaders[index]!, rawHeaders[index + 1]!);
  // The Fetch API allows no body on these statuses.
  const withoutBody = status === 204 || status === 205 || status === 304;
  return new Response(withoutBody ? null : body, { status, statusText, headers });
}

/**
 * Whether a subgraph request body is a query: reading twice, or once for two callers, does
 * no harm. The gateway sends a fixed set of documents (one per query plan fetch), so each
 * document is parsed once; the memory is bounded all the same.
 */
const operationKinds = {
  known: new Map<string, boolean>(),
  isQuery(body: string | Buffer | undefined): boolean {
    let request: { query?: unknown; operationName?: unknown };
    try {
      request = JSON.parse(String(body)) as typeof request;
    } catch {
      return false;
    }
    if (typeof request.query !== "string") return false;
    const key = `${String(request.operationName ?? "")}\n${request.query}`;
    let query = this.known.get(key);
    if (query === undefined) {
      try {
        query = getOperationAST(parse(request.query), typeof request.operationName === "string" ? request.operationName : undefined)?.operation === "query";
      } catch {
        query = false;
      }
      if (this.known.size >= 1_000) this.known.clear();
      this.known.set(key, query);
    }
    return query;
  },
};
