// A subgraph's schema: its schema.graphql and, beside it, one part per module whose own
// entities it extends (`schema.extends-<module>.graphql`, e.g. Finance's comparison of a
// settlement with Market's contract). A subgraph always runs every part. A supergraph
// composes a part only when it also holds the module the part extends, so that each module
// still composes alone with Base (spec §4.2): the part's fields are simply absent there.
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

const extensionPart = /^schema\.extends-([a-z][a-z0-9-]*)\.graphql$/;

export interface SchemaPart {
  readonly file: string;
  /** The subgraph (by its supergraph name) whose entities the part extends; null for the schema itself. */
  readonly extendsSubgraph: string | null;
}

/** The schema file and the extension parts beside it, in name order. */
export function schemaPartsOf(schemaFile: string): SchemaPart[] {
  const folder = dirname(schemaFile);
  const parts = readdirSync(folder)
    .flatMap((name) => {
      const match = extensionPart.exec(name);
      return match ? [{ file: join(folder, name), extendsSubgraph: match[1]! }] : [];
    })
    .sort((left, right) => basename(left.file).localeCompare(basename(right.file)));
  return [{ file: schemaFile, extendsSubgraph: null }, ...parts];
}

/**
 * The SDL of a subgraph: every part (as the subgraph runs it), or, for a supergraph of the
 * subgraphs named in `composedWith`, the schema and the parts whose module it holds.
 */
export function schemaSourceOf(schemaFile: string, composedWith?: ReadonlySet<string>): string {
  return schemaPartsOf(schemaFile)
    .filter((part) => part.extendsSubgraph === null || composedWith === undefined || composedWith.has(part.extendsSubgraph))
    .map((part) => readFileSync(part.file, "utf8"))
    .join("\n");
}
