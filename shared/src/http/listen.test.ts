import { request as httpRequest } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { listen } from "./listen.ts";

interface Answer {
  status: number;
  connection: string | undefined;
  body: string;
}

/** A request on a connection of its own, so that what is seen is what the server does to new connections. */
function get(url: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { agent: false }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, body }));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

describe("a server drained on shutdown", () => {
  it("announces it is going on /ready, still serves, lets requests in flight finish, then refuses connections", async () => {
    const server = await listen((request, response) => {
      const delay = request.url === "/slow" ? 400 : 0;
      setTimeout(() => response.end(request.url), delay);
    }, 0);
    expect((await get(`${server.url}/ready`)).status).toBe(200);

    const slow = get(`${server.url}/slow`);
    await sleep(20);
    const drained = server.drain({ announceMs: 150, timeoutMs: 5_000 });
    await sleep(20);
    // While announcing: /ready says 503, every other request is served and told to reconnect.
    expect(await get(`${server.url}/ready`)).toMatchObject({ status: 503 });
    expect(await get(`${server.url}/other`)).toEqual({ status: 200, connection: "close", body: "/other" });

    await drained;
    expect(await slow).toMatchObject({ status: 200, body: "/slow" });
    await expect(get(`${server.url}/other`)).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });

  it("cuts requests still in flight once the timeout has passed", async () => {
    const server = await listen((_request, response) => void setTimeout(() => response.end("late"), 5_000).unref(), 0);
    const hanging = get(`${server.url}/hang`).catch((error: NodeJS.ErrnoException) => error.code);
    await sleep(20);
    const started = performance.now();
    await server.drain({ announceMs: 0, timeoutMs: 200 });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(await hanging).toBe("ECONNRESET");
  });
});
