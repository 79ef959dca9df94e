// The BaseReader against a Base stand-in over real HTTP: it forwards the caller's headers
// with the gateway secret, batches a request's reads into one call per entity type and
// selection, passes Base's 401 and 403 through, and turns every other failure (no answer,
// no answer in time, an error status, a body that is not GraphQL) into a 503.
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
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
});
