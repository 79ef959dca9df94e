// Budgets counted in this process's memory: the limiter of a single gateway (the local
// stack, a deployment without Redis) and the Redis limiter's stand-in while Redis does not
// answer. Each instance counts alone, so N instances admit up to N times the limits.
import { judge } from "./gcra.ts";
import { storageKeyOf, type Admission, type Budget, type RateLimiter } from "./rate-limiter.ts";

export interface InProcessRateLimiterOptions {
  /**
   * The most budgets held at once. Only budgets charged within the last minute are held
   * (a budget whole again is dropped), so this is reached only when more users and
   * companies than that send requests within one minute.
   */
  maxBudgets?: number;
  /** Now, in microseconds; a monotonic clock by default (tests turn one by hand). */
  clockUs?: () => number;
}

const monotonicClockUs = () => Math.round((performance.timeOrigin + performance.now()) * 1000);

export class InProcessRateLimiter implements RateLimiter {
  /** Budget → when it is whole again, the least recently charged first. */
  private readonly wholeAt = new Map<string, number>();
  private readonly maxBudgets: number;
  private readonly clockUs: () => number;

  constructor(options: InProcessRateLimiterOptions = {}) {
    this.maxBudgets = options.maxBudgets ?? 100_000;
    this.clockUs = options.clockUs ?? monotonicClockUs;
  }

  /** How many budgets are held now (the memory the limiter takes). */
  get size(): number {
    return this.wholeAt.size;
  }

  async admit(budgets: readonly Budget[]): Promise<Admission> {
    const now = this.clockUs();
    this.dropWholeBudgets(now);
    const keys = budgets.map(storageKeyOf);
    const verdict = judge(
      budgets.map((budget) => budget.limit),
      keys.map((key) => this.wholeAt.get(key)),
      now,
    );
    if (!verdict.admitted) return { admitted: false, budget: budgets[verdict.index]!, retryAfterMs: verdict.waitUs / 1000 };
    keys.forEach((key, index) => {
      // Charged last, held last: the map stays ordered from the least recently charged.
      this.wholeAt.delete(key);
      this.wholeAt.set(key, verdict.wholeAt[index]!);
    });
    // Past the bound, the least recently charged budget is forgotten: its holder starts
    // afresh (admitted more than the limit, once) rather than every newcomer being refused.
    for (const key of this.wholeAt.keys()) {
      if (this.wholeAt.size <= this.maxBudgets) break;
      this.wholeAt.delete(key);
    }
    return { admitted: true };
  }

  async close(): Promise<void> {}

  /**
   * Drops the budgets whole again from the front, up to the first one still in use. That
   * one was charged within the last minute, and all behind it later: what stays held is
   * at most the budgets charged in the last minute, for one step per dropped budget.
   */
  private dropWholeBudgets(now: number): void {
    for (const [key, wholeAt] of this.wholeAt) {
      if (wholeAt > now) return;
      this.wholeAt.delete(key);
    }
  }
}
