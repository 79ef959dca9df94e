import { spawn, spawnSync } from "node:child_process";
import { closeSync, constants, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { BatchedLineWriter } from "./batched-line-writer.ts";

const directories: string[] = [];
const descriptors: number[] = [];
afterEach(() => {
  for (const fd of descriptors.splice(0)) closeSync(fd);
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function scratchDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), "marquee-lines-"));
  directories.push(directory);
  return directory;
}

function fileWriter(options: { batchChars: number; maxDelayMs?: number }) {
  const path = join(scratchDirectory(), "out.log");
  const fd = openSync(path, "w");
  descriptors.push(fd);
  return { writer: new BatchedLineWriter({ fd, ...options }), read: () => readFileSync(path, "utf8") };
}

/** A named pipe with both ends open, non-blocking, as a process's standard output can be. */
function namedPipe() {
  const directory = scratchDirectory();
  const path = join(directory, "pipe");
  expect(spawnSync("mkfifo", [path]).status).toBe(0);
  const reader = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const writer = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
  return { directory, path, reader, writer };
}

/** Writes into the pipe until it takes nothing more (64 KiB of "x" on Linux). */
function fillPipe(fd: number): void {
  try {
    for (;;) writeSync(fd, Buffer.alloc(1024, "x"));
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe("EAGAIN");
  }
}

/** A reader in another process (it runs while a flushSync holds this thread): what it read once every writer has closed, the filling taken off. */
function drainedByAnotherProcess(pipe: { directory: string; path: string }, afterSeconds = 0): Promise<string> {
  const out = join(pipe.directory, "drained");
  const cat = spawn("sh", ["-c", `sleep ${afterSeconds}; cat "${pipe.path}" > "${out}"`]);
  return new Promise((resolve) => cat.on("exit", () => resolve(readFileSync(out, "utf8").replace(/^x+/, ""))));
}

const flushed = (writer: BatchedLineWriter) => new Promise<Error | undefined>((resolve) => writer.flush(resolve));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What `read` gives once it gives `expected`, or after five seconds, whatever it gives then. */
async function until(read: () => string, expected: string): Promise<string> {
  for (const deadline = Date.now() + 5_000; Date.now() < deadline; await pause(5)) {
    if (read() === expected) return expected;
  }
  return read();
}
const line = (n: number, text = "operation") => `${JSON.stringify({ n, msg: text })}\n`;

describe("the batched line writer", () => {
  it("holds lines until a batch has gathered, then writes them in one go, in order", async () => {
    const { writer, read } = fileWriter({ batchChars: 60, maxDelayMs: 60_000 });
    writer.write(line(1));
    writer.write(line(2));
    await pause(30);
    expect(read()).toBe("");

    writer.write(line(3));
    expect(await until(read, line(1) + line(2) + line(3))).toBe(line(1) + line(2) + line(3));
  });

  it("writes a quiet process's lines after the longest delay, however few", async () => {
    const { writer, read } = fileWriter({ batchChars: 1_000_000, maxDelayMs: 300 });
    const firstAt = Date.now();
    writer.write(line(1));
    expect(await until(read, line(1))).toBe(line(1));
    expect(Date.now() - firstAt).toBeGreaterThanOrEqual(300);

    // The delay starts again with the next line after a batch.
    const secondAt = Date.now();
    writer.write(line(2));
    expect(await until(read, line(1) + line(2))).toBe(line(1) + line(2));
    expect(Date.now() - secondAt).toBeGreaterThanOrEqual(300);
  });

  it("writes every line exactly once, in order, when lines keep coming while a batch is in flight; flush(done) answers once all are written", async () => {
    const { writer, read } = fileWriter({ batchChars: 500, maxDelayMs: 60_000 });
    const lines = Array.from({ length: 3_000 }, (_, n) => line(n, n % 7 === 0 ? "opération à l'étage" : "operation"));
    for (const each of lines) writer.write(each);
    expect(await flushed(writer)).toBeUndefined();
    expect(read()).toBe(lines.join(""));
  });

  it("answers flush(done) once the batch in flight and the few lines gathered behind it are written", async () => {
    const { writer, read } = fileWriter({ batchChars: 60, maxDelayMs: 60_000 });
    for (const n of [1, 2, 3]) writer.write(line(n));
    writer.write(line(4));
    expect(await flushed(writer)).toBeUndefined();
    expect(read()).toBe(line(1) + line(2) + line(3) + line(4));
  });

  it("writes what has gathered synchronously on flushSync, for a process's exit", () => {
    const { writer, read } = fileWriter({ batchChars: 1_000_000, maxDelayMs: 60_000 });
    writer.write(line(1));
    writer.write(line(2, "é"));
    writer.flushSync();
    expect(read()).toBe(line(1) + line(2, "é"));
  });

  it("writes everything into a full pipe as its reader makes room (a full pipe's EAGAIN, partial writes)", async () => {
    const pipe = namedPipe();
    descriptors.push(pipe.reader, pipe.writer);
    const writer = new BatchedLineWriter({ fd: pipe.writer, batchChars: 16 * 1024, maxDelayMs: 60_000, retryAfterMs: 5 });
    // Four times what a Linux pipe holds (64 KiB).
    const lines = Array.from({ length: 8_000 }, (_, n) => line(n));
    for (const each of lines) writer.write(each);

    let settled = false;
    const done = flushed(writer).then((error) => {
      settled = true;
      return error;
    });
    await pause(50);
    expect(settled).toBe(false);

    const chunks: Buffer[] = [];
    const buffer = Buffer.alloc(64 * 1024);
    const drain = () => {
      for (;;) {
        try {
          const read = readSync(pipe.reader, buffer);
          if (read === 0) return;
          chunks.push(Buffer.from(buffer.subarray(0, read)));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === "EAGAIN") return;
          throw error;
        }
      }
    };
    while (!settled) {
      drain();
      await pause(2);
    }
    drain();
    expect(await done).toBeUndefined();
    expect(Buffer.concat(chunks).toString("utf8")).toBe(lines.join(""));
  });

  it("waits at exit for a full pipe's reader to make room, and gives up with EAGAIN when none takes anything for ten retries", async () => {
    const pipe = namedPipe();
    descriptors.push(pipe.reader);
    const writer = new BatchedLineWriter({ fd: pipe.writer, batchChars: 1_000_000, maxDelayMs: 60_000, retryAfterMs: 50 });

    fillPipe(pipe.writer);
    writer.write(line(1));
    const startedAt = Date.now();
    expect(() => writer.flushSync()).toThrow(/EAGAIN/);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(500);

    const lines = Array.from({ length: 3_000 }, (_, n) => line(n));
    for (const each of lines) writer.write(each);
    const drained = drainedByAnotherProcess(pipe, 0.1);
    writer.flushSync();
    closeSync(pipe.writer);
    expect(await drained).toBe(lines.join(""));
  });

  it("writes at exit a batch the full pipe refused, before the lines gathered after it", async () => {
    const pipe = namedPipe();
    descriptors.push(pipe.reader);
    fillPipe(pipe.writer);
    const writer = new BatchedLineWriter({ fd: pipe.writer, batchChars: 100, maxDelayMs: 60_000, retryAfterMs: 60_000 });
    const refused = [1, 2, 3, 4].map((n) => line(n));
    for (const each of refused) writer.write(each);
    // The batch went to the thread pool and came back refused; it now waits a minute for its next try.
    await pause(50);
    const gathered = [5, 6].map((n) => line(n));
    for (const each of gathered) writer.write(each);

    const drained = drainedByAnotherProcess(pipe);
    writer.flushSync();
    closeSync(pipe.writer);
    expect(await drained).toBe([...refused, ...gathered].join(""));
  });

  it("stops holding lines once the reader is gone (EPIPE), as pino does, and tells a waiting flush", async () => {
    const pipe = namedPipe();
    closeSync(pipe.reader);
    descriptors.push(pipe.writer);
    const writer = new BatchedLineWriter({ fd: pipe.writer, batchChars: 1_000_000, maxDelayMs: 60_000 });
    writer.write(line(1));
    expect((await flushed(writer))?.message).toMatch(/EPIPE/);

    writer.write(line(2));
    expect(await flushed(writer)).toBeUndefined();
    expect(() => writer.flushSync()).not.toThrow();
  });
});

describe("a process's log on standard output", () => {
  const logger = fileURLToPath(new URL("./logger.ts", import.meta.url));
  const runChild = (ending: string) => {
    const script = join(scratchDirectory(), "child.ts");
    writeFileSync(
      script,
      `import { createLogger } from ${JSON.stringify(logger)};\n` +
        `const log = createLogger({ name: "finance", level: "info" });\n` +
        `for (let n = 0; n < 3; n++) log.info({ n }, "operation");\n` +
        ending,
    );
    return spawnSync(process.execPath, ["--import", "tsx", "--conditions=marquee:source", script], { encoding: "utf8", timeout: 30_000 });
  };
  const loggedNumbers = (stdout: string) =>
    stdout
      .split("\n")
      .filter(Boolean)
      .map((each) => (JSON.parse(each) as { n: number; service: string }).n);

  it("has every line the process wrote before it exited, on an exit while lines are still gathered", () => {
    const child = runChild("process.exit(0);\n");
    expect(child.status).toBe(0);
    expect(loggedNumbers(child.stdout)).toEqual([0, 1, 2]);
  });

  it("has every line the process wrote before it crashed on an uncaught error", () => {
    const child = runChild('setTimeout(() => { throw new Error("crash"); }, 5);\n');
    expect(child.status).toBe(1);
    expect(child.stderr).toMatch(/Error: crash/);
    expect(loggedNumbers(child.stdout)).toEqual([0, 1, 2]);
  });
});
