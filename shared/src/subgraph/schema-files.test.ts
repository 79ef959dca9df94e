import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { schemaPartsOf, schemaSourceOf } from "./schema-files.ts";

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), "schema-parts-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

describe("a subgraph's schema parts", () => {
  const folder = folderWith({
    "schema.graphql": "type Query { a: Int }",
    "schema.extends-market.graphql": "type Contract { id: ID }",
    "schema.extends-ai.graphql": "type Score { id: ID }",
    "schema.graphql.bak": "not a part",
    "other.graphql": "not a part",
  });
  const schemaFile = join(folder, "schema.graphql");

  it("are the schema and the extension parts beside it, each naming the module it extends", () => {
    expect(schemaPartsOf(schemaFile).map((part) => [part.file.slice(folder.length + 1), part.extendsSubgraph])).toEqual([
      ["schema.graphql", null],
      ["schema.extends-ai.graphql", "ai"],
      ["schema.extends-market.graphql", "market"],
    ]);
  });

  it("run together, and compose into a supergraph only beside the module each extends", () => {
    expect(schemaSourceOf(schemaFile)).toBe("type Query { a: Int }\ntype Score { id: ID }\ntype Contract { id: ID }");
    expect(schemaSourceOf(schemaFile, new Set(["base", "finance", "market"]))).toBe("type Query { a: Int }\ntype Contract { id: ID }");
    expect(schemaSourceOf(schemaFile, new Set(["base", "finance"]))).toBe("type Query { a: Int }");
  });
});
