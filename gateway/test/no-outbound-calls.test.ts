// The gateway and the subgraphs connect to nothing but what they are configured with: no
// usage reporting to Apollo, no probing of cloud metadata addresses (169.254.169.254 and
// the like), which @apollo/gateway does unless told not to. Every socket a whole stack
// opens while it starts and answers is watched through Node's diagnostics channel.
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "@marquee/gateway/testing";

const destinations = new Set<string>();
const watch = (message: unknown) => {
  const socket = (message as { socket: Socket }).socket;
  socket.once("connect", () => destinations.add(socket.remoteAddress ?? "unknown"));
  socket.once("lookup", (_error: unknown, address: string) => destinations.add(address));
};

let stack: TestStack;
beforeAll(async () => {
  subscribe("net.client.socket", watch);
  stack = await startTestStack();
});
afterAll(async () => {
  unsubscribe("net.client.socket", watch);
  await stack?.close();
});

describe("outbound connections", () => {
  it("go to loopback addresses only, while the stack starts and answers", async () => {
    const answer = await stack.query("{ events(first: 1) { edges { node { name } } } }", { as: "alice@northwind.test", company: "northwind" });
    expect(answer.status).toBe(200);
    // The metadata probes run in the background after construction: give them time to show.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(destinations.size).toBeGreaterThan(0);
    expect([...destinations].filter((address) => !/^(127\.|::1$|::ffff:127\.)/.test(address))).toEqual([]);
  });
});
