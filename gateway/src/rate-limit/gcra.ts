// The counting both limiters share: the generic cell rate algorithm (GCRA), a token bucket
// kept as a single number per budget. A budget of L requests a minute refills one request
// every minute / L and holds at most L: a caller who paused may send the whole minute's
// worth at once, then one request per interval. The number kept is the moment the budget
// is whole again (`wholeAt`); a budget whole now needs no entry at all, which is what lets
// both limiters drop it (the map entry, the Redis key) as soon as that moment has passed.
// The Redis limiter runs the same rule in Lua (redis-rate-limiter.ts); times are whole
// microseconds in both, so the two count alike.

export const periodUs = 60_000_000;

/**
 * Microseconds between two requests at the budget's steady pace, rounded up: the pace
 * never exceeds the limit, and a burst holds exactly `limit` requests.
 */
export function intervalUs(limit: number): number {
  return Math.ceil(periodUs / limit);
}

export type Verdict = { admitted: true; wholeAt: number[] } | { admitted: false; index: number; waitUs: number };

/**
 * One request against every budget at `nowUs`, given when each is whole again (undefined:
 * whole now). Admitted: when each is whole again once charged. Refused: the budget that
 * frees last and how long until it admits one request.
 */
export function judge(limits: readonly number[], wholeAt: readonly (number | undefined)[], nowUs: number): Verdict {
  const charged: number[] = [];
  let refused: { index: number; waitUs: number } | undefined;
  for (const [index, limit] of limits.entries()) {
    const interval = intervalUs(limit);
    const next = Math.max(wholeAt[index] ?? nowUs, nowUs) + interval;
    // Charged, the budget would be whole again further ahead than a full budget reaches.
    const waitUs = next - nowUs - interval * limit;
    if (waitUs > 0) {
      if (!refused || waitUs > refused.waitUs) refused = { index, waitUs };
    } else {
      charged.push(next);
    }
  }
  return refused ? { admitted: false, ...refused } : { admitted: true, wholeAt: charged };
}
