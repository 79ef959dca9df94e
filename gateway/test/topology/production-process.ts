// One Marquee process as production runs it: `node <package>/dist/main.js` from the build,
// NODE_ENV=production, configured by its environment alone.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));

export interface ProductionProcess {
  name: string;
  port: number;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  pid: number;
  /** Milliseconds from spawn to the first 200 on /ready. */
  readyAfterMs: number;
  /** Resident memory now, in MB, from /proc. */
  rssMb(): number;
  /** Sends the signal and resolves with the exit code once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
  output(): string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startProductionProcess(
  name: string,
  entry: string,
  env: Record<string, string>,
  options: { port?: number; readyTimeoutMs?: number } = {},
): Promise<ProductionProcess> {
  const port = options.port ?? (await freePort());
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [`${root}${entry}`], {
    cwd: root,
    // Every process would claim the default metrics port on this one host; this test does not read metrics.
    env: { PATH: process.env["PATH"] ?? "", NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), METRICS_PORT: "off", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));

  const origin = `http://127.0.0.1:${port}`;
  const deadline = started + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (gone) throw new Error(`${name} exited before it was ready:\n${output}`);
    if (performance.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${name} not ready after ${options.readyTimeoutMs ?? 60_000} ms:\n${output}`);
    }
    const ready = await fetch(`${origin}/ready`).then((response) => response.status === 200, () => false);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const readyAfterMs = performance.now() - started;

  return {
    name,
    port,
    origin,
    pid: child.pid!,
    readyAfterMs,
    rssMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
    },
    stop: (signal = "SIGTERM") => {
      if (!gone) child.kill(signal);
      return exited;
    },
    exited,
    output: () => output,
  };
}
