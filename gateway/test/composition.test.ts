// Acceptance 9: the committed supergraph is what `npm run compose` produces now, every
// subset that must stand alone composes, and every schema element is described for the
// analysts reading it in Apollo Sandbox.
import { readFileSync } from "node:fs";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isSpecifiedScalarType, parse, type GraphQLNamedType } from "graphql";
import { schemaSourceOf } from "@marquee/kit";
import { describe, expect, it } from "vitest";
import { composeSupergraph, readSupergraphConfig } from "../src/compose-supergraph.ts";
import { supergraphConfigFile, supergraphFile } from "../src/paths.ts";

const subgraphs = readSupergraphConfig(supergraphConfigFile);

describe("composition", () => {
  it("has a committed supergraph that matches the subgraph schemas (run `npm run compose` when this fails)", () => {
    expect(readFileSync(supergraphFile, "utf8")).toBe(composeSupergraph(subgraphs));
  });

  it.each(subgraphs.filter((subgraph) => subgraph.name !== "base").map((subgraph) => [subgraph.name]))("composes base + %s alone", (name) => {
    const sdl = composeSupergraph(subgraphs.filter((subgraph) => subgraph.name === "base" || subgraph.name === name));
    expect(sdl).toContain(`@join__graph(name: "${name}"`);
  });

  it("composes Finance's part extending Market's Contract only into a supergraph that has Market", () => {
    const compose = (...names: string[]) => composeSupergraph(subgraphs.filter((subgraph) => names.includes(subgraph.name)));
    expect(compose("base", "finance")).not.toContain("settlementComparison: ContractSettlementComparison");
    expect(compose("base", "finance", "market")).toMatch(/settlementComparison: ContractSettlementComparison @join__field\(graph: FINANCE, requires: "terms \{/);
  });
});

/** Federation's own machinery, which the subgraphs do not define. */
const federationTypes = new Set(["_Service", "_Any", "_Entity", "FieldSet", "link__Import", "link__Purpose", "federation__FieldSet", "federation__Scope", "federation__Policy", "federation__ContextFieldValue"]);

function undescribed(type: GraphQLNamedType): string[] {
  const missing: string[] = [];
  const check = (path: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(path);
  };
  check(type.name, type.description);
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (field.name.startsWith("_")) continue;
      check(`${type.name}.${field.name}`, field.description);
      for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
    }
  }
  if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.description);
  if (isEnumType(type)) for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
  return missing;
}

describe("schema documentation", () => {
  it.each(subgraphs.map((subgraph) => [subgraph.name, subgraph.schemaFile]))("describes every type, field, argument and enum value of %s", (_name, file) => {
    // Every part of the schema, as the subgraph runs it.
    const schema = buildSubgraphSchema({ typeDefs: parse(schemaSourceOf(file)) });
    const ownTypes = Object.values(schema.getTypeMap()).filter(
      (type) => !type.name.startsWith("__") && !federationTypes.has(type.name) && !(isScalarType(type) && isSpecifiedScalarType(type)),
    );
    // Root types are described through their fields; a description on Query itself is optional.
    const missing = ownTypes.flatMap(undescribed).filter((path) => !["Query", "Mutation"].includes(path));
    expect(missing).toEqual([]);
  });
});
