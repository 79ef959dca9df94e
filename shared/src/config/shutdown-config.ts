// How a production process stops on SIGTERM (see http/listen.ts, `drain`). The defaults fit
// Kubernetes: endpoints are removed a few seconds after a pod is marked terminating, and
// the pod is killed 30 s after SIGTERM (terminationGracePeriodSeconds), so announcing for
// 5 s and then allowing 20 s for requests in flight stays inside that window.
import type { DrainTimings } from "../http/listen.ts";
import { ConfigError } from "./platform-config.ts";

export function loadShutdownTimings(env: NodeJS.ProcessEnv = process.env): DrainTimings {
  const problems: string[] = [];
  const read = (name: string, fallback: number, max: number) => {
    const value = env[name];
    if (value === undefined || value === "") return fallback;
    const parsed = Number(value);
    if (Number.isInteger(parsed) && parsed >= 0 && parsed <= max) return parsed;
    problems.push(`${name} must be a whole number of milliseconds from 0 to ${max} (got "${value}").`);
    return fallback;
  };
  const timings = { announceMs: read("SHUTDOWN_ANNOUNCE_MS", 5_000, 60_000), timeoutMs: read("SHUTDOWN_TIMEOUT_MS", 20_000, 300_000) };
  if (problems.length > 0) throw new ConfigError(problems);
  return timings;
}
