// How Marquee's services call each other over HTTP (the gateway its subgraphs, a module
// Base): one pool of keep-alive connections on node:http. Fetch (undici) would do, but
// its Request, Headers, Response and AbortSignal cost more CPU than the rest of such a
// call; a module's mutation spent a quarter of its CPU in it.
//
// A keep-alive connection races two idle timers. A server closes a socket that stayed
// idle for its keepAliveTimeout (serverKeepAliveTimeoutMs); a request written onto that
// socket in the same instant meets a closed connection (ECONNRESET), and its caller fails
// with an error that cannot be reproduced. So:
// - the client drops its idle sockets first, a second before any server would;
// - a request that may be resent (it changes nothing) and still meets a reset on a reused
//   socket is sent once more on a fresh one: the server closed the socket without reading
//   it, so nothing ran. Any other request is never resent: a reset does not prove that it
//   did not run.
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage, type OutgoingHttpHeaders, type RequestOptions } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { serverKeepAliveTimeoutMs } from "./listen.ts";

/** Shorter than a server's keep-alive timeout, so that the client always closes an idle socket first. */
export const clientIdleSocketTimeoutMs = serverKeepAliveTimeoutMs - 1_000;

export interface HttpRequest {
  method: string;
  headers: OutgoingHttpHeaders;
  body?: string | Buffer;
  /** The whole exchange's deadline; past it the request is abandoned with an HttpTimeoutError. */
  timeoutMs?: number;
}

/** An answer as received: its body whole, its headers as node:http lists them (name, value, name, value...). */
export interface HttpAnswer {
  status: number;
  statusText: string;
  rawHeaders: readonly string[];
  body: Buffer;
}

export interface HttpClient {
  /**
   * Sends one request. `resendable`: it changes nothing, so it is sent once more on a
   * fresh connection when a reused one turns out closed before it was read.
   */
  send(url: string, request: HttpRequest, resendable: boolean): Promise<HttpAnswer>;
  /** Closes the pooled connections. */
  close(): void;
}

/** The request's deadline passed before its answer came in whole. */
export class HttpTimeoutError extends Error {
  override readonly name = "TimeoutError";
}

/** The peer closed a pooled connection before reading the request written onto it. */
class ResetOnReusedSocket extends Error {}

export function createHttpClient({ idleSocketTimeoutMs = clientIdleSocketTimeoutMs }: { idleSocketTimeoutMs?: number } = {}): HttpClient {
  // `timeout` on a keep-alive agent closes a pooled socket after that long idle.
  const agentOptions = { keepAlive: true, timeout: idleSocketTimeoutMs };
  const http = new HttpAgent(agentOptions);
  const https = new HttpsAgent(agentOptions);

  return {
    async send(url, request, resendable) {
      const target = new URL(url);
      const sendOnce = () => (target.protocol === "https:" ? exchange(httpsRequest, https, target, request) : exchange(httpRequest, http, target, request));
      try {
        return await sendOnce();
      } catch (error) {
        if (!(error instanceof ResetOnReusedSocket)) throw error;
        if (!resendable) throw error.cause;
        return sendOnce();
      }
    },
    close() {
      http.destroy();
      https.destroy();
    },
  };
}

type RequestFunction = (url: URL, options: RequestOptions, callback: (response: IncomingMessage) => void) => ClientRequest;

function exchange(send: RequestFunction, agent: HttpAgent, url: URL, { method, headers, body, timeoutMs }: HttpRequest): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const length = body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) };
    const fail = (error: unknown) => {
      clearTimeout(deadline);
      reject(error);
    };
    // Rejected first, then torn down: whatever error the teardown raises comes too late to count.
    const deadline =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            fail(new HttpTimeoutError(`No answer from ${url.host} within ${timeoutMs} ms.`));
            outgoing.destroy();
          }, timeoutMs);
    const outgoing = send(url, { method, headers: { ...headers, ...length }, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", fail);
      response.on("end", () => {
        clearTimeout(deadline);
        resolve({ status: response.statusCode ?? 502, statusText: response.statusMessage ?? "", rawHeaders: response.rawHeaders, body: Buffer.concat(chunks) });
      });
    });
    outgoing.on("error", (error: NodeJS.ErrnoException) => {
      fail(error.code === "ECONNRESET" && outgoing.reusedSocket ? new ResetOnReusedSocket(error.message, { cause: error }) : error);
    });
    outgoing.end(body);
  });
}
