// Deny by default (spec §4.1): every root field and `_entities` must have an access
// rule; one without is denied, so a field added without thinking about access is closed,
// not open. Only `_service` (the schema for composition) is open.
//
// graphql-shield wraps every field of every type with its fallback rule, and that
// wrapper's cost grows with the size of lists. Here only the fields that carry a rule
// are wrapped: the entry points and the few entity fields a module guards on its own.
import type { GraphQLSchema } from "graphql";
import { isObjectType } from "graphql";
import { applyMiddleware, type IMiddlewareFieldMap } from "graphql-middleware";
import { allow, rule, shield } from "graphql-shield";
import { forbidden } from "../errors/errors.ts";
import type { AccessRule } from "./access-rules.ts";

export type AccessRuleMap = Record<string, Record<string, AccessRule>>;

const rootTypes = ["Query", "Mutation", "Subscription"] as const;
const openFields = new Set(["Query._service"]);

const unguarded = (typeName: string, fieldName: string) =>
  rule(`unguarded:${typeName}.${fieldName}`, { cache: "no_cache" })(() =>
    forbidden(`${typeName}.${fieldName} has no access rule and is closed.`),
  );

export function applyAccessRules(schema: GraphQLSchema, rules: AccessRuleMap): GraphQLSchema {
  assertRulesNameRealFields(schema, rules);
  const tree: Record<string, Record<string, AccessRule>> = {};
  for (const [typeName, fields] of Object.entries(rules)) tree[typeName] = { ...fields };

  for (const rootName of rootTypes) {
    const root = schema.getType(rootName);
    if (!isObjectType(root)) continue;
    const guarded = (tree[rootName] ??= {});
    for (const fieldName of Object.keys(root.getFields())) {
      if (openFields.has(`${rootName}.${fieldName}`)) guarded[fieldName] = allow;
      else guarded[fieldName] ??= unguarded(rootName, fieldName);
    }
  }

  const everyField = shield(tree, {
    allowExternalErrors: true,
    fallbackRule: allow,
    fallbackError: () => forbidden("Access denied."),
  }).generate(schema) as IMiddlewareFieldMap;
  return applyMiddleware(schema, onlyGuardedFields(everyField, tree));
}

function onlyGuardedFields(middleware: IMiddlewareFieldMap, tree: AccessRuleMap): IMiddlewareFieldMap {
  const guarded: IMiddlewareFieldMap = {};
  for (const [typeName, fields] of Object.entries(tree)) {
    const typeMiddleware = middleware[typeName] as Record<string, unknown>;
    guarded[typeName] = Object.fromEntries(Object.keys(fields).map((fieldName) => [fieldName, typeMiddleware[fieldName]])) as IMiddlewareFieldMap[string];
  }
  return guarded;
}

function assertRulesNameRealFields(schema: GraphQLSchema, rules: AccessRuleMap): void {
  for (const [typeName, fields] of Object.entries(rules)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`Access rules name the type ${typeName}, which the schema does not have.`);
    for (const fieldName of Object.keys(fields)) {
      if (!type.getFields()[fieldName]) throw new Error(`Access rules name ${typeName}.${fieldName}, which the schema does not have.`);
    }
  }
}
