// Every query the README and the module documents show stays well inside the request
// limits (at most half of each), so that a reader who pastes one into Apollo Sandbox never
// meets a refusal.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Supergraph } from "@apollo/federation-internals";
import { defaultRequestLimits, measureOperation } from "@marquee/kit";
import { Kind, Lexer, parse, Source, specifiedRules, TokenKind, validate, type DocumentNode } from "graphql";
import { describe, expect, it } from "vitest";
import { supergraphFile } from "../src/paths.ts";

const root = new URL("../../", import.meta.url).pathname;
const schema = Supergraph.build(readFileSync(supergraphFile, "utf8")).apiSchema().toGraphQLJSSchema();
const documents = ["README.md", ...readdirSync(join(root, "docs"), { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".md")).map((name) => join("docs", name))];

/** The operations a document shows: ```graphql blocks of queries and mutations, and the queries of its curl examples. */
function operationsIn(file: string): { where: string; text: string }[] {
  const markdown = readFileSync(join(root, file), "utf8");
  const blocks = [...markdown.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);
  const curls = [...markdown.matchAll(/"query":"((?:[^"\\]|\\.)*)"/g)].map((match) => JSON.parse(`"${match[1]}"`) as string);
  return [...blocks, ...curls].filter(isExecutable).map((text) => ({ where: file, text }));
}

function isExecutable(text: string): boolean {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch {
    return false;
  }
  return document.definitions.every((definition) => definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION);
}

function tokensOf(text: string): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count++;
  return count;
}

const operations = documents.flatMap(operationsIn);

describe("the documented queries", () => {
  it("are found: the README's federated query among them", () => {
    expect(operations.some(({ where, text }) => where === "README.md" && text.includes("EventsWithMoney"))).toBe(true);
  });

  it.each(operations.map((operation) => [operation.where, operation.text.replace(/\s+/g, " ").slice(0, 60), operation]))("%s: %s… stays well inside the limits", (_where, _start, { text }) => {
    const document = parse(text);
    expect(validate(schema, document, specifiedRules)).toEqual([]);
    const { gateway } = defaultRequestLimits;
    expect(tokensOf(text)).toBeLessThanOrEqual(gateway.maxTokens / 2);
    for (const operation of document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)) {
      const figures = measureOperation({ schema, document, operation, variables: {} }, { assumedListSize: defaultRequestLimits.assumedListSize });
      expect(figures.depth).toBeLessThanOrEqual(gateway.maxDepth / 2);
      expect(figures.aliases).toBeLessThanOrEqual(gateway.maxAliases / 2);
      expect(figures.rootFields).toBeLessThanOrEqual(gateway.maxRootFields / 2);
      expect(figures.cost).toBeLessThanOrEqual(gateway.maxCost / 2);
    }
  });
});
