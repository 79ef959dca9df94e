// Access on every edge: for one role per permission of every catalog, a role with every
// module and no permission, and a member with no module, walk every edge of every
// subgraph's schema as the kit guards it, from the root fields and `_entities` down through
// every field of every type reached. Every module-owned type a role reaches must be one its
// permissions cover; every type must be reached by a role that holds exactly its guard.
// The walk runs the access rules themselves (the resolvers under them are the defaults),
// so it needs no data and covers edges no demo query happens to take.
import { buildSubgraphSchema } from "@apollo/subgraph";
import {
  applyAccessRules,
  definePermissionCatalog,
  permissionsOf,
  requireModule,
  schemaSourceOf,
  type ModuleAccess,
  type RequestContext,
  type TypeGuard,
} from "@marquee/kit";
import { getNamedType, isAbstractType, isObjectType, parse, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import { allow, shield } from "graphql-shield";
import { applyMiddleware } from "graphql-middleware";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { repositoryRoot } from "../src/paths.ts";
import { subgraphPackages } from "../src/subgraph-packages.ts";

interface Role {
  name: string;
  modules: Set<string>;
  permissions: Set<string>;
}

const everyModule = new Set(subgraphPackages.map((subgraph) => subgraph.moduleKey));
const everyPermission = subgraphPackages.flatMap((subgraph) => subgraph.permissions.keys);
const moduleOf = (permission: string) => permission.split(".")[0]!;

const roles: Role[] = [
  ...everyPermission.map((permission) => ({ name: permission, modules: everyModule, permissions: new Set([permission]) })),
  { name: "every module, no permission", modules: everyModule, permissions: new Set<string>() },
  { name: "member with no module", modules: new Set<string>(), permissions: new Set<string>() },
];

function contextOf(role: Role): RequestContext {
  return {
    requestId: "edge-walk",
    authentication: { status: "authenticated", userId: "u", token: "t" },
    company: { status: "present", companyId: "c" },
    accessDecision: async () => ({
      status: "granted",
      access: { userId: "u", companyId: "c", companyName: "C", modules: role.modules, permissions: new Set([...role.permissions].filter((p) => role.modules.has(moduleOf(p)))) },
    }),
    viewerAccess: async () => [],
    tenant: { userId: "u", companyId: "c" },
    callerHeaders: {},
    logger: pino({ level: "silent" }),
  };
}

function returnedObjectTypes(schema: GraphQLSchema, type: ReturnType<typeof getNamedType>): readonly GraphQLObjectType[] {
  return isObjectType(type) ? [type] : isAbstractType(type) ? schema.getPossibleTypes(type) : [];
}

/** Every object type the role reaches from the roots, passing only the edges whose rules let it through. */
async function typesReachedBy(schema: GraphQLSchema, role: Role): Promise<Set<string>> {
  const context = contextOf(role);
  const reached = new Set<string>();
  const queue: GraphQLObjectType[] = [];
  const roots = [schema.getQueryType(), schema.getMutationType()].filter((root): root is GraphQLObjectType => !!root);
  const visit = async (type: GraphQLObjectType) => {
    for (const field of Object.values(type.getFields())) {
      if (field.name === "_service") continue;
      const answer = field.resolve ? await field.resolve({}, { representations: [] }, context, {} as never) : undefined;
      if (answer instanceof Error) continue;
      for (const returned of returnedObjectTypes(schema, getNamedType(field.type))) {
        if (reached.has(returned.name)) continue;
        // `_entities` guards each representation by its own type: ask for one of this type.
        if (field.name === "_entities" && (await entityDenied(schema, field, returned.name, context))) continue;
        reached.add(returned.name);
        queue.push(returned);
      }
    }
  };
  for (const root of roots) await visit(root);
  while (queue.length > 0) await visit(queue.shift()!);
  return reached;
}

/** Whether `_entities` answers a representation of `typename` with an error for this caller. */
async function entityDenied(schema: GraphQLSchema, field: GraphQLField<unknown, unknown>, typename: string, context: RequestContext): Promise<boolean> {
  const answer = await field.resolve!({}, { representations: [{ __typename: typename, id: "edge-walk" }] }, context, { schema } as never);
  return answer instanceof Error || (Array.isArray(answer) && answer[0] instanceof Error);
}

/** Whether the role satisfies a type's guard; `undefined` for guards the type does not check itself. */
function roleSatisfies(role: Role, guard: TypeGuard): boolean | undefined {
  const permissions = permissionsOf(guard);
  if (permissions.length > 0) return permissions.every((permission) => role.permissions.has(permission) && role.modules.has(moduleOf(permission)));
  if (typeof guard === "object" && "kind" in guard) {
    if (guard.kind === "any-module") return role.modules.size > 0;
    if (guard.kind === "signed-in") return true;
  }
  return undefined;
}

/** The types a role reaches although their guard does not let it see them. */
async function leaks(schema: GraphQLSchema, types: ModuleAccess["types"], role: Role): Promise<string[]> {
  const reached = await typesReachedBy(schema, role);
  return [...reached].filter((type) => types[type] !== undefined && roleSatisfies(role, types[type]) === false).sort();
}

const guardedSchemaOf = (name: string, access: ModuleAccess) =>
  applyAccessRules(buildSubgraphSchema({ typeDefs: parse(schemaSourceOf(`${repositoryRoot}subgraphs/${name}/schema.graphql`)) }), access);

describe.each(subgraphPackages.map((subgraph) => [subgraph.name, subgraph] as const))("every edge of the %s subgraph", (name, subgraph) => {
  const schema = guardedSchemaOf(name, subgraph.access);

  it("shows each type only to roles its guard lets see it", async () => {
    const found: Record<string, string[]> = {};
    for (const role of roles) {
      const leaked = await leaks(schema, subgraph.access.types, role);
      if (leaked.length > 0) found[role.name] = leaked;
    }
    expect(found).toEqual({});
  });

  it("shows each guarded type to a role holding its guard's permissions and no other view", async () => {
    // Some types come back only from mutations (an offer's radius warnings), so the role
    // also holds every permission to act; the views it holds are the guard's alone.
    const actions = everyPermission.filter((permission) => !permission.endsWith(".view"));
    const unreachable: string[] = [];
    for (const [type, guard] of Object.entries(subgraph.access.types)) {
      const permissions = permissionsOf(guard);
      if (permissions.length === 0) continue;
      const role = { name: permissions.join(" + "), modules: everyModule, permissions: new Set([...permissions, ...actions]) };
      if (!(await typesReachedBy(schema, role)).has(type)) unreachable.push(`${type} (${role.name})`);
    }
    expect(unreachable).toEqual([]);
  });

  it("shows a member with no module nothing of the company, only themselves", async () => {
    const reached = [...(await typesReachedBy(schema, roles.at(-1)!))].sort();
    expect(reached).toEqual(name === "base" ? ["Viewer", "ViewerCompany"] : []);
  });
});

describe("the edge walk", () => {
  const typeDefs = parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Query { contracts: [Contract!]! }
    type Contract { id: ID!  deal: Deal }
    type Deal { id: ID!  notes: String }
  `);

  it("finds a type guarded only at the door, as every module was before access was declared per type", async () => {
    const catalog = definePermissionCatalog("market", { "market.contract.view": "Contracts.", "market.deal.view": "Deals." });
    const contractsOnly: Role = { name: "market.contract.view", modules: everyModule, permissions: new Set(["market.contract.view"]) };
    const doorOnly = applyMiddleware(
      buildSubgraphSchema({ typeDefs }),
      shield({ Query: { contracts: catalog.require("market.contract.view") } }, { fallbackRule: allow, allowExternalErrors: true }),
    );
    const types = { Contract: "market.contract.view", Deal: "market.deal.view" };
    expect(await leaks(doorOnly, types, contractsOnly)).toEqual(["Deal"]);

    const access = { catalog, types, fields: { Query: { contracts: catalog.require("market.contract.view") } }, entities: requireModule("market") };
    const guardedOnEveryEdge = applyAccessRules(buildSubgraphSchema({ typeDefs }), access);
    expect(await leaks(guardedOnEveryEdge, types, contractsOnly)).toEqual([]);
  });

  it("cannot start a subgraph with a nested field whose type lacks its declaration", () => {
    const catalog = definePermissionCatalog("market", { "market.contract.view": "Contracts." });
    const access = { catalog, types: { Contract: "market.contract.view" }, fields: { Query: { contracts: catalog.require("market.contract.view") } }, entities: requireModule("market") };
    expect(() => applyAccessRules(buildSubgraphSchema({ typeDefs }), access)).toThrow("Deal has no access declaration");
  });
});
