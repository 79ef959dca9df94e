// A stand-in for the Auth service (a system Marquee does not own), speaking the access
// contract of the README over real HTTP. It can be switched off and on to test failures.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { decodeJwt } from "jose";
import type { AccessFacts } from "../access/access-source.ts";

export interface FakeAuthService {
  url: string;
  requests: number;
  /** When false, every request fails with HTTP 503, as an Auth service in trouble would. */
  healthy: boolean;
  close(): Promise<void>;
}

/** `facts` lists what the service knows; it answers for the user named by the forwarded token. */
export async function startFakeAuthService(facts: AccessFacts[]): Promise<FakeAuthService> {
  const state = { requests: 0, healthy: true };
  const server: Server = createServer((request, response) => {
    state.requests += 1;
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (!state.healthy) return reply(503, { error: "unavailable" });
    const url = new URL(request.url ?? "/", "http://auth");
    const token = request.headers.authorization?.replace(/^Bearer /, "");
    if (url.pathname !== "/v1/access" || !token) return reply(url.pathname === "/v1/access" ? 401 : 404, { error: "bad request" });
    const userId = decodeJwt(token).sub;
    const companyId = url.searchParams.get("companyId");
    const own = facts.filter((entry) => entry.userId === userId);
    if (companyId === null) return reply(200, { companies: own });
    const match = own.find((entry) => entry.company.id === companyId);
    return match ? reply(200, match) : reply(404, { error: "not_a_member" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return state.requests;
    },
    get healthy() {
      return state.healthy;
    },
    set healthy(value: boolean) {
      state.healthy = value;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  } as FakeAuthService;
}
