// One structured JSON logger per process (pino). Tests pass their own destination to
// read what was logged. Standard output is written asynchronously: a request never waits
// for a write(2), and lines logged while one is under way go out together in the next.
// pino flushes what is left synchronously when the process exits, so no line is lost on
// a normal exit or a drained shutdown.
import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger } from "pino";

export function createLogger(options: { name: string; level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      name: options.name,
      level: options.level,
      base: { service: options.name },
      // Tokens and secrets never reach a log line, whatever a caller passes along.
      redact: { paths: ["*.authorization", "*.token", "headers.authorization", "headers[\"x-gateway-secret\"]"], censor: "[redacted]" },
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
