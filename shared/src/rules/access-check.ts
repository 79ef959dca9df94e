// The checks behind the access rules, in the order the middleware chain runs them:
// token (401), company context (403), access context (403, or 503 when it cannot be
// resolved), module (403) and permission (403). Each denial says what was missing.
import { GraphQLError } from "graphql";
import { AccessSourceUnavailableError, AccessTokenRejectedError } from "../access/access-source.ts";
import type { AccessContext } from "../access/access-context.ts";
import { forbidden, serviceUnavailable, unauthenticated } from "../errors/errors.ts";
import type { RequestContext } from "../subgraph/request-context.ts";

export type Requirement =
  | { kind: "authenticated" }
  | { kind: "any-module" }
  | { kind: "module"; module: string }
  | { kind: "permission"; module: string; permission: string };

/** True when the requirement holds, otherwise the coded error to answer with. */
export async function checkRequirement(context: RequestContext, requirement: Requirement): Promise<true | GraphQLError> {
  const { authentication } = context;
  if (authentication.status === "anonymous") return unauthenticated();
  if (authentication.status === "invalid") return unauthenticated(`Authentication failed: ${authentication.reason}.`);
  if (requirement.kind === "authenticated") return true;

  const access = await resolveAccess(context);
  if (access instanceof GraphQLError) return access;
  if (requirement.kind === "any-module") {
    return access.modules.size > 0 ? true : forbidden("You hold no module in this company, so none of its data is open to you.", { module: "any" });
  }

  if (!access.modules.has(requirement.module)) {
    return forbidden(`The module "${requirement.module}" is not enabled for you in this company.`, { module: requirement.module });
  }
  if (requirement.kind === "permission" && !access.permissions.has(requirement.permission)) {
    return forbidden(`You need the permission "${requirement.permission}" for this.`, { permission: requirement.permission });
  }
  return true;
}

async function resolveAccess(context: RequestContext): Promise<AccessContext | GraphQLError> {
  const { company } = context;
  if (company.status === "missing") return forbidden("This operation needs a company: send the X-Company-Id header.");
  if (company.status === "malformed") return forbidden("You are not a member of this company.");
  try {
    const decision = await context.accessDecision();
    if (decision.status === "not-member") return forbidden("You are not a member of this company.");
    return decision.access;
  } catch (error) {
    if (error instanceof AccessTokenRejectedError) return unauthenticated("Authentication failed: the token was rejected.");
    if (error instanceof AccessSourceUnavailableError) {
      context.logger.error({ err: error }, "access source unavailable");
      return serviceUnavailable("Access could not be checked right now; please retry shortly.");
    }
    throw error;
  }
}
