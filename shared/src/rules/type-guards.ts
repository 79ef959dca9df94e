// Who may see a type: the declaration every object type a module owns carries, read by
// the rules (apply-access-rules.ts), the module documents and the edge-walk test.
import { and } from "graphql-shield";
import { requireAnyModule, requireAuthentication, requirePermission, type AccessRule } from "./access-rules.ts";

/** A guard the kit names, for types that no single permission describes. */
export interface NamedGuard {
  readonly kind: "part-of-parent" | "extended-from-base" | "extended-from-module" | "any-module" | "signed-in";
  /** What the guard asks of a caller, in the words of the module documents. */
  readonly describe: string;
}

/**
 * A value with no identity of its own (Money, PageInfo, a figure inside a sheet): it is
 * shown only as part of the type that returns it, whose guard already ran.
 */
export const partOfParent: NamedGuard = { kind: "part-of-parent", describe: "shown only as part of the type that returns it" };

/**
 * Base's Event or Artist, extended by reference in another module: Base guards the
 * entity itself, and every field the module adds carries its own rule.
 */
export const extendedFromBase: NamedGuard = { kind: "extended-from-base", describe: "Base's entity; each field this module adds carries its own rule" };

/**
 * Another module's entity (Market's Contract in Finance), extended by reference: the
 * owning module guards the entity, and every field this module adds carries its own rule.
 */
export const extendedFromModule: NamedGuard = { kind: "extended-from-module", describe: "another module's entity; each field this module adds carries its own rule" };

/** Whether a type is an entity another subgraph owns, which this module only adds fields to. */
export const isExtendedByReference = (guard: TypeGuard | undefined): boolean => guard === extendedFromBase || guard === extendedFromModule;

/** Base's shared entities: any member who holds at least one module in the company (spec §4.2). */
export const anyModule: NamedGuard = { kind: "any-module", describe: "a member holding at least one module" };

/** The caller themselves (the viewer): a valid token, no company. */
export const signedIn: NamedGuard = { kind: "signed-in", describe: "a valid token" };

/** One permission, every one of a list of permissions, or a guard the kit names. */
export type TypeGuard<Permission extends string = string> = Permission | readonly Permission[] | NamedGuard;

export const isNamedGuard = (guard: TypeGuard): guard is NamedGuard => typeof guard === "object" && "kind" in guard;

/** The permissions a guard demands, sorted; none for the kit's named guards. */
export function permissionsOf(guard: TypeGuard): string[] {
  if (isNamedGuard(guard)) return [];
  return typeof guard === "string" ? [guard] : [...guard].sort();
}

/**
 * The rule that enforces a guard, or none where the type has no check of its own
 * (a part of its parent, or a Base entity this module only extends).
 */
export function ruleOfGuard(guard: TypeGuard): AccessRule | undefined {
  if (isNamedGuard(guard)) {
    switch (guard.kind) {
      case "any-module":
        return requireAnyModule();
      case "signed-in":
        return requireAuthentication();
      case "part-of-parent":
      case "extended-from-base":
      case "extended-from-module":
        return undefined;
    }
  }
  const permissions = permissionsOf(guard);
  if (permissions.length === 1) return requirePermission(permissions[0]!);
  const key = permissions.join(" + ");
  let rule = allPermissionRules.get(key);
  if (!rule) {
    rule = and(...permissions.map(requirePermission));
    allPermissionRules.set(key, rule);
  }
  return rule;
}

// One rule object per set of permissions, so that a field asking for the same set twice
// (its own rule and its type's) checks it once.
const allPermissionRules = new Map<string, AccessRule>();

/** The rule demanding every one of `permissions`: the same object each time it is asked for. */
export const requireAllPermissions = (permissions: readonly string[]): AccessRule => ruleOfGuard(permissions)!;

/**
 * Whether reaching `parent` already proved what `child` asks: the child's check can then
 * be left out on that edge, so a list of deals checks `market.deal.view` once, at the
 * list, and not once per deal.
 */
export function guardCovers(parent: TypeGuard | undefined, child: TypeGuard): boolean {
  if (parent === undefined) return false;
  // A permission counts only inside a module the caller holds (access-check.ts).
  if (child === anyModule && !isNamedGuard(parent)) return permissionsOf(parent).length > 0;
  if (isNamedGuard(child) || isNamedGuard(parent)) return parent === child;
  const held = new Set(permissionsOf(parent));
  return permissionsOf(child).every((permission) => held.has(permission));
}

/** How the module documents state a guard. */
export function describeGuard(guard: TypeGuard): string {
  return isNamedGuard(guard) ? guard.describe : permissionsOf(guard).map((permission) => `\`${permission}\``).join(" + ");
}
