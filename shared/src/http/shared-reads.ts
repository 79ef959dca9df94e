// Reads that one service sends another (the gateway to its subgraphs, a module to Base),
// shared while in flight: a read identical to one already on its way (the same method,
// URL, caller headers and body) waits for that call's answer instead of being sent again.
// Under load many callers ask the same thing at the same moment; what one caller may see
// the other may too, since the credentials and company are among the headers compared.
// Only the headers that name one request (its id, its trace context) are left out of the
// comparison: the call carries the first caller's. Nothing is kept once the answer is in:
// this is not a cache. Only reads come here; a write is always sent on its own.
import { requestIdHeader } from "../subgraph/build-request-context.ts";
import type { HttpAnswer, HttpClient, HttpRequest } from "./http-client.ts";

/**
 * A read on its way: its answer, and whether it joined an identical read already in flight
 * (then the service answered, and logged, the request that sent that one).
 */
export interface SentRead {
  answer: Promise<HttpAnswer>;
  joined: boolean;
}

/** Sends a read (resent once on a fresh connection if a pooled one was closed under it), or joins the identical one in flight. */
export type SendRead = (url: string, request: HttpRequest) => SentRead;

export function sharedReads(client: HttpClient): SendRead {
  const inFlight = new Map<string, Promise<HttpAnswer>>();
  return (url, request) => {
    const key = sharingKey(url, request);
    const call = inFlight.get(key);
    if (call !== undefined) return { answer: call, joined: true };
    const sent = client.send(url, request, true).finally(() => inFlight.delete(key));
    inFlight.set(key, sent);
    return { answer: sent, joined: false };
  };
}

/** Headers that name one request rather than who asks what. */
const perRequestHeaders = new Set([requestIdHeader, "traceparent", "tracestate"]);

/**
 * Two reads with the same key ask the same service the same thing on behalf of the same
 * caller. One line per part: neither a URL nor a header holds a line break (HTTP forbids it),
 * and the body, which may, comes last, as it is (quoting it again would copy every
 * representation of a batch once more).
 */
function sharingKey(url: string, { method, headers, body }: HttpRequest): string {
  const lines = Object.entries(headers)
    .map(([name, value]) => `${name.toLowerCase()}: ${String(value)}`)
    .filter((line) => !perRequestHeaders.has(line.slice(0, line.indexOf(":"))))
    .sort();
  return `${method} ${url}\n${lines.join("\n")}\n\n${String(body ?? "")}`;
}
