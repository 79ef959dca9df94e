import { buildSchema, execute, graphql, parse, type GraphQLResolveInfo } from "graphql";
import { describe, expect, it } from "vitest";
import { selectedColumns } from "./selected-columns.ts";

const schema = buildSchema(`
  interface Named { name: String }
  type Show implements Named { id: ID! name: String startsAt: String venue: Venue }
  type Venue { city: String }
  type ShowEdge { cursor: String node: Show }
  type ShowConnection { edges: [ShowEdge!]! }
  union Item = Show | Venue
  type Query { shows: ShowConnection list: [Show!]! named: [Named!]! items: [Item]! }
`);
const columnsOf = { id: ["id"], name: ["name"], startsAt: ["starts_at"], venue: ["venue_city"] } as const;
type Column = (typeof columnsOf)[keyof typeof columnsOf][number] | "company_id";

/** What selectedColumns answers for the first root field of `document`, at `path`, the items named `itemType`. */
async function columnsFor(document: string, path: string[], itemType?: string): Promise<Record<string, true> | undefined | "not called"> {
  let seen: Record<Column, true> | undefined | "not called" = "not called";
  // A function on the root value is called as (args, context, info).
  const capture = (answer: null | []) => (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
    seen = selectedColumns(info, path, columnsOf, ["company_id"], itemType);
    return answer;
  };
  const rootValue = { shows: capture(null), list: capture([]), named: capture([]), items: capture([]) };
  const result = await graphql({ schema, source: document, rootValue });
  expect(result.errors).toBeUndefined();
  return seen;
}

describe("selectedColumns", () => {
  it("reads the columns of the fields selected below a connection's nodes, and those always read", async () => {
    expect(await columnsFor("{ shows { edges { cursor node { id startsAt } } } }", ["edges", "node"])).toEqual({ company_id: true, id: true, starts_at: true });
  });

  it("follows fragments, inline fragments and aliases, on the path and on the items", async () => {
    const document = `{ shows { ...Edges } }
      fragment Edges on ShowConnection { edges { node { ... on Show { n: name } ...Where } } }
      fragment Where on Show { venue { city } }`;
    expect(await columnsFor(document, ["edges", "node"])).toEqual({ company_id: true, name: true, venue_city: true });
  });

  it("reads the items of a plain list at the empty path, and ignores __typename", async () => {
    expect(await columnsFor("{ list { __typename name } }", [])).toEqual({ company_id: true, name: true });
  });

  it("reads every column for a field it has no entry for", async () => {
    const unknown = { id: ["id"] } as const;
    let seen: unknown = "not called";
    await graphql({
      schema,
      source: "{ list { id name } }",
      rootValue: { list: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => ((seen = selectedColumns(info, [], unknown, [])), []) },
    });
    expect(seen).toBeUndefined();
  });

  it("reads every column for items of an interface, whose fragments it cannot resolve statically", async () => {
    expect(await columnsFor("{ named { name ... on Show { startsAt } } }", [])).toBeUndefined();
  });
});

describe("selectedColumns of items named explicitly", () => {
  it("reads the fields selected in fragments on the named type, and skips those on other members of the union", async () => {
    const document = `{ items { __typename ... on Show { id ... { name } } ... on Venue { city } ...Started ...Where } }
      fragment Started on Show { startsAt }
      fragment Where on Venue { city }`;
    expect(await columnsFor(document, [], "Show")).toEqual({ company_id: true, id: true, name: true, starts_at: true });
  });

  it("reads only the columns always read when no fragment is on the named type", async () => {
    expect(await columnsFor("{ items { __typename ... on Venue { city } } }", [], "Show")).toEqual({ company_id: true });
  });

  it("reads the fields of an interface selected on the items themselves", async () => {
    expect(await columnsFor("{ named { name ... on Show { startsAt } } }", [], "Show")).toEqual({ company_id: true, name: true, starts_at: true });
  });

  it("reads every column for a fragment on a union or interface, or without a type condition, on the items", async () => {
    expect(await columnsFor("{ items { ... on Item { ... on Show { name } } } }", [], "Show")).toBeUndefined();
    expect(await columnsFor("{ named { ... on Named { name } } }", [], "Show")).toBeUndefined();
    expect(await columnsFor("{ items { ... { __typename } ... on Show { name } } }", [], "Show")).toBeUndefined();
  });

  it("reads every column for a fragment spread the document lacks", async () => {
    let seen: unknown = "not called";
    // Unvalidated: execution skips a spread of an unknown fragment; the columns must not.
    await execute({
      schema,
      document: parse("{ items { ... on Show { name } ...Missing } }"),
      rootValue: { items: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => ((seen = selectedColumns(info, [], columnsOf, [], "Show")), []) },
    });
    expect(seen).toBeUndefined();
  });

  it("answers for items of that type as without the name, and reads every column for items of another type", async () => {
    expect(await columnsFor("{ list { ... { name } ... on Show { id } } }", [], "Show")).toEqual({ company_id: true, id: true, name: true });
    expect(await columnsFor("{ list { name } }", [], "Venue")).toBeUndefined();
  });
});
