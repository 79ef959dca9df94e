// What a subgraph's answer becomes: for the fetcher's callers, a response read as a Fetch
// Response is read (headers in any case, the body once, as text, JSON or bytes); for the
// gateway, its data, or the error the data source makes of a failure.
import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { listen, type RunningServer } from "@marquee/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForwardingDataSource } from "../src/forwarding-data-source.ts";
import type { GatewayContext } from "../src/gateway-context.ts";
import { createSubgraphFetcher, type SubgraphFetcher } from "../src/subgraph-fetcher.ts";

let server: RunningServer;
let fetcher: SubgraphFetcher;
let requests = 0;

const answer = JSON.stringify({ data: { name: "Zoë – ✓" } });
const routes: Record<string, { status: number; headers?: Record<string, string | string[]>; body?: string }> = {
  "/ok": { status: 200, headers: { "Content-Type": "application/json", "X-Served-By": ["edge-1", "edge-2"] }, body: answer },
  "/byte-order-mark": { status: 200, headers: { "content-type": "application/json" }, body: `\uFEFF${answer}` },
  "/broken-json": { status: 200, headers: { "content-type": "application/json" }, body: '{"data":' },
  "/list": { status: 200, headers: { "content-type": "application/json" }, body: "[1]" },
  "/no-content": { status: 204 },
  "/unauthenticated": { status: 401, headers: { "content-type": "application/json" }, body: JSON.stringify({ error: "who are you?" }) },
  "/unavailable": { status: 503, headers: { "content-type": "text/plain" }, body: "no healthy upstream" },
};

beforeAll(async () => {
  server = await listen((request, response) => {
    requests++;
    request.resume().on("end", () => {
      const route = routes[new URL(request.url ?? "/", "http://subgraph").pathname] ?? { status: 404 };
      response.statusCode = route.status;
      for (const [name, value] of Object.entries(route.headers ?? {})) response.setHeader(name, value);
      response.end(route.body);
    });
  }, 0, "127.0.0.1");
  fetcher = createSubgraphFetcher();
});
afterAll(async () => {
  fetcher.close();
  await server.close();
});

const urlOf = (path: string) => new URL(path, server.url).href;
const get = (path: string) => fetcher.fetch(urlOf(path), { method: "POST", headers: {}, body: JSON.stringify({ query: "{ name }" }) }, "query");

describe("a subgraph fetch's response", () => {
  it("has the answer's status, and no URL: a client may see it in an error, and a subgraph's address is internal", async () => {
    const response = await get("/ok");
    expect({ status: response.status, ok: response.ok, statusText: response.statusText, url: response.url, redirected: response.redirected }).toEqual({
      status: 200,
      ok: true,
      statusText: "OK",
      url: "",
      redirected: false,
    });
    expect((await get("/unavailable")).ok).toBe(false);
  });

  it("has headers in any case, a name's values joined as Fetch joins them", async () => {
    const { headers } = await get("/ok");
    expect(headers.get("content-type")).toBe("application/json");
    expect(headers.get("CONTENT-TYPE")).toBe("application/json");
    expect(headers.has("Content-Type")).toBe(true);
    expect(headers.get("x-served-by")).toBe("edge-1, edge-2");
    expect(headers.get("x-absent")).toBeNull();
    expect(headers.has("x-absent")).toBe(false);
    headers.append("X-Served-By", "edge-3");
    expect(headers.get("x-served-by")).toBe("edge-1, edge-2, edge-3");
    headers.set("X-SERVED-BY", "gateway");
    expect(headers.get("x-served-by")).toBe("gateway");
    headers.delete("X-Served-By");
    expect(headers.has("x-served-by")).toBe(false);
  });

  it("lists its headers by lowercase name, in order", async () => {
    const { headers } = await get("/ok");
    headers.set("A-First", "1");
    const entries = [...headers];
    expect(entries.map(([name]) => name)).toEqual([...entries.map(([name]) => name)].sort());
    expect(entries).toContainEqual(["a-first", "1"]);
    expect(entries).toContainEqual(["x-served-by", "edge-1, edge-2"]);
    expect(Array.from({ [Symbol.iterator]: () => headers.keys() })).toEqual(entries.map(([name]) => name));
    expect(Array.from({ [Symbol.iterator]: () => headers.values() })).toEqual(entries.map(([, value]) => value));
  });

  it("reads its body as UTF-8 JSON, once", async () => {
    const response = await get("/ok");
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ data: { name: "Zoë – ✓" } });
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
    await expect(response.json()).rejects.toThrow(TypeError);
    await expect(response.arrayBuffer()).rejects.toThrow(TypeError);
    expect(() => response.clone()).toThrow(TypeError);
  });

  it("reads its body as text, or bytes of the caller's own", async () => {
    expect(await (await get("/ok")).text()).toBe(answer);
    const bytes = new Uint8Array(await (await get("/ok")).arrayBuffer());
    expect(Buffer.from(bytes).toString("utf8")).toBe(answer);
  });

  it("drops a byte order mark, as Fetch decodes UTF-8", async () => {
    expect(await (await get("/byte-order-mark")).json()).toEqual({ data: { name: "Zoë – ✓" } });
    expect(await (await get("/byte-order-mark")).text()).toBe(answer);
  });

  it("rejects broken JSON with a SyntaxError", async () => {
    await expect((await get("/broken-json")).json()).rejects.toThrow(SyntaxError);
  });

  it("clones, before reading, into a response read on its own, with headers of its own", async () => {
    const response = await get("/ok");
    const copy = response.clone();
    expect(await copy.text()).toBe(answer);
    expect(copy.bodyUsed).toBe(true);
    expect(response.bodyUsed).toBe(false);
    const bytes = new Uint8Array(await response.arrayBuffer());
    bytes.fill(0);
    copy.headers.set("x-served-by", "copy");
    expect(response.headers.get("x-served-by")).toBe("edge-1, edge-2");
    expect(copy.status).toBe(200);
  });

  it("has an empty body, readable any number of times, on a 204", async () => {
    const response = await get("/no-content");
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect(await response.text()).toBe("");
    expect(response.bodyUsed).toBe(false);
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it("is each caller's own when callers share one answer", async () => {
    const before = requests;
    const [first, second] = await Promise.all([get("/ok"), get("/ok")]);
    expect(requests - before).toBe(1);
    expect(first).not.toBe(second);
    const bytes = new Uint8Array(await first!.arrayBuffer());
    bytes.fill(0);
    first!.headers.delete("content-type");
    expect(second!.bodyUsed).toBe(false);
    expect(second!.headers.get("content-type")).toBe("application/json");
    expect(await second!.json()).toEqual({ data: { name: "Zoë – ✓" } });
  });
});

describe("what the gateway makes of a subgraph's answer", () => {
  // A health check's request: no caller behind it.
  const send = (path: string) =>
    new ForwardingDataSource(urlOf(path), "gateway-secret", fetcher.fetch).process({
      kind: "health check",
      request: { query: "query Q { name }", operationName: "Q", variables: {} },
      context: {},
    } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);

  it("takes its data, the response alongside", async () => {
    const result = await send("/ok");
    expect(result.data).toEqual({ name: "Zoë – ✓" });
    expect(result.http?.headers.get("x-served-by")).toBe("edge-1, edge-2");
  });

  it("keeps a 4xx's code and body, as Apollo does", async () => {
    await expect(send("/unauthenticated")).rejects.toMatchObject({
      message: "401: Unauthorized",
      extensions: { code: "UNAUTHENTICATED", response: { url: "", status: 401, statusText: "Unauthorized", body: { error: "who are you?" } } },
    });
  });

  it("makes a 5xx, or no answer at all, SERVICE_UNAVAILABLE", async () => {
    const unavailable = { message: "Part of this answer is unavailable right now; please retry shortly.", extensions: { code: "SERVICE_UNAVAILABLE" } };
    await expect(send("/unavailable")).rejects.toMatchObject(unavailable);
    const closed = await listen((_request, response) => response.end(), 0, "127.0.0.1");
    await closed.close();
    await expect(
      new ForwardingDataSource(closed.url, "gateway-secret", fetcher.fetch).process({
        kind: "health check",
        request: { query: "query Q { name }", variables: {} },
        context: {},
      } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>),
    ).rejects.toMatchObject({ ...unavailable, originalError: { code: "ECONNREFUSED" } });
  });

  it("counts, for a caller's request, each subgraph that answered it: the ones that logged it", async () => {
    const context = { requestId: "counted", authorization: "Bearer t", userId: "user-1", trace: { inject: () => {} }, subgraphAnswers: { count: 0 } } as unknown as GatewayContext;
    const sendFor = (path: string) =>
      new ForwardingDataSource(urlOf(path), "gateway-secret", fetcher.fetch).process({
        kind: "incoming operation",
        request: { query: "query Q { name }", operationName: "Q", variables: {} },
        context,
      } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);
    await sendFor("/ok");
    await expect(sendFor("/unavailable")).rejects.toMatchObject({ extensions: { code: "SERVICE_UNAVAILABLE" } });
    await expect(sendFor("/unauthenticated")).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
    expect(context.subgraphAnswers.count).toBe(1);
  });

  it("leaves an answer that is not a JSON object, on a 2xx, an internal error", async () => {
    await expect(send("/list")).rejects.toThrow("Expected JSON response body, but received: 1");
    await expect(send("/broken-json")).rejects.toThrow(SyntaxError);
  });
});
