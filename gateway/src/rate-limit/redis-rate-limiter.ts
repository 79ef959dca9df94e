// Budgets counted in Redis, shared by every gateway instance: one Lua script reads and
// charges all of a request's budgets at once, so that concurrent requests on any number
// of instances can never both take a budget's last request. It needs one Redis (alone, or
// a primary behind Sentinel or a managed failover), not a Redis Cluster: a request's
// budgets (its user's, its company's) would lie on different shards there.
import { createHash } from "node:crypto";
import type { Logger } from "@marquee/kit";
import { Redis } from "ioredis";
import { intervalUs } from "./gcra.ts";
import { storageKeyOf, type Admission, type Budget, type RateLimiter } from "./rate-limiter.ts";

/**
 * gcra.ts's rule on Redis's clock (the instances' own clocks may disagree). KEYS: the
 * budgets; ARGV: each budget's interval (µs) and limit. Answers {1} when admitted and
 * charged, {0, the refusing budget's position, the microseconds to wait} when refused.
 * A key lives until its budget is whole again: a whole budget needs no key.
 */
const admitScript = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local charged = {}
local refused, longest = 0, 0
for i, key in ipairs(KEYS) do
  local interval = tonumber(ARGV[2 * i - 1])
  local limit = tonumber(ARGV[2 * i])
  local stored = redis.call('GET', key)
  local whole_at = math.max(stored and tonumber(stored) or now, now) + interval
  local wait = whole_at - now - interval * limit
  if wait > 0 then
    if wait > longest then refused, longest = i, wait end
  else
    charged[i] = whole_at
  end
end
if refused > 0 then return {0, refused, longest} end
for i, key in ipairs(KEYS) do
  redis.call('SET', key, string.format('%.0f', charged[i]), 'PX', math.ceil((charged[i] - now) / 1000))
end
return {1}
`;
const admitScriptSha = createHash("sha1").update(admitScript).digest("hex");

export interface RedisRateLimiterOptions {
  url: URL;
  /** Begins every key: the gateway's own corner of a Redis it may share with others. */
  keyPrefix: string;
  /** The longest a request waits for Redis before it is counted by the fallback. */
  timeoutMs: number;
  /** Counts the requests while Redis does not answer. */
  fallback: RateLimiter;
  logger: Logger;
}

export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis;
  /** From the first failure of an incident until Redis answers again: one log line each way per incident. */
  private failing = false;

  constructor(private readonly options: RedisRateLimiterOptions) {
    this.redis = new Redis(options.url.href, {
      lazyConnect: true,
      // A request never waits in a queue for a connection, nor for a second try: it fails
      // at once or after `timeoutMs`, and the fallback counts it.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.timeoutMs,
      connectTimeout: 1_000,
    });
    // Connection errors repeat on every reconnection attempt; the incident is logged once.
    this.redis.on("error", (error: Error) => this.failed(error));
  }

  /**
   * The first connection. A Redis that is not there does not keep the gateway from
   * starting: the client goes on reconnecting, and until then the fallback counts.
   */
  async connect(): Promise<void> {
    try {
      await this.redis.connect();
    } catch (error) {
      this.failed(error);
    }
  }

  /**
   * Availability over strictness: when Redis fails or is slower than `timeoutMs`, the
   * request is counted in this process instead of being refused or kept waiting. Each
   * instance then admits up to the full limits on its own, for as long as the incident
   * lasts; refusing every request, or letting each wait on Redis, would make a Redis
   * incident an outage of the whole API.
   */
  async admit(budgets: readonly Budget[]): Promise<Admission> {
    let answer: unknown;
    try {
      answer = await this.evaluate(budgets);
    } catch (error) {
      this.failed(error);
      return this.options.fallback.admit(budgets);
    }
    this.answered();
    const [admitted, position, waitUs] = answer as [number, number?, number?];
    return admitted === 1 ? { admitted: true } : { admitted: false, budget: budgets[position! - 1]!, retryAfterMs: waitUs! / 1000 };
  }

  async close(): Promise<void> {
    this.redis.disconnect();
    await this.options.fallback.close();
  }

  /** The script by its hash, sent whole only when Redis does not hold it yet (after a restart or a flush). */
  private async evaluate(budgets: readonly Budget[]): Promise<unknown> {
    const keys = budgets.map((budget) => `${this.options.keyPrefix}${storageKeyOf(budget)}`);
    const args = budgets.flatMap((budget) => [intervalUs(budget.limit), budget.limit]);
    try {
      return await this.redis.evalsha(admitScriptSha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith("NOSCRIPT"))) throw error;
      return await this.redis.eval(admitScript, keys.length, ...keys, ...args);
    }
  }

  private failed(error: unknown): void {
    if (this.failing) return;
    this.failing = true;
    this.options.logger.warn({ err: error }, "Redis does not answer the rate limiter: each gateway instance counts its own requests until it does");
  }

  private answered(): void {
    if (!this.failing) return;
    this.failing = false;
    this.options.logger.info("Redis answers the rate limiter again: the gateway instances count together");
  }
}
