// One process as production runs it: `node <options> <entry>` from the build, with the
// Node.js options and in the environment the image sets (NODE_ENV=production, glibc's malloc
// arenas and thresholds fixed, V8's heap kept close to what is live), configured by its
// environment alone. The production topology test starts Marquee's processes with it; the
// benchmark (`npm run bench`) also starts Hive Gateway with it, and reads each process's CPU
// time and peak memory from /proc.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * The environment the image's runtime stage sets for every process (the Dockerfile's ENV;
 * deploy-files.test.ts holds the two equal). MALLOC_ARENA_MAX=2: glibc gives each thread
 * that allocates an arena of its own, up to 8 per core, and memory freed in one arena is
 * not reused by another. Node.js runs JavaScript on one thread: with two arenas a subgraph
 * stays 30-45 MB smaller, and the CPU per request stayed within the benchmark's run-to-run
 * spread (issue #8). MALLOC_MMAP_THRESHOLD_ and MALLOC_TRIM_THRESHOLD_ at glibc's own
 * defaults (128 KiB) stop it raising both after a large block is freed, up to 32 and 64 MB:
 * large blocks go back to the system when freed, and so does the top of the heap. glibc's
 * heap after the same loads: Finance 12 MB instead of 26, Market 10 instead of 23, at the
 * same CPU per request.
 */
export const imageEnvironment = { NODE_ENV: "production", MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "131072", MALLOC_TRIM_THRESHOLD_: "131072" } as const;

/**
 * The Node.js options the image starts every process with (the Dockerfile's CMD;
 * deploy-files.test.ts holds the two equal). Under load V8 lets the old generation grow to
 * up to four times what survived the last full collection before it collects again, and a
 * server that answers many overlapping requests promotes much short-lived data: in the
 * benchmark the gateway peaked at 218-346 MB and Base at up to 284 MB, with 34 MB live.
 * Growing by half of what is live (--heap-growing-percent=50), in 8 MB semi-spaces instead
 * of 16, the gateway peaked at 166-182 MB and the subgraphs at 92-179 MB. The price, two
 * gateways side by side on the same subgraphs, three rounds: the same CPU per request with
 * one caller, 10-15 % more with 50 (1.03 against 0.90 ms for Q1); the semi-spaces alone
 * cost nothing measurable. A ceiling (--max-old-space-size) would cost a crash where a
 * limit costs a collection: 96 MB cost the gateway 20-60 % more CPU, 64 MB five times more
 * (issue #8).
 */
export const imageNodeOptions = ["--heap-growing-percent=50", "--max-semi-space-size=8"] as const;

export interface ProductionProcess {
  name: string;
  port: number;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  pid: number;
  /** Milliseconds from spawn to the first 200 on the ready path. */
  readyAfterMs: number;
  /** Resident memory now, in MB, from /proc. */
  rssMb(): number;
  /** The highest resident memory since the start or the last `resetPeakRss()`, in MB (VmHWM). */
  peakRssMb(): number;
  /** Starts a new peak: the kernel sets VmHWM back to the resident memory of now. */
  resetPeakRss(): void;
  /** CPU time used so far, user and system, in seconds. */
  cpuSeconds(): number;
  /** Sends the signal and resolves with the exit code once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
  output(): string;
}

export interface ProductionProcessOptions {
  port?: number;
  readyTimeoutMs?: number;
  /** What answers 200 once the process serves: Marquee's processes `/ready`; another server its own. */
  readyPath?: string;
  /** Arguments after the entry script. */
  args?: string[];
  /** Node.js's own options, before the entry script (those NODE_OPTIONS refuses, such as --cpu-prof). */
  nodeArgs?: string[];
  /**
   * A file the process writes its stdout and stderr to by itself. Without one the parent keeps the
   * last 20,000 characters in memory, which costs the parent CPU when a busy process logs every request.
   */
  logFile?: string;
}

/** A port free right now on 127.0.0.1 (released before it is handed out, so a process can bind it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let clockTicks: number | undefined;
/** /proc counts CPU time in clock ticks (USER_HZ), almost always 100 a second. */
function clockTicksPerSecond(): number {
  clockTicks ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  return clockTicks;
}

export async function startProductionProcess(name: string, entry: string, env: Record<string, string>, options: ProductionProcessOptions = {}): Promise<ProductionProcess> {
  const port = options.port ?? (await freePort());
  const readyPath = options.readyPath ?? "/ready";
  const started = performance.now();
  const logFd = options.logFile === undefined ? undefined : openSync(options.logFile, "a");
  const child: ChildProcess = spawn(process.execPath, [...imageNodeOptions, ...(options.nodeArgs ?? []), `${root}${entry}`, ...(options.args ?? [])], {
    cwd: root,
    // Every process would claim the default metrics port on this one host; nothing here reads metrics.
    env: { PATH: process.env["PATH"] ?? "", ...imageEnvironment, HOST: "127.0.0.1", PORT: String(port), METRICS_PORT: "off", ...env },
    stdio: logFd === undefined ? ["ignore", "pipe", "pipe"] : ["ignore", logFd, logFd],
  });
  // The child holds its own copy of the descriptor.
  if (logFd !== undefined) closeSync(logFd);
  let kept = "";
  child.stdout?.on("data", (chunk: Buffer) => (kept = (kept + chunk.toString()).slice(-20_000)));
  child.stderr?.on("data", (chunk: Buffer) => (kept = (kept + chunk.toString()).slice(-20_000)));
  const output = () => (options.logFile === undefined ? kept : readFileSync(options.logFile, "utf8").slice(-20_000));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));

  const origin = `http://127.0.0.1:${port}`;
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  const deadline = started + readyTimeoutMs;
  for (;;) {
    if (gone) throw new Error(`${name} exited before it was ready:\n${output()}`);
    if (performance.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${name} not ready after ${readyTimeoutMs} ms:\n${output()}`);
    }
    const ready = await fetch(`${origin}${readyPath}`).then((response) => response.status === 200, () => false);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const readyAfterMs = performance.now() - started;

  const statusMb = (field: "VmRSS" | "VmHWM") => {
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    return Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024);
  };
  return {
    name,
    port,
    origin,
    pid: child.pid!,
    readyAfterMs,
    rssMb: () => statusMb("VmRSS"),
    peakRssMb: () => statusMb("VmHWM"),
    resetPeakRss: () => writeFileSync(`/proc/${child.pid}/clear_refs`, "5"),
    cpuSeconds: () => {
      // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
      const stat = readFileSync(`/proc/${child.pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // Fields 14 and 15 of the file (utime, stime) are the 12th and 13th after the name.
      return (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond();
    },
    stop: (signal = "SIGTERM") => {
      if (!gone) child.kill(signal);
      return exited;
    },
    exited,
    output,
  };
}
