import { buildSubgraphSchema } from "@apollo/subgraph";
import { graphql, parse, type GraphQLScalarType } from "graphql";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import type { AccessDecision } from "../access/access-cache.ts";
import { AccessSourceUnavailableError } from "../access/access-source.ts";
import { definePermissionCatalog } from "../permissions/permission-catalog.ts";
import type { RequestContext } from "../subgraph/request-context.ts";
import { requireModule, requirePermission } from "./access-rules.ts";
import { applyAccessRules } from "./apply-access-rules.ts";
import { defineModuleAccess, type ModuleAccess } from "./module-access.ts";
import { operationDecisionsPlugin } from "./operation-decisions.ts";
import { extendedFromBase, partOfParent } from "./type-guards.ts";

// A small module: shows (with a secret note) and their tickets, extending Base's Event.
const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { shows: [Show!]!  ticket: Ticket  forgotten: String  permitted: String }
  type Mutation { sellTicket: Ticket }
  type Show { id: ID!  name: String  secret: String  tickets: [Ticket!]  price: Price }
  type Ticket { id: ID!  show: Show }
  type Price { amount: String }
  type Event @key(fields: "id") { id: ID!  show: Show }
`);

let ticketsResolved = 0;
const resolvers = {
  Query: {
    shows: () => [{ id: "1", name: "Opening night", secret: "s" }, { id: "2", name: "Second night", secret: "t" }],
    ticket: () => ({ id: "t1" }),
    forgotten: () => "leaked",
    permitted: () => "ok",
  },
  Mutation: { sellTicket: () => ({ id: "t2" }) },
  Show: {
    name: (show: { name: string }) => show.name,
    secret: (show: { secret: string }) => show.secret,
    tickets: () => {
      ticketsResolved += 1;
      return [{ id: "t1" }, { id: "t3" }];
    },
    price: () => ({ amount: "25.00" }),
  },
  Ticket: { show: () => ({ id: "1", name: "Opening night", secret: "s" }) },
  Event: { __resolveReference: (event: { id: string }) => event, show: () => ({ id: "1", name: "Opening night", secret: "s" }) },
};

const catalog = definePermissionCatalog("finance", {
  "finance.show.view": "See shows.",
  "finance.ticket.view": "See tickets.",
  "finance.ticket.sell": "Sell tickets.",
  "finance.secret.view": "See secrets.",
  "finance.expense.view": "See expenses.",
});

/** The generated resolver types of the schema above, as codegen writes them (reduced to what the typing reads). */
interface Resolvers {
  Query?: { shows?: unknown; ticket?: unknown; forgotten?: unknown; permitted?: unknown };
  Mutation?: { sellTicket?: unknown };
  Show?: { __resolveReference?: unknown; id?: unknown; name?: unknown; secret?: unknown; tickets?: unknown; price?: unknown };
  Ticket?: { id?: unknown; show?: unknown };
  Price?: { amount?: unknown };
  Event?: { __resolveReference?: unknown; id?: unknown; show?: unknown };
  String?: GraphQLScalarType;
}

const declare = defineModuleAccess<Resolvers>();
const access: ModuleAccess = declare({
  catalog,
  types: { Show: "finance.show.view", Ticket: "finance.ticket.view", Price: partOfParent, Event: extendedFromBase },
  fields: {
    Query: { shows: requireModule("finance"), ticket: requireModule("finance"), permitted: requirePermission("finance.expense.view") },
    Mutation: { sellTicket: requirePermission("finance.ticket.sell") },
    Show: { secret: requirePermission("finance.secret.view") },
  },
  entities: requireModule("finance"),
});

const schema = () => applyAccessRules(buildSubgraphSchema({ typeDefs, resolvers }), access);

function contextWith(decision: () => Promise<AccessDecision>): RequestContext {
  return {
    requestId: "r",
    authentication: { status: "authenticated", userId: "u", token: "t" },
    company: { status: "present", companyId: "c" },
    accessDecision: decision,
    viewerAccess: async () => [],
    tenant: { userId: "u", companyId: "c" },
    callerHeaders: {},
    logger: pino({ level: "silent" }),
  };
}

// A fresh context per request, as the kit builds them: shield caches rule results on it.
const holding = (...permissions: string[]) => () =>
  contextWith(async () => ({
    status: "granted",
    access: { userId: "u", companyId: "c", companyName: "C", modules: new Set(["finance"]), permissions: new Set(permissions) },
  }));

const run = (source: string, context: RequestContext) => graphql({ schema: schema(), source, contextValue: context });
const messages = (result: { errors?: readonly { message: string }[] }) => result.errors?.map((error) => error.message);

describe("applyAccessRules: deny by default", () => {
  it("closes a root field that has no rule, with a coded error", async () => {
    const result = await run("{ forgotten }", holding("finance.show.view")());
    expect(result.data).toEqual({ forgotten: null });
    expect(result.errors?.map((error) => [error.message, error.extensions["code"]])).toEqual([["Query.forgotten has no access rule and is closed.", "FORBIDDEN"]]);
  });

  it("opens _service for composition and guards _entities", async () => {
    const anonymous = () => ({ ...holding()(), authentication: { status: "anonymous" as const } });
    const service = await run("{ _service { sdl } }", anonymous());
    expect(service.errors).toBeUndefined();
    const entities = await run('{ _entities(representations: [{ __typename: "Event", id: "1" }]) { __typename } }', anonymous());
    expect(entities.errors?.map((error) => error.extensions["code"])).toEqual(["UNAUTHENTICATED"]);
  });

  it("turns a failing access source into 503, not a denial", async () => {
    const failing = contextWith(async () => Promise.reject(new AccessSourceUnavailableError("down")));
    const result = await run("{ permitted }", failing);
    expect(result.errors?.map((error) => error.extensions["code"])).toEqual(["SERVICE_UNAVAILABLE"]);
  });
});

describe("applyAccessRules: a type is guarded wherever it is returned", () => {
  it("at the root, on top of the root field's own rule", async () => {
    const result = await run("{ shows { name } }", holding()());
    expect(result.data).toBeNull();
    expect(messages(result)).toEqual(['You need the permission "finance.show.view" for this.']);
  });

  it("on a field of another type, nulling that field alone and naming the permission", async () => {
    const result = await run("{ ticket { id show { name } } }", holding("finance.ticket.view")());
    expect(result.data).toEqual({ ticket: { id: "t1", show: null } });
    expect(result.errors?.map((error) => [error.path?.join("."), error.extensions["code"], error.extensions["permission"]])).toEqual([
      ["ticket.show", "FORBIDDEN", "finance.show.view"],
    ]);
  });

  it("on a nested field, once per request however long the list", async () => {
    ticketsResolved = 0;
    const result = await run("{ shows { name tickets { id } } }", holding("finance.show.view")());
    expect(result.data).toEqual({ shows: [{ name: "Opening night", tickets: null }, { name: "Second night", tickets: null }] });
    expect(messages(result)).toEqual(['You need the permission "finance.ticket.view" for this.', 'You need the permission "finance.ticket.view" for this.']);
    expect(ticketsResolved).toBe(0);
  });

  it("on a field a module adds to Base's entity, reached through _entities", async () => {
    const source = '{ _entities(representations: [{ __typename: "Event", id: "e1" }]) { ... on Event { id show { name } } } }';
    const denied = await run(source, holding()());
    expect(denied.data).toEqual({ _entities: [{ id: "e1", show: null }] });
    expect(messages(denied)).toEqual(['You need the permission "finance.show.view" for this.']);
    const allowed = await run(source, holding("finance.show.view")());
    expect(allowed.data).toEqual({ _entities: [{ id: "e1", show: { name: "Opening night" } }] });
  });

  it("on a module's own entity, per representation: a denied one is its error in its place and is never resolved", async () => {
    const ownEntityDefs = parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type Query { permitted: String }
      type Show @key(fields: "id") { id: ID!  name: String }
      type Event @key(fields: "id") { id: ID!  show: Show }
    `);
    const showsResolved: string[] = [];
    const ownEntityResolvers = {
      Query: { permitted: () => "ok" },
      Show: { __resolveReference: (show: { id: string }) => (showsResolved.push(show.id), { id: show.id, name: `Show ${show.id}` }) },
      Event: { __resolveReference: (event: { id: string }) => event, show: () => null },
    };
    const declareOwn = defineModuleAccess<{
      Query?: { permitted?: unknown };
      Show?: { __resolveReference?: unknown; id?: unknown; name?: unknown };
      Event?: { __resolveReference?: unknown; id?: unknown; show?: unknown };
    }>();
    const ownEntityAccess: ModuleAccess = declareOwn({
      catalog,
      types: { Show: "finance.show.view", Event: extendedFromBase },
      fields: { Query: { permitted: requirePermission("finance.expense.view") }, Event: { show: requirePermission("finance.show.view") } },
      entities: requireModule("finance"),
    });
    const ownEntitySchema = applyAccessRules(buildSubgraphSchema({ typeDefs: ownEntityDefs, resolvers: ownEntityResolvers }), ownEntityAccess);
    const source = `{ _entities(representations: [{ __typename: "Show", id: "s1" }, { __typename: "Event", id: "e1" }, { __typename: "Show", id: "s2" }]) {
      ... on Show { id name } ... on Event { id } } }`;
    const denied = await graphql({ schema: ownEntitySchema, source, contextValue: holding()() });
    expect(denied.data).toEqual({ _entities: [null, { id: "e1" }, null] });
    expect(denied.errors?.map((error) => [error.path?.join("."), error.extensions["code"], error.extensions["permission"]])).toEqual([
      ["_entities.0", "FORBIDDEN", "finance.show.view"],
      ["_entities.2", "FORBIDDEN", "finance.show.view"],
    ]);
    expect(showsResolved).toEqual([]);
    const allowed = await graphql({ schema: ownEntitySchema, source, contextValue: holding("finance.show.view")() });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data).toEqual({ _entities: [{ id: "s1", name: "Show s1" }, { id: "e1" }, { id: "s2", name: "Show s2" }] });
    expect(showsResolved).toEqual(["s1", "s2"]);
  });

  it("on a mutation's answer: acting without the view changes nothing", async () => {
    const result = await run("mutation { sellTicket { id } }", holding("finance.ticket.sell")());
    expect(result.data).toEqual({ sellTicket: null });
    expect(messages(result)).toEqual(['You need the permission "finance.ticket.view" for this.']);
  });

  it("applies a field's own rule inside a type and leaves the other fields alone", async () => {
    const result = await run("{ shows { name secret price { amount } } }", holding("finance.show.view")());
    expect(result.data?.["shows"]).toEqual([
      { name: "Opening night", secret: null, price: { amount: "25.00" } },
      { name: "Second night", secret: null, price: { amount: "25.00" } },
    ]);
    expect(new Set(messages(result))).toEqual(new Set(['You need the permission "finance.secret.view" for this.']));
  });

  it("wraps only the fields that carry a rule: an edge its parent's guard covers is left alone", () => {
    const fields = (type: string) => (schema().getType(type) as unknown as { getFields(): Record<string, { resolve?: unknown }> }).getFields();
    expect(fields("Show")["name"]!.resolve).toBe(resolvers.Show.name);
    expect(fields("Show")["price"]!.resolve).toBe(resolvers.Show.price);
    expect(fields("Show")["secret"]!.resolve).not.toBe(resolvers.Show.secret);
    expect(fields("Show")["tickets"]!.resolve).not.toBe(resolvers.Show.tickets);
  });
});

describe("applyAccessRules: each rule decided once per request, before execution", () => {
  it("decides the rules an operation selects up front, so a guarded field of a list item resolves at once", async () => {
    const guarded = schema();
    const context = holding("finance.show.view", "finance.ticket.view")();
    const listener = await operationDecisionsPlugin().requestDidStart!({} as never);
    await listener!.didResolveOperation!({ schema: guarded, document: parse("{ shows { tickets { id } } }"), contextValue: context } as never);
    const tickets = (guarded.getType("Show") as unknown as { getFields(): Record<string, { resolve: (...args: unknown[]) => unknown }> }).getFields()["tickets"]!;
    const answer = tickets.resolve({ id: "1" }, {}, context, {});
    expect(answer).not.toBeInstanceOf(Promise);
    expect(answer).toEqual([{ id: "t1" }, { id: "t3" }]);
  });
});

describe("applyAccessRules: a declaration that leaves a gap does not start", () => {
  const build = (sdl: string, declaration: Partial<ModuleAccess>) =>
    () => applyAccessRules(buildSubgraphSchema({ typeDefs: parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\n${sdl}`) }), { ...access, ...declaration });

  it("refuses a nested type that has no declaration", () => {
    expect(build("type Query { shows: [Show!]! } type Show { id: ID!  cast: [Member!] } type Member { name: String }", { types: { Show: "finance.show.view" }, fields: { Query: { shows: requireModule("finance") } } })).toThrow(
      "Member has no access declaration",
    );
  });

  it("refuses a field added to Base's entity without a rule", () => {
    expect(build('type Query { a: String } type Event @key(fields: "id") { id: ID!  margin: String }', { types: { Event: extendedFromBase }, fields: { Query: { a: requireModule("finance") } } })).toThrow(
      "Event.margin is added to the entity Event, which another subgraph owns, without an access rule",
    );
  });

  it("takes Base's fields a module only @requires as part of the reference, needing no rule of their own", () => {
    const withRequires = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@external", "@requires"])
      type Query { a: String } type Event @key(fields: "id") { id: ID!  startsAt: String! @external  margin: String @requires(fields: "startsAt") }`;
    const declaration = { ...access, types: { Event: extendedFromBase }, fields: { Query: { a: requireModule("finance") } } };
    // margin is the module's own field, so it still needs a rule; startsAt does not.
    expect(() => applyAccessRules(buildSubgraphSchema({ typeDefs: parse(withRequires) }), declaration)).toThrow(
      /The access declaration does not cover the schema:\n {2}- Event\.margin is added to the entity Event, which another subgraph owns, without an access rule[^\n]*$/,
    );
  });

  it("refuses a guarded field that cannot be null, since its denial would take its parent with it", () => {
    expect(build("type Query { t: Ticket } type Ticket { id: ID!  show: Show! } type Show { id: ID! }", { types: { Ticket: "finance.ticket.view", Show: "finance.show.view" }, fields: { Query: { t: requireModule("finance") } } })).toThrow(
      "Ticket.show carries an access rule, so it must be nullable",
    );
  });

  it("refuses a rule that names a field the schema does not have", () => {
    expect(() => applyAccessRules(buildSubgraphSchema({ typeDefs, resolvers }), { ...access, fields: { Query: { missing: requireModule("finance") } } })).toThrow(
      "Access rules name Query.missing, which the schema does not have.",
    );
  });

  it("does not compile a declaration that forgets a type, misspells one, or names a foreign permission", () => {
    const rules = { Query: {} };
    // @ts-expect-error Ticket is missing
    declare({ catalog, types: { Show: "finance.show.view", Price: partOfParent, Event: extendedFromBase }, fields: rules, entities: requireModule("finance") });
    // @ts-expect-error Shows is not a type of the schema
    declare({ catalog, types: { Shows: "finance.show.view", Show: "finance.show.view", Ticket: "finance.ticket.view", Price: partOfParent, Event: extendedFromBase }, fields: rules, entities: requireModule("finance") });
    // @ts-expect-error market.deal.view is not in this module's catalog
    declare({ catalog, types: { Show: "market.deal.view", Ticket: "finance.ticket.view", Price: partOfParent, Event: extendedFromBase }, fields: rules, entities: requireModule("finance") });
    // @ts-expect-error Show has no field "titel"
    declare({ catalog, types: { Show: "finance.show.view", Ticket: "finance.ticket.view", Price: partOfParent, Event: extendedFromBase }, fields: { Show: { titel: requireModule("finance") } }, entities: requireModule("finance") });
  });
});
