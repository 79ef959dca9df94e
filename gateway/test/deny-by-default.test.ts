// Acceptance 8: every root field and `_entities` of every subgraph denies an anonymous
// request. The test walks each subgraph's schema, so a field added without an access
// rule fails here; it builds valid arguments for each field so that the rule, not
// validation, is what answers.
import { buildSubgraphSchema } from "@apollo/subgraph";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  parse,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "@marquee/gateway/testing";

const scalarSamples: Record<string, string> = {
  ID: '"00000000-0000-4000-8000-000000000000"',
  String: '"x"',
  Int: "1",
  Float: "1.5",
  Boolean: "true",
  DateTime: '"2026-01-01T00:00:00Z"',
  Date: '"2026-01-01"',
  Decimal: '"1"',
  CurrencyCode: '"USD"',
  CountryCode: '"US"',
  TimeZone: '"UTC"',
  UUID: '"00000000-0000-4000-8000-000000000000"',
  _Any: '{ __typename: "Event", id: "00000000-0000-4000-8000-000000000000" }',
};

function sampleValue(type: GraphQLInputType): string {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return `[${sampleValue(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((field) => isNonNullType(field.type));
    return `{ ${fields.map((field) => `${field.name}: ${sampleValue(field.type)}`).join(", ")} }`;
  }
  if (isScalarType(type)) {
    const sample = scalarSamples[type.name];
    if (!sample) throw new Error(`No sample for scalar ${type.name}: add one.`);
    return sample;
  }
  throw new Error(`Unexpected input type ${String(type)}`);
}

function operationFor(kind: "query" | "mutation", field: GraphQLField<unknown, unknown>): string {
  const required = field.args.filter((arg: GraphQLArgument) => isNonNullType(arg.type));
  const args = required.length ? `(${required.map((arg) => `${arg.name}: ${sampleValue(arg.type)}`).join(", ")})` : "";
  const returned = getNamedType(field.type);
  const selection = isScalarType(returned) || isEnumType(returned) ? "" : " { __typename }";
  return `${kind} { ${field.name}${args}${selection} }`;
}

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.close());

describe("deny by default", () => {
  it("closes every root field and _entities of every subgraph to an anonymous caller", async () => {
    const outcomes: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const name of stack.stack.subgraphs.keys()) {
      const sdl = (await stack.querySubgraph<{ _service: { sdl: string } }>(name, "{ _service { sdl } }")).body.data!._service.sdl;
      const schema = buildSubgraphSchema({ typeDefs: parse(sdl) });
      for (const [kind, type] of [["query", schema.getQueryType()], ["mutation", schema.getMutationType()]] as const) {
        for (const field of Object.values(type?.getFields() ?? {})) {
          if (field.name === "_service") continue;
          const response = await stack.querySubgraph(name, operationFor(kind, field));
          const key = `${name} ${kind} ${field.name}`;
          outcomes[key] = response.body.errors?.map((error) => error.extensions?.["code"]) ?? "no error";
          expected[key] = ["UNAUTHENTICATED"];
        }
      }
    }
    expect(Object.keys(outcomes).length).toBeGreaterThan(20);
    expect(outcomes).toEqual(expected);
  });

  it("answers 401 at the gateway for an anonymous federated query", async () => {
    const response = await stack.query("{ events(first: 1) { edges { node { id expenses { edges { node { id } } } } } } }", { company: "northwind" });
    expect(response.status).toBe(401);
    expect(response.body.errors?.map((error) => error.extensions?.["code"])).toEqual(["UNAUTHENTICATED"]);
  });

  it("refuses a subgraph request that does not come from the gateway", async () => {
    const base = stack.stack.subgraphs.get("base")!;
    const response = await fetch(base.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ _service { sdl } }" }) });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ errors: [{ message: "This subgraph answers only the Marquee gateway.", extensions: { code: "FORBIDDEN" } }] });
  });
});
