// The figures of an operation, exactly: depth, aliases, root fields and the cost that
// multiplies list sizes through nesting, on a small schema shaped like Marquee's.
import { buildSchema, getIntrospectionQuery, parse, getOperationAST } from "graphql";
import { describe, expect, it } from "vitest";
import { measureOperation } from "./operation-figures.ts";

const schema = buildSchema(`
  type Query {
    events(first: Int, after: String): EventConnection!
    event(id: ID!): Event
    viewer: Viewer!
    _entities(representations: [_Any!]!): [_Entity]!
  }
  scalar _Any
  union _Entity = Event | Artist
  type Viewer { id: ID! companies: [Company!]! }
  type Company { id: ID! name: String! }
  type EventConnection { edges: [EventEdge!]! pageInfo: PageInfo! }
  type EventEdge { cursor: String! node: Event! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type Event { id: ID! name: String! lineup: [Artist!]! }
  type Artist { id: ID! name: String! events(first: Int): EventConnection! }
`);

const figuresOf = (query: string, variables: Record<string, unknown> = {}, operationName?: string) => {
  const document = parse(query);
  return measureOperation({ schema, document, operation: getOperationAST(document, operationName)!, variables }, { assumedListSize: 10 });
};

describe("measureOperation", () => {
  it("counts a root field with its nested fields", () => {
    expect(figuresOf("{ viewer { id } }")).toEqual({ depth: 2, aliases: 0, rootFields: 1, cost: 2 });
  });

  it("multiplies a page's fields by its first, counting the connection and its edges once", () => {
    // events 1 + edges 1 + 100 × (node 1 + name 1 + lineup (1 + 10 × name 1)) + pageInfo 1 + hasNextPage 1
    expect(figuresOf("{ events(first: 100) { edges { node { name lineup { name } } } pageInfo { hasNextPage } } }")).toEqual({
      depth: 5,
      aliases: 0,
      rootFields: 1,
      cost: 1 + 1 + 100 * (1 + 1 + (1 + 10)) + 2,
    });
  });

  it("takes the page size from a variable, else the variable's default, else the default page size (20)", () => {
    const query = "query($first: Int) { events(first: $first) { edges { node { id } } } }";
    const costAt = (pageSize: number) => 2 + pageSize * 2;
    expect(figuresOf(query, { first: 7 }).cost).toBe(costAt(7));
    expect(figuresOf(query).cost).toBe(costAt(20));
    expect(figuresOf("query($first: Int = 3) { events(first: $first) { edges { node { id } } } }").cost).toBe(costAt(3));
    expect(figuresOf("{ events { edges { node { id } } } }").cost).toBe(costAt(20));
  });

  it("counts a page as never more than the maximum page size, which pagination refuses to exceed", () => {
    expect(figuresOf("{ events(first: 100000) { edges { node { id } } } }").cost).toBe(2 + 100 * 2);
  });

  it("multiplies through nesting: the pattern of the attack that ran a process out of memory", () => {
    const nest = (depth: number) => {
      let inner = "id";
      for (let level = 0; level < depth; level++) inner = `id lineup { events(first: 100) { edges { node { ${inner} } } } }`;
      return `{ events(first: 100) { edges { node { ${inner} } } } }`;
    };
    // Each level: node (1) + id (1) + lineup (1 + 10 × (events 1 + edges (1 + 100 × level below)))
    expect(figuresOf(nest(0))).toEqual({ depth: 4, aliases: 0, rootFields: 1, cost: 2 + 100 * 2 });
    expect(figuresOf(nest(1))).toEqual({ depth: 8, aliases: 0, rootFields: 1, cost: 2 + 100 * (2 + 1 + 10 * (2 + 100 * 2)) });
    expect(figuresOf(nest(2)).depth).toBe(12);
    expect(figuresOf(nest(2)).cost).toBe(2 + 100 * (2 + 1 + 10 * (2 + 100 * (2 + 1 + 10 * (2 + 100 * 2)))));
  });

  it("counts aliases and root fields, fragments wherever they are spread", () => {
    const query = `
      query { a: viewer { ...Companies } b: viewer { ...Companies } event(id: "1") { id } }
      fragment Companies on Viewer { companies { id } named: companies { name } }
    `;
    expect(figuresOf(query)).toEqual({ depth: 3, aliases: 2 + 2 * 1, rootFields: 3, cost: 2 * (1 + (1 + 10) + (1 + 10)) + 2 });
  });

  it("measures only the operation asked for", () => {
    const document = "query Small { viewer { id } } query Large { events(first: 100) { edges { node { id } } } }";
    expect(figuresOf(document, {}, "Small").cost).toBe(2);
    expect(figuresOf(document, {}, "Large").cost).toBe(202);
  });

  it("counts _entities once per representation, each entity costing as much as its costliest type", () => {
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Event { id name lineup { id } }
      ... on Artist { id }
    } }`;
    const representations = Array.from({ length: 50 }, (_, index) => ({ __typename: "Event", id: String(index) }));
    // 1 + 50 × max(Event: id + name + lineup (1 + 10), Artist: id)
    expect(figuresOf(query, { representations })).toEqual({ depth: 3, aliases: 0, rootFields: 1, cost: 1 + 50 * 13 });
  });

  it("stays linear however fragments multiply one another", () => {
    const levels = 30;
    const fragments = Array.from({ length: levels }, (_, level) =>
      level === levels - 1 ? `fragment F${level} on Viewer { id }` : `fragment F${level} on Viewer { ...F${level + 1} ...F${level + 1} }`,
    ).join("\n");
    const started = performance.now();
    const figures = figuresOf(`{ viewer { ...F0 } } ${fragments}`);
    expect(performance.now() - started).toBeLessThan(100);
    expect(figures.cost).toBe(1 + 2 ** (levels - 1));
  });

  it("does not count introspection's type wrappers as depth, but counts its cost", () => {
    const figures = figuresOf(getIntrospectionQuery());
    expect(figures.depth).toBe(0);
    expect(figures.rootFields).toBe(1);
    expect(figures.cost).toBeGreaterThan(1000);
  });
});
