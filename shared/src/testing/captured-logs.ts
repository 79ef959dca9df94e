// A log destination that keeps every JSON line, so tests can assert what was logged.
import { Writable } from "node:stream";

export interface CapturedLogs {
  destination: Writable;
  lines(): Record<string, any>[];
  /** The lines as written: JSON.parse would hide a key written twice. */
  rawLines(): string[];
}

export function captureLogs(): CapturedLogs {
  const lines: Record<string, any>[] = [];
  const rawLines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split("\n")) {
        if (!line.trim()) continue;
        rawLines.push(line);
        lines.push(JSON.parse(line) as Record<string, any>);
      }
      callback();
    },
  });
  return { destination, lines: () => lines, rawLines: () => rawLines };
}
