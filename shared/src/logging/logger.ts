// One structured JSON logger per process (pino). Tests pass their own destination to
// read what was logged.
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
    options.destination,
  );
}
