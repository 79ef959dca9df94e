// The middleware chain's first steps, run for every request before any rule:
// validateJwt, requireCompanyContext, and a lazily resolved access context.
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { AccessDecision } from "../access/access-cache.ts";
import { accessContextFromFacts, type AccessContext } from "../access/access-context.ts";
import { AccessSourceUnavailableError, AccessTokenRejectedError } from "../access/access-source.ts";
import type { AccessResolver } from "../access/resolve-access-context.ts";
import { companyHeader, requireCompanyContext, type CompanyContext } from "../auth/company-context.ts";
import type { TokenVerifier } from "../auth/token-verifier.ts";
import { validateJwt, type Authentication } from "../auth/validate-jwt.ts";
import { forbidden, serviceUnavailable, unauthenticated } from "../errors/errors.ts";
import { AccessLayerClock, accessLayerClockKey } from "../observability/access-layer-clock.ts";
import type { RequestTrace } from "../observability/tracing.ts";
import type { RequestContext, Tenant } from "./request-context.ts";

export const requestIdHeader = "x-request-id";

export interface RequestContextServices {
  tokenVerifier: TokenVerifier;
  accessResolver: AccessResolver;
  logger: Logger;
}

const safeRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's request id when it is a safe one to log and forward; a new one otherwise. */
export function requestIdFrom(headers: { get(name: string): string | undefined }): string {
  const incomingId = headers.get(requestIdHeader);
  return incomingId && safeRequestId.test(incomingId) ? incomingId : randomUUID();
}

export async function buildRequestContext(headers: { get(name: string): string | undefined }, trace: RequestTrace, services: RequestContextServices): Promise<RequestContext> {
  const requestId = requestIdFrom(headers);
  // The access layer's first part (observability/access-layer-clock.ts): the token and the company.
  const startedAt = performance.now();
  const authentication = await validateJwt(headers.get("authorization"), services.tokenVerifier);
  const company = requireCompanyContext(headers.get(companyHeader));
  const accessLayer = new AccessLayerClock(performance.now() - startedAt);
  // Every line this request logs names its request and, where there is one, its trace (observability/tracing.ts).
  const { traceId } = trace;
  const logger = services.logger.child(traceId ? { requestId, traceId } : { requestId });
  return new PlatformRequestContext(requestId, authentication, company, services.accessResolver, logger, accessLayer, trace);
}

/**
 * A class, so that `tenant` and `callerHeaders` are getters on the prototype: Apollo
 * Server copies a context's own properties for every operation, and reading `tenant`
 * there, before any rule has run, would fail for requests that have no company.
 */
class PlatformRequestContext implements RequestContext {
  private decision: Promise<AccessDecision> | undefined;
  private viewer: Promise<AccessContext[]> | undefined;
  /** The time this request spends in its access layer, observed when it is answered. */
  readonly [accessLayerClockKey]: AccessLayerClock;

  constructor(
    readonly requestId: string,
    readonly authentication: Authentication,
    readonly company: CompanyContext,
    private readonly accessResolver: AccessResolver,
    readonly logger: Logger,
    accessLayer: AccessLayerClock,
    private readonly trace: RequestTrace,
  ) {
    this[accessLayerClockKey] = accessLayer;
  }

  accessDecision(): Promise<AccessDecision> {
    const { authentication, company } = this;
    if (authentication.status !== "authenticated" || company.status !== "present") {
      return Promise.reject(new Error("accessDecision() needs an authenticated caller and a company"));
    }
    this.decision ??= this.accessResolver.resolve({ userId: authentication.userId, companyId: company.companyId, token: authentication.token });
    return this.decision;
  }

  /** Read once per request: however many times it is asked for (aliases of `viewer`), the access source is asked once. */
  viewerAccess(): Promise<AccessContext[]> {
    this.viewer ??= this.readViewerAccess();
    return this.viewer;
  }

  private async readViewerAccess(): Promise<AccessContext[]> {
    const { authentication } = this;
    if (authentication.status !== "authenticated") throw unauthenticated();
    try {
      const facts = await this.accessResolver.source.listAccessFacts({ userId: authentication.userId, token: authentication.token });
      return facts.map(accessContextFromFacts);
    } catch (error) {
      if (error instanceof AccessSourceUnavailableError) throw serviceUnavailable("Access could not be checked right now; please retry shortly.");
      if (error instanceof AccessTokenRejectedError) throw unauthenticated("Authentication failed: the token was rejected.");
      throw error;
    }
  }

  get tenant(): Tenant {
    // Reached only behind an access rule; failing closed guards against a rule-less path.
    if (this.authentication.status !== "authenticated") throw unauthenticated();
    if (this.company.status !== "present") throw forbidden("This operation needs a company: send the X-Company-Id header.");
    return { userId: this.authentication.userId, companyId: this.company.companyId };
  }

  get callerHeaders(): Record<string, string> {
    const forwarded: Record<string, string> = { [requestIdHeader]: this.requestId };
    if (this.authentication.status === "authenticated") forwarded["authorization"] = `Bearer ${this.authentication.token}`;
    if (this.company.status === "present") forwarded[companyHeader] = this.company.companyId;
    // Read where the call to Base is made, so that Base's span is the child of this request's.
    this.trace.inject((name, value) => (forwarded[name] = value));
    return forwarded;
  }
}

/**
 * A module's context: the kit's request context with the module's own values on top.
 * Built on the request context rather than copied from it, so that nothing behind an
 * access rule (the tenant) is read before the rule has run.
 */
export function extendRequestContext<Extras extends object>(request: RequestContext, extras: Extras): RequestContext & Extras {
  return Object.assign(Object.create(request) as RequestContext, extras);
}
