// Deny by default, on every edge (spec §4.1). A module declares who may see each object
// type it owns (module-access.ts); here that declaration becomes graphql-shield rules on
// every field that returns the type (root fields, nested fields, fields of other types,
// `_entities`), so a type is guarded wherever it is returned, not only at the doors.
// Beyond that, every root field needs a rule of its own (one without is closed), and every
// field a module adds to Base's Event and Artist needs one (a subgraph without it does not
// start). Only `_service` (the schema, for composition) is open.
//
// A field that carries a rule below the root must be nullable, so that a denial nulls that
// field alone and the rest of the answer stays.
//
// An edge is left unwrapped when its parent's guard already demands everything its type
// asks (a deal's terms, the edges of a page of deals): the check runs once at the top of
// the list, not once per item. Only the fields that carry a rule are wrapped, and each
// rule is decided once per request, before execution (operation-decisions.ts).
import { defaultFieldResolver, getNamedType, isAbstractType, isNonNullType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import { allow, and, rule } from "graphql-shield";
import { forbidden } from "../errors/errors.ts";
import type { AccessRule } from "./access-rules.ts";
import { guardedEntitiesResolver } from "./guarded-entities.ts";
import { guardedResolver } from "./guarded-resolver.ts";
import { rememberRuleTree } from "./operation-decisions.ts";
import type { ModuleAccess } from "./module-access.ts";
import { guardCovers, isExtendedByReference, ruleOfGuard, type TypeGuard } from "./type-guards.ts";

type RuleTree = Record<string, Record<string, AccessRule>>;

const rootTypes = new Set(["Query", "Mutation", "Subscription"]);
/** Types the federation library adds to every subgraph; `_service` is their only field. */
const federationTypes = new Set(["_Service"]);

const unguarded = (typeName: string, fieldName: string) =>
  rule(`unguarded:${typeName}.${fieldName}`, { cache: "no_cache" })(() =>
    forbidden(`${typeName}.${fieldName} has no access rule and is closed.`),
  );

export function applyAccessRules(schema: GraphQLSchema, access: ModuleAccess): GraphQLSchema {
  assertDeclarationNamesRealTypes(schema, access);
  const tree = ruleTreeOf(schema, access);
  const entities = schema.getQueryType()?.getFields()["_entities"];
  const entityRules = entityRulesOf(schema, access);
  if (entities && entityRules.size > 0) entities.resolve = guardedEntitiesResolver(entities.resolve ?? defaultFieldResolver, entityRules);
  for (const [typeName, fields] of Object.entries(tree)) {
    const type = schema.getType(typeName) as GraphQLObjectType;
    for (const [fieldName, fieldRule] of Object.entries(fields)) {
      const field = type.getFields()[fieldName]!;
      field.resolve = guardedResolver(field.resolve ?? defaultFieldResolver, fieldRule);
    }
  }
  rememberRuleTree(schema, tree);
  return schema;
}

/** Every field's rule: its own, and the guard of each type it returns that its parent's guard does not already cover. */
function ruleTreeOf(schema: GraphQLSchema, access: ModuleAccess): RuleTree {
  const tree: RuleTree = {};
  const problems: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__") || federationTypes.has(type.name) || isForeignValueType(type)) continue;
    const isRoot = rootTypes.has(type.name);
    const ownGuard = access.types[type.name];
    if (!isRoot && ownGuard === undefined) {
      problems.push(`${type.name} has no access declaration: say in the module's access which permission lets a caller see it.`);
      continue;
    }
    const referenceFields = referenceFieldsOf(type);
    for (const field of Object.values(type.getFields())) {
      const fieldId = `${type.name}.${field.name}`;
      if (fieldId === "Query._service") {
        (tree[type.name] ??= {})[field.name] = allow;
        continue;
      }
      const rules: AccessRule[] = [];
      const own = access.fields[type.name]?.[field.name];
      if (own) rules.push(own);
      // `_entities` carries the module's rule; each representation is guarded by its own type's (entityRulesOf).
      if (fieldId === "Query._entities") rules.push(access.entities);
      else for (const guard of guardsReturnedBy(schema, field, access)) {
        if (guardCovers(ownGuard, guard)) continue;
        const guardRule = ruleOfGuard(guard);
        if (guardRule) rules.push(guardRule);
      }
      const fieldRule = allOf(rules);
      if (fieldRule && !isRoot && isNonNullType(field.type)) {
        problems.push(`${fieldId} carries an access rule, so it must be nullable: a denial then nulls only this field and the rest of the answer stays.`);
      }
      if (fieldRule) (tree[type.name] ??= {})[field.name] = fieldRule;
      else if (isRoot) (tree[type.name] ??= {})[field.name] = unguarded(type.name, field.name);
      else if (isExtendedByReference(ownGuard) && !referenceFields.has(field.name)) {
        problems.push(`${fieldId} is added to the entity ${type.name}, which another subgraph owns, without an access rule: give it one in the module's access.`);
      }
    }
  }
  if (problems.length > 0) throw new Error(`The access declaration does not cover the schema:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  return tree;
}

/** The rule of each entity type `_entities` can return that has one of its own: the module's own entities. */
function entityRulesOf(schema: GraphQLSchema, access: ModuleAccess): Map<string, AccessRule> {
  const entity = schema.getType("_Entity");
  const rules = new Map<string, AccessRule>();
  if (!entity || !isAbstractType(entity)) return rules;
  for (const type of schema.getPossibleTypes(entity)) {
    const guard = access.types[type.name];
    const typeRule = guard === undefined ? undefined : ruleOfGuard(guard);
    if (typeRule) rules.set(type.name, typeRule);
  }
  return rules;
}

/** The guards of the object types a field can return (each member of a union or interface). */
function guardsReturnedBy(schema: GraphQLSchema, field: GraphQLField<unknown, unknown>, access: ModuleAccess): TypeGuard[] {
  const named = getNamedType(field.type);
  const returned: readonly GraphQLObjectType[] = isObjectType(named) ? [named] : isAbstractType(named) ? schema.getPossibleTypes(named) : [];
  return returned.flatMap((type) => access.types[type.name] ?? []);
}

/**
 * The fields of Base's entity that only carry the reference, and need no rule: those its
 * @key directives name, and those marked @external, which Base resolves and the gateway
 * passes along to the field that @requires them (a query for them never reaches the module).
 */
function referenceFieldsOf(type: GraphQLObjectType): Set<string> {
  const keys = new Set<string>();
  for (const field of Object.values(type.getFields())) {
    if (isExternal(field)) keys.add(field.name);
  }
  for (const directive of type.astNode?.directives ?? []) {
    if (directive.name.value !== "key") continue;
    for (const argument of directive.arguments ?? []) {
      if (argument.name.value === "fields" && argument.value.kind === "StringValue") {
        for (const name of argument.value.value.split(/[\s{}]+/)) if (name) keys.add(name);
      }
    }
  }
  return keys;
}

/**
 * Another subgraph's value type that this module declares only to @require its fields
 * (Market's DealTermsVersion in Finance): every field is @external, so this module never
 * resolves it and nothing of it is returned from here.
 */
function isForeignValueType(type: GraphQLObjectType): boolean {
  const fields = Object.values(type.getFields());
  return fields.length > 0 && fields.every(isExternal);
}

/** A field this module declares but another subgraph resolves (@external). */
function isExternal(field: GraphQLField<unknown, unknown>): boolean {
  return field.astNode?.directives?.some((directive) => directive.name.value === "external") ?? false;
}

/** One rule asking for all of `rules` (each distinct rule once), or none. */
function allOf(rules: AccessRule[]): AccessRule | undefined {
  const distinct = [...new Set(rules)];
  if (distinct.length <= 1) return distinct[0];
  return and(...distinct);
}

/** The generated types already catch a misspelt name; this catches a declaration handed to the wrong schema. */
function assertDeclarationNamesRealTypes(schema: GraphQLSchema, access: ModuleAccess): void {
  for (const typeName of Object.keys(access.types)) {
    if (!isObjectType(schema.getType(typeName))) throw new Error(`The access declaration names the type ${typeName}, which the schema does not have.`);
  }
  for (const [typeName, fields] of Object.entries(access.fields)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`Access rules name the type ${typeName}, which the schema does not have.`);
    for (const fieldName of Object.keys(fields)) {
      if (!type.getFields()[fieldName]) throw new Error(`Access rules name ${typeName}.${fieldName}, which the schema does not have.`);
    }
  }
}
