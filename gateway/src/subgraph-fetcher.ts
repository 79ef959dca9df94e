// How the gateway calls subgraphs over HTTP: the kit's keep-alive client (createHttpClient),
// which drops idle sockets before a subgraph would and sends a query that meets a reset on
// a reused socket once more (never a mutation: a reset does not prove that it did not run).
// Identical queries in flight at the same moment (the same subgraph, document, variables
// and caller headers) are sent once and the answer is shared (the kit's sharedReads: the
// credentials and company are part of what is compared, the request id and trace context
// not); each caller's answer says whether it joined another's call, which the subgraph
// then logged under the other request's id. A mutation is never shared. The caller says
// what it sends (it knows the operation): reading it back out of the body would mean
// parsing every representation in it.
// Each caller gets a response of its own, read like a Fetch Response but without building
// one: undici's Response and Headers cost more than the rest of the call.
import type { RemoteGraphQLDataSource } from "@apollo/gateway";
import { clientIdleSocketTimeoutMs, createHttpClient, sharedReads, type HttpAnswer, type HttpRequest } from "@marquee/kit";

type Fetcher = RemoteGraphQLDataSource["fetcher"];
export type FetcherRequestInit = Parameters<Fetcher>[1] & object;
export type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherHeaders = FetcherResponse["headers"];

/** What a request's operation does; `undefined` when its document names none it could run. */
export type OperationKind = "query" | "mutation" | "subscription" | undefined;

/**
 * A subgraph's answer, and whether the request joined an identical query of another request in
 * flight: then the subgraph answered, and logged, that other request.
 */
export type SubgraphAnswer = FetcherResponse & { readonly joined: boolean };

/** Sends a subgraph request whose operation is `kind`: only a query is ever sent twice or shared. */
export type SubgraphFetch = (url: string, init: FetcherRequestInit, kind: OperationKind) => Promise<SubgraphAnswer>;

export interface SubgraphFetcher {
  fetch: SubgraphFetch;
  /** Closes the pooled connections. */
  close(): void;
}

export function createSubgraphFetcher({ idleSocketTimeoutMs = clientIdleSocketTimeoutMs }: { idleSocketTimeoutMs?: number } = {}): SubgraphFetcher {
  const client = createHttpClient({ idleSocketTimeoutMs });
  const sendQuery = sharedReads(client);

  const fetch: SubgraphFetch = async (url, init, kind) => {
    const request: HttpRequest = { method: init.method ?? "GET", headers: (init.headers ?? {}) as Record<string, string>, ...(init.body === undefined ? {} : { body: init.body }) };
    if (kind !== "query") return toResponse(await client.send(url, request, false), false);
    const { answer, joined } = sendQuery(url, request);
    return toResponse(await answer, joined);
  };

  return { fetch, close: () => client.close() };
}

function toResponse({ status, statusText, rawHeaders, body }: HttpAnswer, joined: boolean): SubgraphResponse {
  const headers = new SubgraphHeaders();
  for (let index = 0; index < rawHeaders.length; index += 2) headers.append(rawHeaders[index]!, rawHeaders[index + 1]!);
  // The Fetch API allows no body on these statuses.
  const withoutBody = status === 204 || status === 205 || status === 304;
  return new SubgraphResponse(status, statusText, headers, withoutBody ? null : body, joined);
}

/**
 * A subgraph's answer read as a Fetch Response is: its body once (a clone taken before
 * reading is read on its own), as UTF-8 text, JSON or bytes. Callers sharing an answer share
 * its bytes, which no reading changes.
 */
class SubgraphResponse implements SubgraphAnswer {
  readonly ok: boolean;
  // As on the Response this stands in for, no URL: errorFromResponse copies it into the
  // error a client sees, and a subgraph's address is internal.
  readonly url = "";
  // node:http follows no redirect.
  readonly redirected = false;
  private used = false;

  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly headers: SubgraphHeaders,
    /** `null` where the status allows no body, which reads as empty any number of times. */
    private readonly body: Buffer | null,
    readonly joined: boolean,
  ) {
    this.ok = status >= 200 && status < 300;
  }

  get bodyUsed(): boolean {
    return this.used;
  }

  async text(): Promise<string> {
    return utf8(this.read());
  }

  async json(): Promise<any> {
    return JSON.parse(utf8(this.read()));
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    // A copy: the bytes stay as they are for whoever else holds them.
    return new Uint8Array(this.read()).buffer;
  }

  clone(): SubgraphResponse {
    if (this.used) throw new TypeError("Response.clone: Body has already been consumed.");
    return new SubgraphResponse(this.status, this.statusText, this.headers.clone(), this.body, this.joined);
  }

  private read(): Buffer {
    if (this.body === null) return emptyBody;
    if (this.used) throw new TypeError("Body is unusable: Body has already been read");
    this.used = true;
    return this.body;
  }
}

const emptyBody = Buffer.alloc(0);

/** UTF-8 decoded as Fetch decodes a body: a leading byte order mark is dropped. */
function utf8(bytes: Buffer): string {
  const text = bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Header names in any case; a name's values joined with ", ", and names listed in order, as Fetch's Headers do. */
class SubgraphHeaders implements FetcherHeaders {
  constructor(private readonly byName = new Map<string, string>()) {}

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const current = this.byName.get(key);
    this.byName.set(key, current === undefined ? value : `${current}, ${value}`);
  }

  delete(name: string): void {
    this.byName.delete(name.toLowerCase());
  }

  get(name: string): string | null {
    return this.byName.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  set(name: string, value: string): void {
    this.byName.set(name.toLowerCase(), value);
  }

  entries(): IterableIterator<[string, string]> {
    return [...this.byName].sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)).values();
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  clone(): SubgraphHeaders {
    return new SubgraphHeaders(new Map(this.byName));
  }
}
