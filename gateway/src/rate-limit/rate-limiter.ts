// What the gateway asks of a rate limiter, whichever one counts: this process alone
// (in-process-rate-limiter.ts) or every gateway instance together (redis-rate-limiter.ts).

/** One allowance a request is charged against: `limit` requests a minute for everything under `key`. */
export interface Budget {
  /** What the budget is for (`user`, `company`): named in the refusal and the log. */
  kind: string;
  key: string;
  limit: number;
}

export type Admission = { admitted: true } | { admitted: false; budget: Budget; retryAfterMs: number };

export interface RateLimiter {
  /**
   * Charges one request to every budget, or to none of them when any one is spent: a
   * refused request costs its caller nothing, and a request the company's budget refuses
   * takes nothing from its user's. When several are spent, the one that frees last is
   * named, so that the caller who waits `retryAfterMs` is admitted.
   */
  admit(budgets: readonly Budget[]): Promise<Admission>;
  close(): Promise<void>;
}

/** The budget's name in a limiter's store: its kind first, so that a user and a company never share one. */
export function storageKeyOf(budget: Budget): string {
  return `${budget.kind}:${budget.key}`;
}
