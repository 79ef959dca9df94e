// Identical queries in flight together reach a subgraph once, for callers with the same
// credentials and company; a mutation, another caller or a later request never shares.
// The data source tells the fetcher which is which from the operation it sends.
import { setTimeout as sleep } from "node:timers/promises";
import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { listen, type RunningServer } from "@marquee/kit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ForwardingDataSource } from "../src/forwarding-data-source.ts";
import type { GatewayContext } from "../src/gateway-context.ts";
import { createSubgraphFetcher, type OperationKind, type SubgraphFetcher } from "../src/subgraph-fetcher.ts";

let server: RunningServer;
let fetcher: SubgraphFetcher;
const received: { authorization: string | undefined; requestId: string | undefined; body: string }[] = [];

beforeAll(async () => {
  server = await listen((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const body = Buffer.concat(chunks).toString();
      received.push({ authorization: request.headers.authorization, requestId: request.headers["x-request-id"] as string | undefined, body });
      // Long enough for every request of a test to be in flight together.
      await sleep(150);
      response.setHeader("content-type", "application/json");
      response.setHeader("x-answer", String(received.length));
      response.end(JSON.stringify({ data: { answer: received.length } }));
    });
  }, 0, "127.0.0.1");
  fetcher = createSubgraphFetcher();
});
afterAll(async () => {
  fetcher.close();
  await server.close();
});
beforeEach(() => {
  received.length = 0;
});

const ask = (query: string, headers: Record<string, string> = {}, variables: Record<string, unknown> = {}, kind: OperationKind = "query") =>
  fetcher.fetch(
    server.url,
    {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer alice", "x-company-id": "c1", ...headers },
      body: JSON.stringify({ query, variables }),
    },
    kind,
  );

describe("the gateway's subgraph fetches", () => {
  it("say which request's call went out: the others joined it, and the subgraph logged only that one", async () => {
    const contextOf = (requestId: string) => ({ requestId, authorization: "Bearer alice", companyId: "c1", userId: "alice", trace: { inject: () => {} }, subgraphAnswers: { count: 0 } }) as unknown as GatewayContext;
    const contexts = ["first", "second", "third"].map(contextOf);
    const source = new ForwardingDataSource(server.url, "gateway-secret", fetcher.fetch);
    await Promise.all(
      contexts.map((context) =>
        source.process({ kind: "incoming operation", request: { query: "query Q { events { id } }", variables: {} }, context } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>),
      ),
    );
    expect(received.map((request) => request.requestId)).toEqual(["first"]);
    expect(contexts.map((context) => context.subgraphAnswers.count)).toEqual([1, 0, 0]);
    const [sent, ...joined] = await Promise.all(["a", "b"].map((requestId) => ask("query J { events { id } }", { "x-request-id": requestId })));
    expect([sent!.joined, ...joined.map((response) => response.joined)]).toEqual([false, true]);
  });

  it("send identical queries in flight together once, each caller getting the whole answer", async () => {
    const responses = await Promise.all(
      Array.from({ length: 5 }, (_, index) => ask("query Q { events { id } }", { "x-request-id": `request-${index}`, traceparent: `00-${String(index).padStart(32, "0")}-00f067aa0ba902b7-01` })),
    );
    expect(received).toHaveLength(1);
    expect(received[0]!.requestId).toBe("request-0");
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(response.headers.get("x-answer")).toBe("1");
      expect(await response.json()).toEqual({ data: { answer: 1 } });
    }
  });

  it("send each caller's, company's, variables' or document's query on its own", async () => {
    await Promise.all([
      ask("query Q { events { id } }"),
      ask("query Q { events { id } }", { authorization: "Bearer bob" }),
      ask("query Q { events { id } }", { "x-company-id": "c2" }),
      ask("query Q { events { id } }", {}, { first: 2 }),
      ask("query Q { events { id name } }"),
    ]);
    expect(received).toHaveLength(5);
    expect(received.map((request) => request.authorization).sort()).toEqual(["Bearer alice", "Bearer alice", "Bearer alice", "Bearer alice", "Bearer bob"]);
  });

  it("never share a mutation", async () => {
    const mutation = 'mutation M { approveSettlement(id: "s1") { id } }';
    await Promise.all([ask(mutation, {}, {}, "mutation"), ask(mutation, {}, {}, "mutation")]);
    expect(received).toHaveLength(2);
  });

  it("share nothing once the answer is in: a later identical query is sent again", async () => {
    await ask("query Q { events { id } }");
    await ask("query Q { events { id } }");
    expect(received).toHaveLength(2);
  });
});

describe("the gateway's subgraph calls", () => {
  const source = () => new ForwardingDataSource(server.url, "gateway-secret", fetcher.fetch);
  // A health check's request: no caller behind it, the same credentials (none) for every call.
  const send = (dataSource: ForwardingDataSource, query: string, operationName?: string) =>
    dataSource.process({ kind: "health check", request: { query, operationName, variables: {} }, context: {} } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);

  it("share identical queries in flight together, each caller getting the whole answer", async () => {
    const dataSource = source();
    const answers = await Promise.all(Array.from({ length: 3 }, () => send(dataSource, "query Q { events { id } }", "Q")));
    expect(received).toHaveLength(1);
    for (const answer of answers) expect(answer.data).toEqual({ answer: 1 });
  });

  it("never share a mutation", async () => {
    const dataSource = source();
    await Promise.all([send(dataSource, 'mutation M { approveSettlement(id: "s1") { id } }', "M"), send(dataSource, 'mutation M { approveSettlement(id: "s1") { id } }', "M")]);
    expect(received).toHaveLength(2);
  });

  it("tell a document's operations apart by name: its query is shared, its mutation never", async () => {
    const dataSource = source();
    const document = 'query Q { events { id } } mutation M { approveSettlement(id: "s1") { id } }';
    await Promise.all([send(dataSource, document, "Q"), send(dataSource, document, "Q")]);
    expect(received).toHaveLength(1);
    await Promise.all([send(dataSource, document, "M"), send(dataSource, document, "M")]);
    expect(received).toHaveLength(3);
  });
});
