import { buildSchema, graphql, type GraphQLResolveInfo } from "graphql";
import { describe, expect, it } from "vitest";
import { selectedColumns } from "./selected-columns.ts";

const schema = buildSchema(`
  interface Named { name: String }
  type Show implements Named { id: ID! name: String startsAt: String venue: Venue }
  type Venue { city: String }
  type ShowEdge { cursor: String node: Show }
  type ShowConnection { edges: [ShowEdge!]! }
  type Query { shows: ShowConnection list: [Show!]! named: [Named!]! }
`);
const columnsOf = { id: ["id"], name: ["name"], startsAt: ["starts_at"], venue: ["venue_city"] } as const;
type Column = (typeof columnsOf)[keyof typeof columnsOf][number] | "company_id";

/** What selectedColumns answers for the first root field of `document`, at `path`. */
async function columnsFor(document: string, path: string[]): Promise<Record<string, true> | undefined | "not called"> {
  let seen: Record<Column, true> | undefined | "not called" = "not called";
  // A function on the root value is called as (args, context, info).
  const capture = (answer: null | []) => (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
    seen = selectedColumns(info, path, columnsOf, ["company_id"]);
    return answer;
  };
  const result = await graphql({ schema, source: document, rootValue: { shows: capture(null), list: capture([]), named: capture([]) } });
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
