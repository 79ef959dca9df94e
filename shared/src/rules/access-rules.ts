// requireModule() and requirePermission() (spec §4.1), and the two gates below them, as
// graphql-shield rules. Results are cached per request (`contextual`), so a query that
// touches many fields guarded by one rule checks it once.
import { rule } from "graphql-shield";
import type { RequestContext } from "../subgraph/request-context.ts";
import { checkRequirement, type Requirement } from "./access-check.ts";
import { moduleOfPermission } from "../access/access-context.ts";

import type { IRules } from "graphql-shield";

/** A graphql-shield rule (the kit's own rules, or shield's `allow` for open fields). */
export type AccessRule = Extract<IRules, { resolve: unknown }>;

// graphql-shield identifies rules by name and refuses two different rules of one name,
// so each requirement has exactly one rule object, however often a module asks for it.
const rulesByName = new Map<string, AccessRule>();

function accessRule(name: string, requirement: Requirement): AccessRule {
  let accessRule = rulesByName.get(name);
  if (!accessRule) {
    accessRule = rule(name, { cache: "contextual" })((_parent, _args, context: RequestContext) => checkRequirement(context, requirement));
    rulesByName.set(name, accessRule);
  }
  return accessRule;
}

/** A valid token; no company needed (the viewer query). */
export const requireAuthentication = (): AccessRule => accessRule("requireAuthentication", { kind: "authenticated" });

/**
 * An active membership that holds at least one module: what Base's shared entities ask,
 * since every module reads them (spec §4.2) and a member with no module has no use for them.
 */
export const requireAnyModule = (): AccessRule => accessRule("requireAnyModule", { kind: "any-module" });

/** The module is entitled to the company and granted to the caller's membership. */
export const requireModule = (module: string): AccessRule => accessRule(`requireModule:${module}`, { kind: "module", module });

/** The module check, then the permission itself. */
export const requirePermission = (permission: string): AccessRule =>
  accessRule(`requirePermission:${permission}`, { kind: "permission", module: moduleOfPermission(permission), permission });
