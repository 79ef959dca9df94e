// What every resolver and access rule of every subgraph receives. It is built by the
// kit for each request (subgraph/build-request-context.ts); a module adds its own data
// access on top and never reads headers or decides access itself.
import type { Logger } from "pino";
import type { AccessDecision } from "../access/access-cache.ts";
import type { AccessContext } from "../access/access-context.ts";
import type { CompanyContext } from "../auth/company-context.ts";
import type { Authentication } from "../auth/validate-jwt.ts";

export interface RequestContext {
  /** Propagated from the gateway (X-Request-Id) so that one request reads as one story in the logs. */
  requestId: string;
  authentication: Authentication;
  company: CompanyContext;
  /** The caller's access in the requested company, resolved once per request on first use. */
  accessDecision(): Promise<AccessDecision>;
  /** The caller's access in every company they belong to (the viewer query), read once per request; needs a valid token. */
  viewerAccess(): Promise<AccessContext[]>;
  /** The caller and company every query is scoped to; only reachable behind an access rule. */
  readonly tenant: Tenant;
  /** Headers that let this subgraph call Base on the caller's behalf (spec §5.1). */
  readonly callerHeaders: Record<string, string>;
  logger: Logger;
}

export interface Tenant {
  userId: string;
  companyId: string;
}
