// Every list of every module that takes `first` has a documented maximum, and enforces it:
// the request limits count a page as its `first` on the strength of it (shared/src/limits).
import { Supergraph } from "@apollo/federation-internals";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { defaultPageSize, maxPageSize } from "@marquee/kit";
import { demoArtists, demoEvents } from "@marquee/kit/demo";
import { isObjectType, parse, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSupergraphConfig } from "../src/compose-supergraph.ts";
import { supergraphConfigFile, supergraphFile } from "../src/paths.ts";
import { startTestStack, type TestStack } from "@marquee/gateway/testing";

const alice = { as: "alice@northwind.test", company: "northwind" } as const;

/** Every field of the schema that takes `first`, as "Type.field". */
function pagedFields(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .flatMap((type) => Object.values(type.getFields()).filter((field) => field.args.some((arg) => arg.name === "first")).map((field) => `${type.name}.${field.name}`));
}

describe("page sizes", () => {
  it.each(readSupergraphConfig(supergraphConfigFile).map((subgraph) => [subgraph.name, subgraph]))("are documented in %s's schema as the kit enforces them", (_name, subgraph) => {
    const schema = buildSubgraphSchema({ typeDefs: parse(readFileSync(subgraph.schemaFile, "utf8")) });
    const undocumented = pagedFields(schema).filter((path) => {
      const [type, field] = path.split(".") as [string, string];
      const description = (schema.getType(type) as GraphQLObjectType).getFields()[field]!.args.find((arg) => arg.name === "first")!.description ?? "";
      return !(description.includes(`1 to ${maxPageSize}`) && description.includes(String(defaultPageSize)));
    });
    expect(undocumented).toEqual([]);
  });
});

describe("every page of every module", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.close());

  const apiSchema = Supergraph.build(readFileSync(supergraphFile, "utf8")).apiSchema().toGraphQLJSSchema();
  /** How each type that has a page is reached: a root field, a demo event or artist, a deal of the demo. */
  const reach: Record<string, (selection: string) => string> = {
    Query: (selection) => `{ ${selection} }`,
    Event: (selection) => `{ event(id: "${demoEvents.chicago.id}") { ${selection} } }`,
    Artist: (selection) => `{ artist(id: "${demoArtists.auroraLane.id}") { ${selection} } }`,
    Deal: (selection) => `{ deals(first: 1) { edges { node { ${selection} } } } }`,
  };

  it("refuses a page larger than the maximum, before reading a row", async () => {
    const fields = pagedFields(apiSchema);
    expect(fields.length).toBeGreaterThan(20);
    expect(fields.filter((path) => !reach[path.split(".")[0]!])).toEqual([]);
    const outcomes: Record<string, unknown> = {};
    for (const path of fields) {
      const [type, field] = path.split(".") as [string, string];
      const response = await stack.query(reach[type]!(`${field}(first: ${maxPageSize + 1}) { __typename }`), alice);
      outcomes[path] = response.body.errors?.map((error) => [error.extensions?.["code"], error.message]);
    }
    expect(outcomes).toEqual(Object.fromEntries(fields.map((path) => [path, [["BAD_USER_INPUT", `first must be between 1 and ${maxPageSize} (got ${maxPageSize + 1}).`]]])));
  });
});
