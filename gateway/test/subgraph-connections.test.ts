// The gateway's keep-alive connections to subgraphs cannot race the subgraphs' idle
// timeout: the gateway drops an idle socket first, and a query that still meets a reset
// on a reused socket is sent again. Short timeouts stand in for the real ones (5 s on the
// server, 4 s in the gateway), keeping their order.
import { createServer as createTcpServer, type AddressInfo, type Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { clientIdleSocketTimeoutMs, listen, type RunningServer } from "@marquee/kit";
import { afterEach, describe, expect, it } from "vitest";
import { createSubgraphFetcher, type OperationKind, type SubgraphFetcher } from "../src/subgraph-fetcher.ts";

const serverKeepAliveMs = 2_000;
const clientIdleMs = 1_000;
const body = (query: string) => JSON.stringify({ query });
const post = (fetcher: SubgraphFetcher, url: string, query: string, kind: OperationKind = "query") =>
  fetcher.fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: body(query) }, kind);

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("the gateway's connections to subgraphs", () => {
  it("go idle for less time than a subgraph keeps them open", () => {
    expect(clientIdleSocketTimeoutMs).toBe(4_000);
  });

  it("answer every request, spaced just under, at and just over either idle timeout", async () => {
    let connections = 0;
    const server: RunningServer = await listen(
      (request, response) => {
        request.resume().on("end", () => {
          response.setHeader("content-type", "application/json");
          response.end(JSON.stringify({ data: { ok: true } }));
        });
      },
      0,
      "127.0.0.1",
      { keepAliveTimeoutMs: serverKeepAliveMs },
    );
    server.server.on("connection", () => connections++);
    const fetcher = createSubgraphFetcher({ idleSocketTimeoutMs: clientIdleMs });
    cleanups.push(() => server.close(), () => fetcher.close());

    const statuses: number[] = [];
    for (const pause of [0, 50, clientIdleMs - 100, clientIdleMs, clientIdleMs + 100, serverKeepAliveMs - 100, serverKeepAliveMs, serverKeepAliveMs + 100]) {
      await sleep(pause);
      const response = await post(fetcher, server.url, "{ ok }");
      expect(await response.json()).toEqual({ data: { ok: true } });
      statuses.push(response.status);
    }
    expect(statuses).toEqual(Array(8).fill(200));
    // The quick requests shared a connection; each pause past the client's idle timeout opened a new one.
    expect(connections).toBeLessThan(8);
  }, 30_000);

  describe("when a subgraph resets a reused connection before reading the request", () => {
    async function serverResettingReusedConnections() {
      const sockets = new Set<Socket>();
      let resets = 0;
      const server = createTcpServer((socket) => {
        sockets.add(socket);
        let requests = 0;
        socket.on("data", () => {
          // The first request on a connection is answered; any later one meets a closed socket.
          if (++requests > 1) {
            resets++;
            return socket.resetAndDestroy();
          }
          const answer = JSON.stringify({ data: { ok: true } });
          socket.write(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${answer.length}\r\nconnection: keep-alive\r\n\r\n${answer}`);
        });
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      cleanups.push(() => new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }));
      return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/base/graphql`, resets: () => resets };
    }

    it("sends a query once more, on a fresh connection", async () => {
      const { url, resets } = await serverResettingReusedConnections();
      const fetcher = createSubgraphFetcher({ idleSocketTimeoutMs: clientIdleMs });
      cleanups.push(() => fetcher.close());
      expect((await post(fetcher, url, "query Events__base__0 { ok }")).status).toBe(200);
      expect((await post(fetcher, url, "query Events__base__1 { ok }")).status).toBe(200);
      expect(resets()).toBe(1);
    });

    it("never sends a mutation twice: it may have run", async () => {
      const { url, resets } = await serverResettingReusedConnections();
      const fetcher = createSubgraphFetcher({ idleSocketTimeoutMs: clientIdleMs });
      cleanups.push(() => fetcher.close());
      expect((await post(fetcher, url, "query Events__base__0 { ok }")).status).toBe(200);
      await expect(post(fetcher, url, "mutation CreateEvent__base__0 { ok }", "mutation")).rejects.toMatchObject({ code: "ECONNRESET" });
      expect(resets()).toBe(1);
    });
  });
});
