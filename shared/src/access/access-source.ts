// Where access facts come from. Two real sources stand behind this one interface: the
// access directory tables (Core's entitlements and Auth's memberships, the embedded
// default) and the Auth service over HTTP. Neither decides anything: the decision is
// made once, in access-context.ts, from the facts either of them returns.

export interface AccessFacts {
  userId: string;
  company: { id: string; name: string };
  /** Module keys the company is entitled to right now (Core). */
  entitlements: string[];
  /** Module keys granted to the user's membership in the company (Auth). */
  grants: string[];
  /** Permission keys (`module.resource.action`) of the membership (Auth). */
  permissions: string[];
}

export interface AccessSource {
  /**
   * The facts for (user, company); null when the company or the user is unknown or the
   * user has no active membership there. Rejects when the source itself fails.
   */
  loadAccessFacts(request: { userId: string; companyId: string; token: string }): Promise<AccessFacts | null>;
  /** The facts for every company the user is an active member of. */
  listAccessFacts(request: { userId: string; token: string }): Promise<AccessFacts[]>;
}

/** The source could not answer: never a denial, always a 503. */
export class AccessSourceUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AccessSourceUnavailableError";
  }
}

/** The Auth service refused the caller's token although its signature was valid (revoked, for example). */
export class AccessTokenRejectedError extends Error {
  constructor() {
    super("The Auth service rejected the token.");
    this.name = "AccessTokenRejectedError";
  }
}
