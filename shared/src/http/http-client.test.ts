// The kit's client for calls between Marquee's services, against real servers on this host:
// it keeps connections alive, hands back what the server answered, gives up at its deadline,
// and resends only a request that changes nothing when a reused connection was reset.
import { createServer as createTcpServer, type AddressInfo, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpClient, HttpTimeoutError } from "./http-client.ts";
import { listen } from "./listen.ts";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function client() {
  const created = createHttpClient();
  cleanups.push(() => created.close());
  return created;
}

const post = (body: string, timeoutMs?: number) => ({ method: "POST", headers: { "content-type": "application/json" }, body, ...(timeoutMs === undefined ? {} : { timeoutMs }) });

describe("the kit's HTTP client", () => {
  it("sends the body with its length, hands back status, headers and body, and keeps one connection for calls in turn", async () => {
    let connections = 0;
    const received: string[] = [];
    const server = await listen((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        received.push(`${request.headers["content-length"]} ${Buffer.concat(chunks).toString()}`);
        response.writeHead(received.length === 3 ? 500 : 200, "Fine", { "x-answer": String(received.length) });
        response.end(`answer ${received.length} é`);
      });
    }, 0);
    server.server.on("connection", () => connections++);
    cleanups.push(() => server.close());

    const http = client();
    const answers = [];
    for (const body of ["{}", '{"a":"é"}', "[]"]) answers.push(await http.send(`${server.url}/graphql`, post(body), true));

    expect(received).toEqual(["2 {}", '10 {"a":"é"}', "2 []"]);
    expect(answers.map((answer) => [answer.status, answer.statusText, answer.body.toString()])).toEqual([
      [200, "Fine", "answer 1 é"],
      [200, "Fine", "answer 2 é"],
      [500, "Fine", "answer 3 é"],
    ]);
    expect(answers[1]!.rawHeaders).toContain("x-answer");
    expect(connections).toBe(1);
  });

  it("gives up at the deadline with a TimeoutError and closes the connection", async () => {
    let closed = false;
    const server = await listen((request) => request.socket.on("close", () => (closed = true)), 0);
    cleanups.push(() => server.close());

    const started = performance.now();
    const failure = await client()
      .send(`${server.url}/graphql`, post("{}", 200), true)
      .then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(HttpTimeoutError);
    expect(failure).toMatchObject({ name: "TimeoutError" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    await expect.poll(() => closed).toBe(true);
  });

  describe("when a server resets a reused connection before reading the request", () => {
    async function serverResettingReusedConnections() {
      const sockets = new Set<Socket>();
      const requests: string[] = [];
      const server = createTcpServer((socket) => {
        sockets.add(socket);
        let onThisSocket = 0;
        socket.on("data", (data) => {
          // The first request on a connection is answered; any later one meets a closed socket.
          if (++onThisSocket > 1) return socket.resetAndDestroy();
          requests.push(data.toString().split("\r\n\r\n")[1]!);
          socket.write("HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: keep-alive\r\n\r\nok");
        });
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      cleanups.push(
        () =>
          new Promise<void>((resolve) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => resolve());
          }),
      );
      return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, requests };
    }

    it("sends a request that changes nothing once more, on a fresh connection", async () => {
      const { url, requests } = await serverResettingReusedConnections();
      const http = client();
      expect((await http.send(url, post("first"), true)).status).toBe(200);
      expect((await http.send(url, post("second"), true)).body.toString()).toBe("ok");
      expect(requests).toEqual(["first", "second"]);
    });

    it("never sends any other request twice: it may have run", async () => {
      const { url, requests } = await serverResettingReusedConnections();
      const http = client();
      expect((await http.send(url, post("first"), true)).status).toBe(200);
      await expect(http.send(url, post("second"), false)).rejects.toMatchObject({ code: "ECONNRESET" });
      expect(requests).toEqual(["first"]);
    });
  });
});
