// How many requests a caller may send the gateway a minute (issue #9): one budget per user,
// one per company, counted in Redis when REDIS_URL is set (PlatformConfig.redisUrl) so that
// every gateway instance shares them, else in each process. The gateway applies them (gateway/src/rate-limit/).

/** Requests a minute, or `off` for no limit of that kind. */
export type RequestsPerMinute = number | "off";

export interface RateLimits {
  /** One user's requests, across every company the user acts in. */
  userPerMinute: RequestsPerMinute;
  /** The requests of all users acting in one company together. */
  companyPerMinute: RequestsPerMinute;
  /** How long a request waits for Redis before it is counted in its own process instead. */
  redisTimeoutMs: number;
}

/**
 * A person working through the frontend sends a few requests a page and rarely more than
 * one page a second: 600 a minute (10 a second, the whole minute's worth at once after a
 * pause) leaves such a user far inside and stops a runaway script or a leaked token. A
 * company's users together get five users' worth, 3,000 a minute (50 a second): a busy
 * promoter's office stays inside it, while one tenant cannot take the capacity that the
 * platform's other companies share.
 */
export const defaultRateLimits: RateLimits = { userPerMinute: 600, companyPerMinute: 3_000, redisTimeoutMs: 100 };

import type { IntegerReader } from "./request-limits.ts";

type Env = Record<string, string | undefined>;

const maxPerMinute = 1_000_000;

export function loadRateLimits(env: Env, readInteger: IntegerReader, problems: string[]): RateLimits {
  const userPerMinute = readPerMinute(env, "RATE_LIMIT_USER_PER_MINUTE", defaultRateLimits.userPerMinute, problems);
  const companyPerMinute = readPerMinute(env, "RATE_LIMIT_COMPANY_PER_MINUTE", defaultRateLimits.companyPerMinute, problems);
  return {
    userPerMinute,
    companyPerMinute,
    redisTimeoutMs: readInteger("RATE_LIMIT_REDIS_TIMEOUT_MS", defaultRateLimits.redisTimeoutMs, { min: 10, max: 2_000 }),
  };
}

/**
 * A whole number, or `off`. Zero is refused rather than read as "off" or as "refuse
 * everything": either reading would surprise half of the operators who write it.
 */
function readPerMinute(env: Env, name: string, fallback: RequestsPerMinute, problems: string[]): RequestsPerMinute {
  const value = env[name]?.trim();
  if (value === undefined || value === "") return fallback;
  if (value === "off") return "off";
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < 1 || parsed > maxPerMinute) {
    problems.push(`${name} must be a whole number of requests a minute from 1 to ${maxPerMinute}, or off (got "${value}").`);
    return fallback;
  }
  return parsed;
}
