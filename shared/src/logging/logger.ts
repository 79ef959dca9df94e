// One structured JSON logger per process (pino). Tests pass their own destination to
// read what was logged. Standard output goes through the process's batched line writer
// (batched-line-writer.ts): a request never waits for a write(2), and lines go out
// together once 16 KiB have gathered (about 45 operation lines), or a second after the
// first of them when traffic is light. A write(2) costs more than formatting the line it
// carries (issue #8's profile: one write per line was 4 % of a subgraph's CPU under load).
// What has gathered is written synchronously when the process exits, so no line is lost on
// a normal exit, a crash or a drained shutdown; a SIGKILL loses at most the last second.
import { pino, type DestinationStream, type Logger } from "pino";
import { standardOutputLines } from "./batched-line-writer.ts";
import { withoutCredentials } from "./secret-censor.ts";

export type { Logger } from "pino";

export function createLogger(options: { name: string; level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      name: options.name,
      level: options.level,
      base: { service: options.name },
      // Tokens and secrets never reach a log line, whatever a caller passes along in its
      // fields. (A child logger's bindings are the platform's own ids: the request's, the
      // trace's, the subgraph's name.)
      formatters: { log: withoutCredentials },
    },
    options.destination ?? standardOutputLines(),
  );
}
