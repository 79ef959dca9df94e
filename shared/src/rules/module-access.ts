// A module's access declaration, typed against the resolver types generated from its
// schema.graphql: a misspelt type or field does not compile, and neither does an object
// type the module forgot to guard.
import type { GraphQLScalarType } from "graphql";
import type { PermissionCatalog } from "../permissions/permission-catalog.ts";
import type { AccessRule } from "./access-rules.ts";
import type { TypeGuard } from "./type-guards.ts";

type RootTypeName = "Query" | "Mutation" | "Subscription";

/** Every object type of a generated `Resolvers` map: its keys less scalars and root types. */
type ObjectTypeName<Resolvers> = {
  [T in keyof Resolvers]-?: T extends RootTypeName ? never : NonNullable<Resolvers[T]> extends GraphQLScalarType ? never : T;
}[keyof Resolvers];

/** The fields of one type's resolvers, less the federation hooks (`__resolveReference`). */
type FieldName<TypeResolvers> = Exclude<keyof NonNullable<TypeResolvers>, `__${string}`>;

/** Who may see each object type, wherever it is returned; every type must say. */
export type TypeAccessMap<Resolvers, Permission extends string> = { [T in ObjectTypeName<Resolvers>]: TypeGuard<Permission> };

/** Rules of single fields: every root field, and fields that ask more than their type's guard. */
export type FieldRuleMap<Resolvers> = { [T in keyof Resolvers]?: { [F in FieldName<Resolvers[T]>]?: AccessRule } };

/** What the kit enforces, once the declaration's types have done their work. */
export interface ModuleAccess {
  /** The catalog the declaration's permissions come from. */
  catalog: PermissionCatalog;
  types: Readonly<Record<string, TypeGuard>>;
  fields: Readonly<Record<string, Readonly<Record<string, AccessRule>>>>;
  /**
   * Who may have the gateway resolve Base's entities through this module (`_entities`):
   * in a module, the module itself; in Base, the entities' own guards apply as well.
   */
  entities: AccessRule;
}

/**
 * Declares a module's access against its generated `Resolvers` type:
 * `defineModuleAccess<Resolvers>()({ catalog, types, fields, entities })`.
 */
export function defineModuleAccess<Resolvers>() {
  return <Permission extends string>(declaration: {
    catalog: PermissionCatalog<Permission>;
    types: TypeAccessMap<Resolvers, NoInfer<Permission>>;
    fields: FieldRuleMap<Resolvers>;
    entities: AccessRule;
  }): ModuleAccess => declaration as unknown as ModuleAccess;
}
