// A module's permission catalog: the one place its permission keys are declared. The
// access rules, the demo data and the module documentation all read it, so a key cannot
// exist in one of them and not in the others.
import { requirePermission, type AccessRule } from "../rules/access-rules.ts";

export interface PermissionCatalog<Key extends string = string> {
  module: string;
  /** Key -> what holding it allows, in words an administrator granting it understands. */
  permissions: Readonly<Record<Key, string>>;
  keys: readonly Key[];
  /** The access rule demanding one of this catalog's permissions. */
  require(permission: Key): AccessRule;
}

const permissionKey = /^[a-z]+\.[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/;

export function definePermissionCatalog<const Key extends string>(module: string, permissions: Record<Key, string>): PermissionCatalog<Key> {
  const keys = Object.keys(permissions) as Key[];
  for (const key of keys) {
    if (!permissionKey.test(key) || !key.startsWith(`${module}.`)) {
      throw new Error(`Permission "${key}" must have the form ${module}.<resource>.<action>.`);
    }
  }
  return { module, permissions, keys, require: (permission) => requirePermission(permission) };
}
