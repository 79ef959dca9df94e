// The time one subgraph request spends in its access layer (issue #8: "access layer ≤ 10 %
// of a subgraph's throughput"), observed once per request as marquee_access_layer_seconds
// (metrics.ts, from graphql-request-plugin.ts). Measured, in wall-clock time:
// - building the caller's access: validateJwt and requireCompanyContext
//   (subgraph/build-request-context.ts);
// - deciding the access rules before execution: finding the rules the document selects and
//   deciding each, which resolves the access context (its cache, or the access directory)
//   (rules/operation-decisions.ts, rules/request-decisions.ts);
// - each guarded field's look-up of its rule's decision during execution, not the resolver
//   it guards (rules/guarded-resolver.ts).
// The clock adds up the time during which at least one of these is under way, so rules
// decided at the same time (or a field waiting on a decision still under way) count once.
// Wall-clock time: a directory read's wait counts, and so does a moment the process is not
// scheduled in the middle of one of these.

/** The property of the request context that holds its clock (a symbol: no module reads it by name). */
export const accessLayerClockKey: unique symbol = Symbol("marquee.accessLayerClock");

export class AccessLayerClock {
  private milliseconds: number;
  private open = 0;
  private openedAt = 0;

  /** `alreadyMs`: access work timed before the clock existed (the request context's building). */
  constructor(alreadyMs = 0) {
    this.milliseconds = alreadyMs;
  }

  begin(): void {
    if (this.open++ === 0) this.openedAt = performance.now();
  }

  end(): void {
    if (--this.open === 0) this.milliseconds += performance.now() - this.openedAt;
  }

  get seconds(): number {
    return this.milliseconds / 1000;
  }
}

/** A context that carries the clock of its request (the kit's request context, and every context built on it). */
export interface TimedContext {
  readonly [accessLayerClockKey]: AccessLayerClock;
}

/**
 * The request's clock; undefined for a context the kit did not build (the gateway's). Read
 * through the prototype chain: a module's context and Apollo's copy of it share the clock.
 */
export function accessLayerClockOf(context: object): AccessLayerClock | undefined {
  return (context as Partial<TimedContext>)[accessLayerClockKey];
}
