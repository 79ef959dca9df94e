// A broken business rule, in every module: domain code throws a RuleViolation and builds
// no GraphQL error. The client is told exactly what the violation carries: BAD_USER_INPUT
// (HTTP 400 at the gateway), the message, the stable reason and the details. graphql-js
// copies a thrown error's `extensions` onto the error it reports, and the subgraph
// factory's masking (mask-error.ts) passes BAD_USER_INPUT as written, so no module maps
// its violations itself; code that calls the domain directly (a test, a data layer)
// sees the same extensions as the client.
import { ErrorCode } from "./errors.ts";

/** What is at fault, for a client to show: the input `field`, the status, the moves allowed... The reason and the code are the violation's own. */
export type RuleViolationDetails = Readonly<Record<string, unknown> & { reason?: never; code?: never }>;

/**
 * The details become the violation's own fields, and its own fields are what the client
 * receives: a subclass's typed fields (Finance's `currency`, `item`...) reach the client
 * as they are, so a subclass keeps nothing in a field that a client may not see.
 */
export class RuleViolation extends Error {
  /** Clients branch on it, so it never changes once released; the message may. */
  readonly reason: string;

  constructor(reason: string, message: string, details: RuleViolationDetails = {}) {
    super(message);
    this.name = new.target.name;
    this.reason = reason;
    Object.assign(this, details);
  }

  /** The error's extensions as the client receives them: the reason, the details and the code. */
  get extensions(): Readonly<Record<string, unknown>> {
    const { name: _name, ...fields } = this;
    return { ...fields, code: ErrorCode.BadUserInput };
  }
}
