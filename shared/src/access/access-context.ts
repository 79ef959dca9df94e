// resolveAccessContext's decision (spec §4.3): a module is open to the caller when the
// company is entitled to it (Core) AND the membership is granted it (Auth); the
// caller's permissions count only inside those modules.
import type { AccessFacts } from "./access-source.ts";

export interface AccessContext {
  userId: string;
  companyId: string;
  companyName: string;
  modules: ReadonlySet<string>;
  permissions: ReadonlySet<string>;
}

export function moduleOfPermission(permission: string): string {
  return permission.slice(0, permission.indexOf("."));
}

export function accessContextFromFacts(facts: AccessFacts): AccessContext {
  const entitled = new Set(facts.entitlements);
  const modules = new Set(facts.grants.filter((module) => entitled.has(module)));
  const permissions = new Set(facts.permissions.filter((permission) => modules.has(moduleOfPermission(permission))));
  return { userId: facts.userId, companyId: facts.company.id, companyName: facts.company.name, modules, permissions };
}
