// The BaseReader against a Base stand-in over real HTTP: it forwards the caller's headers
// with the gateway secret, batches a request's reads into one call per entity type and
// selection, passes Base's 401 and 403 through, and turns every other failure (no answer,
// no answer in time, an error status, a body that is not GraphQL) into a 503; a read
// identical to one in flight, for the same caller and company, shares its call.
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { listen } from "../http/listen.ts";
import type { RequestContext } from "../subgraph/request-context.ts";
import { createBaseReaderFactory } from "./base-reader.ts";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Received {
  headers: IncomingMessage["headers"];
  body: { query: string; variables: { representations: { __typename: string; id: string }[] } };
}

/** A Base answering each call with `answer`, recording what it received. */
async function base(answer: (received: Received, response: ServerResponse) => void) {
  const received: Received[] = [];
  const server = await listen((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const call = { headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString()) as Received["body"] };
      received.push(call);
      answer(call, response);
    });
  }, 0);
  cleanups.push(() => server.close());
  return { url: `${server.url}/api/base/graphql`, received };
}

const json = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
};

/** Base's answer for known ids: each known one as an entity with a name, any other as null. */
const entities = (known: string[]) => (call: Received, response: ServerResponse) =>
  json(response, 200, { data: { _entities: call.body.variables.representations.map(({ id }) => (known.includes(id) ? { id, name: `Event ${id}` } : null)) } });

function readerOf(url: string, timeoutMs?: number) {
  const errors: string[] = [];
  const context = { callerHeaders: { authorization: "Bearer caller-token", "x-company-id": "c1" }, logger: { error: (_: unknown, message: string) => errors.push(message) } };
  const reader = createBaseReaderFactory({ url, gatewaySecret: "the-secret", ...(timeoutMs === undefined ? {} : { timeoutMs }) })(context as unknown as RequestContext);
  return { reader, errors };
}

describe("the BaseReader", () => {
  it("reads a request's entities of one type and selection in one call, with the caller's headers and the gateway secret", async () => {
    const { url, received } = await base(entities(["e1", "e2"]));
    const { reader } = readerOf(url);
    const [first, second] = await Promise.all([reader.load("Event", "name", ["e1", "nope"]), reader.load("Event", "name", ["e2"])]);
    expect(first).toEqual([{ id: "e1", name: "Event e1" }, null]);
    expect(second).toEqual([{ id: "e2", name: "Event e2" }]);
    expect(received).toHaveLength(1);
    expect(received[0]!.body.query).toBe("query BaseEntities($representations: [_Any!]!) { _entities(representations: $representations) { ... on Event { id name } } }");
    expect(received[0]!.body.variables.representations).toEqual([
      { __typename: "Event", id: "e1" },
      { __typename: "Event", id: "nope" },
      { __typename: "Event", id: "e2" },
    ]);
    expect(received[0]!.headers).toMatchObject({ authorization: "Bearer caller-token", "x-company-id": "c1", "x-gateway-secret": "the-secret" });
    expect(await reader.existing("Event", ["e1", "nope"])).toEqual(new Set(["e1"]));
  });

  it("passes Base's 401 and 403 through as the caller's own errors", async () => {
    for (const code of ["UNAUTHENTICATED", "FORBIDDEN"]) {
      const { url } = await base((_, response) => json(response, 200, { data: null, errors: [{ message: `Base says ${code}`, extensions: { code } }] }));
      await expect(readerOf(url).reader.load("Event", "name", ["e1"])).rejects.toMatchObject({ message: `Base says ${code}`, extensions: { code } });
    }
  });

  it("answers 503 when Base answers an error status, a body that is not JSON or an error of its own", async () => {
    const answers = [
      (response: ServerResponse) => json(response, 500, { data: { _entities: [null] } }),
      (response: ServerResponse) => response.writeHead(200, { "content-type": "text/html" }).end("<html>proxy error</html>"),
      (response: ServerResponse) => json(response, 200, { data: null, errors: [{ message: "boom", extensions: { code: "INTERNAL_SERVER_ERROR" } }] }),
      (response: ServerResponse) => json(response, 200, { data: { _entities: [] } }),
    ];
    for (const answer of answers) {
      const { url } = await base((_, response) => answer(response));
      const { reader, errors } = readerOf(url);
      await expect(reader.load("Event", "name", ["e1"])).rejects.toMatchObject({
        message: "The shared entities service (Base) answered unexpectedly; please retry shortly.",
        extensions: { code: "SERVICE_UNAVAILABLE" },
      });
      expect(errors).toHaveLength(1);
    }
  });

  it("answers 503 when Base does not answer, or not within its deadline", async () => {
    const silent = await base(() => undefined);
    const started = performance.now();
    await expect(readerOf(silent.url, 300).reader.load("Event", "name", ["e1"])).rejects.toMatchObject({
      message: "The shared entities service (Base) is unavailable; please retry shortly.",
      extensions: { code: "SERVICE_UNAVAILABLE" },
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);

    const gone = await base(() => undefined);
    await cleanups.pop()!();
    const { reader, errors } = readerOf(gone.url);
    await expect(reader.load("Event", "name", ["e1"])).rejects.toMatchObject({ extensions: { code: "SERVICE_UNAVAILABLE" } });
    expect(errors).toEqual(["Base did not answer"]);
  });

  it("lets a read identical to one in flight, for the same caller and company, wait for that call; any other read makes its own", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { url, received } = await base((call, response) => void held.then(() => entities(["e1", "e2"])(call, response)));
    const readers = createBaseReaderFactory({ url, gatewaySecret: "the-secret" });
    const contextOf = (token: string, company: string, requestId: string) =>
      ({ callerHeaders: { authorization: `Bearer ${token}`, "x-company-id": company, "x-request-id": requestId }, logger: { error: () => undefined } }) as unknown as RequestContext;

    const reads = [
      readers(contextOf("alice", "c1", "r1")).existing("Event", ["e1"]),
      // The same read in another request of the same caller: shares the first call, whatever its request id.
      readers(contextOf("alice", "c1", "r2")).existing("Event", ["e1"]),
      // Another caller, another company, other ids, another selection: each its own call.
      readers(contextOf("bob", "c1", "r3")).existing("Event", ["e1"]),
      readers(contextOf("alice", "c2", "r4")).existing("Event", ["e1"]),
      readers(contextOf("alice", "c1", "r5")).existing("Event", ["e2"]),
      readers(contextOf("alice", "c1", "r6")).load("Event", "name", ["e1"]),
    ];
    await vi.waitFor(() => expect(received).toHaveLength(5));
    release();
    const answers = await Promise.all(reads);
    expect(answers.slice(0, 5)).toEqual([new Set(["e1"]), new Set(["e1"]), new Set(["e1"]), new Set(["e1"]), new Set(["e2"])]);
    expect(answers[5]).toEqual([{ id: "e1", name: "Event e1" }]);
    expect(received.map((call) => [call.headers["authorization"], call.headers["x-company-id"], call.headers["x-request-id"]])).toEqual([
      ["Bearer alice", "c1", "r1"],
      ["Bearer bob", "c1", "r3"],
      ["Bearer alice", "c2", "r4"],
      ["Bearer alice", "c1", "r5"],
      ["Bearer alice", "c1", "r6"],
    ]);

    // Nothing is kept once the call has answered: the same read again is a new call.
    expect(await readers(contextOf("alice", "c1", "r7")).existing("Event", ["e1"])).toEqual(new Set(["e1"]));
    expect(received).toHaveLength(6);
  });

  it("gives every read that shared a call the call's failure, and keeps nothing of it", async () => {
    let calls = 0;
    const { url } = await base((call, response) => (++calls === 1 ? json(response, 500, {}) : entities(["e1"])(call, response)));
    const readers = createBaseReaderFactory({ url, gatewaySecret: "the-secret" });
    const errors: string[] = [];
    const context = { callerHeaders: { authorization: "Bearer alice", "x-company-id": "c1" }, logger: { error: (_: unknown, message: string) => errors.push(message) } } as unknown as RequestContext;
    const failed = await Promise.allSettled([readers(context).existing("Event", ["e1"]), readers(context).existing("Event", ["e1"])]);
    expect(failed.map((result) => result.status === "rejected" && (result.reason as { extensions: { code: string } }).extensions.code)).toEqual(["SERVICE_UNAVAILABLE", "SERVICE_UNAVAILABLE"]);
    expect(errors).toEqual(["Base answered unexpectedly", "Base answered unexpectedly"]);
    expect(calls).toBe(1);
    expect(await readers(context).existing("Event", ["e1"])).toEqual(new Set(["e1"]));
    expect(calls).toBe(2);
  });
});
