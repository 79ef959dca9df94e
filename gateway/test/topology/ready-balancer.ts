// What a Kubernetes Service does in front of a Deployment's pods, reduced to what the
// topology test needs: requests go round-robin to the instances whose /ready answered 200
// at the last probe (every `probeIntervalMs`, like a readiness probe), and an instance is
// added or removed as a rolling restart goes. Like kube-proxy, it never retries a request
// elsewhere: a request that fails here failed for the caller.
import { Agent, createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReadyBalancer {
  origin: string;
  add(origin: string): void;
  remove(origin: string): void;
  /** The instances in rotation right now. */
  ready(): string[];
  close(): Promise<void>;
}

export async function startReadyBalancer(initial: string[], probeIntervalMs = 100): Promise<ReadyBalancer> {
  const members = new Map<string, boolean>(initial.map((origin) => [origin, true]));
  // Idle sockets are dropped before the instances drop them (5 s), so that no request is sent on a socket being closed.
  const agent = new Agent({ keepAlive: true, timeout: 2_000 });
  let turn = 0;

  const probe = async () => {
    await Promise.all(
      [...members.keys()].map(async (origin) => {
        const ready = await fetch(`${origin}/ready`, { signal: AbortSignal.timeout(1_000) }).then((response) => response.status === 200, () => false);
        if (members.has(origin)) members.set(origin, ready);
      }),
    );
  };
  const prober = setInterval(() => void probe(), probeIntervalMs);
  await probe();

  const server: Server = createServer((incoming, outgoing) => {
    const ready = [...members].filter(([, isReady]) => isReady).map(([origin]) => origin);
    if (ready.length === 0) {
      outgoing.writeHead(503).end("no ready instance");
      return;
    }
    const target = new URL(incoming.url ?? "/", ready[turn++ % ready.length]);
    const forwarded = httpRequest(target, { method: incoming.method, headers: incoming.headers, agent }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    forwarded.on("error", () => {
      if (!outgoing.headersSent) outgoing.writeHead(502).end("instance failed");
      else outgoing.destroy();
    });
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    add: (origin) => void members.set(origin, false),
    remove: (origin) => void members.delete(origin),
    ready: () => [...members].filter(([, isReady]) => isReady).map(([origin]) => origin),
    close: async () => {
      clearInterval(prober);
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
