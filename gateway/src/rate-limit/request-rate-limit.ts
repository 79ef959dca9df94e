// The gateway's rate limits (issue #9): a request whose token has been verified is charged
// to its user's budget and, when it names a company, to that company's, before its document
// is read; a request over either is answered 429 RATE_LIMITED with Retry-After, at the cost
// of one token check and one count. Counted in Redis when REDIS_URL is set, so that all
// gateway instances share the budgets; else in this process.
import { HeaderMap } from "@apollo/server";
import { ErrorCode, httpStatusOf, rateLimited, requestIdHeader, requireCompanyContext, type Environment, type Logger, type RateLimits } from "@marquee/kit";
import { logGatewayOperation } from "../operation-line.ts";
import { InProcessRateLimiter } from "./in-process-rate-limiter.ts";
import type { Budget, RateLimiter } from "./rate-limiter.ts";
import { RedisRateLimiter } from "./redis-rate-limiter.ts";

export interface Caller {
  requestId: string;
  /** From the verified token. */
  userId: string;
  /** The X-Company-Id header as sent. */
  companyHeader: string | undefined;
}

export interface RequestRateLimit {
  /** Charges the caller's request, or throws RATE_LIMITED (HTTP 429 with Retry-After) when a budget is spent. */
  charge(caller: Caller): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface RequestRateLimitOptions {
  environment: Environment;
  logger: Logger;
  /** The route the refusals are logged under. */
  endpoint: string;
  /** Where the gateway instances count together; without it each process counts alone. */
  redisUrl?: URL;
}

const redisKeyPrefix = "marquee:rate-limit:";

export function createRequestRateLimit(limits: RateLimits, options: RequestRateLimitOptions): RequestRateLimit {
  const { logger } = options;
  const inProcess = new InProcessRateLimiter();
  const redis = options.redisUrl && budgetsInForce(limits)
    ? new RedisRateLimiter({ url: options.redisUrl, keyPrefix: redisKeyPrefix, timeoutMs: limits.redisTimeoutMs, fallback: inProcess, logger })
    : undefined;
  const limiter: RateLimiter = redis ?? inProcess;

  return {
    async charge(caller) {
      const budgets = budgetsOf(caller, limits);
      if (budgets.length === 0) return;
      const admission = await limiter.admit(budgets);
      if (admission.admitted) return;
      const { budget } = admission;
      // Retry-After is whole seconds; rounding down could send the caller back too early.
      const retryAfterSeconds = Math.max(1, Math.ceil(admission.retryAfterMs / 1000));
      const message = `Too many requests: ${budget.kind === "user" ? "a user" : "a company's users together"} may send ${budget.limit} a minute. Retry after ${retryAfterSeconds} s.`;
      // This request reaches no subgraph, so its line is written here. Its document was never
      // read (a refusal costs no parse): no action.
      logGatewayOperation(logger, options.endpoint, {
        requestId: caller.requestId,
        userId: caller.userId,
        companyId: budgets.find((candidate) => candidate.kind === "company")?.key ?? null,
        action: "unknown",
        outcome: { result: "denied", code: ErrorCode.RateLimited, reason: message },
      });
      throw rateLimited(message, {
        budget: budget.kind,
        limit: budget.limit,
        retryAfterSeconds,
        http: {
          status: httpStatusOf[ErrorCode.RateLimited],
          headers: new HeaderMap([
            ["retry-after", String(retryAfterSeconds)],
            [requestIdHeader, caller.requestId],
          ]),
        },
      });
    },
    async start() {
      if (redis) {
        await redis.connect();
      } else if (options.environment === "production" && budgetsInForce(limits)) {
        logger.warn("Rate limits are counted per gateway instance: with several instances, each admits the full limits. Set REDIS_URL to share them.");
      }
    },
    async stop() {
      await limiter.close();
    },
  };
}

function budgetsInForce(limits: RateLimits): boolean {
  return limits.userPerMinute !== "off" || limits.companyPerMinute !== "off";
}

/**
 * The user's budget is keyed by the verified user id alone, across companies: it is the
 * budget a caller cannot step around, since the company is only a header here (whether the
 * user belongs to it is decided later, in the subgraphs). The company's budget is keyed by
 * the company id in its one spelling, so that writing it in capitals opens no second one;
 * a request without a well-formed company id is refused by every company-scoped field
 * anyway and is charged to its user alone.
 */
function budgetsOf(caller: Caller, limits: RateLimits): Budget[] {
  const budgets: Budget[] = [];
  if (limits.userPerMinute !== "off") budgets.push({ kind: "user", key: caller.userId, limit: limits.userPerMinute });
  const company = requireCompanyContext(caller.companyHeader);
  if (limits.companyPerMinute !== "off" && company.status === "present") budgets.push({ kind: "company", key: company.companyId, limit: limits.companyPerMinute });
  return budgets;
}
