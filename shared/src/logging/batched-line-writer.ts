// Where a process's log lines go: gathered in memory and written to a file descriptor
// (standard output) in batches, asynchronously, so that a request never waits for a
// write(2) and one write(2) carries dozens of lines.
//
// pino's own asynchronous destination (sonic-boom) appends each line to one growing string
// and counts that string's UTF-8 length again on every line (a copy of the batch so far per
// line), then hands the thread pool a write every 4 KiB. Here a line is appended to an
// array and counted by its length; a batch is joined and encoded once, when it is written.
// Issue #8's micro-benchmark of the gateway's operation line: 1.2–1.4 µs of CPU per line
// here against 3.4–3.6 µs.
//
// Nothing is dropped (spec §12: every operation is logged), so the buffer is not bounded,
// as sonic-boom's was not: a standard output that takes nothing shows as the process's
// memory growing, and its lines go out when the reader catches up.
import { write, writeSync } from "node:fs";

export interface BatchedLineWriterOptions {
  fd: number;
  /** A batch goes out once this many characters have gathered and no write is in flight. */
  batchChars?: number;
  /** ... or this long after its first line, however few have gathered: a quiet process's lines are not held back. */
  maxDelayMs?: number;
  /** How long to wait before writing again to a descriptor that took nothing (EAGAIN: a full pipe). */
  retryAfterMs?: number;
}

export class BatchedLineWriter {
  readonly #fd: number;
  readonly #batchChars: number;
  readonly #maxDelayMs: number;
  readonly #retryAfterMs: number;
  #lines: string[] = [];
  #chars = 0;
  #writing = false;
  #flushTimer: NodeJS.Timeout | undefined;
  /** A batch the descriptor refused (EAGAIN), waiting for its next try: not in the thread pool. */
  #retry: { batch: Buffer; timer: NodeJS.Timeout } | undefined;
  /** Callers of flush(done) waiting for every line gathered so far to be written. */
  #waiting: ((error?: Error) => void)[] = [];
  /** The reader is gone (EPIPE): no line can reach anyone any more. */
  #readerGone = false;

  constructor(options: BatchedLineWriterOptions) {
    this.#fd = options.fd;
    this.#batchChars = options.batchChars ?? 16 * 1024;
    this.#maxDelayMs = options.maxDelayMs ?? 1000;
    this.#retryAfterMs = options.retryAfterMs ?? 100;
  }

  /** pino's destination interface: one call per line, the line with its newline. */
  write(line: string): void {
    if (this.#readerGone) return;
    this.#lines.push(line);
    this.#chars += line.length;
    if (this.#writing) return;
    if (this.#chars >= this.#batchChars) this.#writeBatch();
    else this.#flushLater();
  }

  /** Writes what has gathered, whatever its size; `done` is called once all of it, and anything in flight, is written. */
  flush(done?: (error?: Error) => void): void {
    if (done) this.#waiting.push(done);
    if (this.#writing) return;
    if (this.#lines.length > 0) this.#writeBatch();
    else this.#settleWaiting();
  }

  /**
   * Writes what has gathered now, synchronously: for a process's exit, when no callback
   * will run again. A batch already handed to the thread pool is left to it (writing it
   * again could write its lines twice); one waiting to be tried again is written first.
   * A full pipe is waited for, until its reader has taken nothing for ten retry periods
   * (a second by default).
   */
  flushSync(): void {
    if (this.#readerGone) return;
    const refused = this.#retry;
    if (refused) {
      clearTimeout(refused.timer);
      this.#retry = undefined;
      this.#writing = false;
    }
    let rest = refused ? Buffer.concat([refused.batch, this.#takeBatch()]) : this.#takeBatch();
    let giveUpAt = Date.now() + 10 * this.#retryAfterMs;
    while (rest.length > 0) {
      try {
        rest = rest.subarray(writeSync(this.#fd, rest));
        giveUpAt = Date.now() + 10 * this.#retryAfterMs;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EPIPE") {
          this.#readerGone = true;
          return;
        }
        if (!isFull(error) || Date.now() > giveUpAt) throw error;
        // Nothing else can run at exit: wait for the reader to make room.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, this.#retryAfterMs / 10);
      }
    }
  }

  #flushLater(): void {
    this.#flushTimer ??= setTimeout(() => {
      this.#flushTimer = undefined;
      this.flush();
    }, this.#maxDelayMs).unref();
  }

  #takeBatch(): Buffer {
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    const batch = Buffer.from(this.#lines.join(""), "utf8");
    this.#lines = [];
    this.#chars = 0;
    return batch;
  }

  #writeBatch(): void {
    this.#writing = true;
    this.#writeOut(this.#takeBatch());
  }

  #writeOut(batch: Buffer): void {
    write(this.#fd, batch, 0, batch.length, null, (error, written) => {
      if (error) return this.#failed(error, batch);
      if (written < batch.length) return this.#writeOut(batch.subarray(written));
      this.#writing = false;
      if (this.#chars >= this.#batchChars || (this.#waiting.length > 0 && this.#lines.length > 0)) this.#writeBatch();
      else if (this.#lines.length > 0) this.#flushLater();
      else this.#settleWaiting();
    });
  }

  #failed(error: NodeJS.ErrnoException, batch: Buffer): void {
    if (isFull(error)) {
      const timer = setTimeout(() => {
        this.#retry = undefined;
        this.#writeOut(batch);
      }, this.#retryAfterMs).unref();
      this.#retry = { batch, timer };
      return;
    }
    if (error.code === "EPIPE") {
      // As pino does: the process goes on serving, and stops holding lines nobody can read.
      this.#readerGone = true;
      this.#writing = false;
      this.#lines = [];
      this.#chars = 0;
      this.#settleWaiting(error);
      return;
    }
    // Any other failure (EBADF, EIO, ENOSPC): the process stops loudly rather than go on
    // serving operations it cannot log.
    throw error;
  }

  #settleWaiting(error?: Error): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const done of waiting) done(error);
  }
}

/** The descriptor took nothing for now: a non-blocking pipe whose reader is behind. */
function isFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "EAGAIN" || code === "EBUSY";
}

let standardOutput: BatchedLineWriter | undefined;

/**
 * The process's one writer of standard output, shared by every logger in it (the local
 * stack runs six subgraphs and the gateway in one process). What has gathered is written
 * when the process exits, a drained stop and a crash included; a SIGKILL loses at most
 * the last second of lines.
 */
export function standardOutputLines(): BatchedLineWriter {
  if (!standardOutput) {
    const writer = new BatchedLineWriter({ fd: 1 });
    process.on("exit", () => writer.flushSync());
    standardOutput = writer;
  }
  return standardOutput;
}
