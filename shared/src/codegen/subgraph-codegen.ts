// The one codegen setup every subgraph uses: resolver types generated from the
// subgraph's schema.graphql into src/__generated__/resolvers-types.ts, typed against the
// subgraph's context and the data-layer types that stand behind its GraphQL types.
import type { CodegenConfig } from "@graphql-codegen/cli";
import { schemaPartsOf } from "../subgraph/schema-files.ts";

/** Scalars shared by every Marquee subgraph, as they travel in JSON. */
export const scalarTypes = {
  DateTime: "string",
  Date: "string",
  Decimal: "string",
  UUID: "string",
  CurrencyCode: "string",
  CountryCode: "string",
  TimeZone: "string",
  Cursor: "string",
  _Any: "unknown",
  FieldSet: "string",
} as const;

export interface SubgraphCodegenOptions {
  /** Folder of the subgraph, relative to the repository root, e.g. `subgraphs/finance`. */
  folder: string;
  /** The context type, as `module#Type` relative to the generated file. */
  contextType: string;
  /** GraphQL type name -> data-layer type, as `module#Type` relative to the generated file. */
  mappers?: Record<string, string>;
}

export function subgraphCodegen({ folder, contextType, mappers = {} }: SubgraphCodegenOptions): CodegenConfig {
  return {
    overwrite: true,
    silent: true,
    generates: {
      [`${folder}/src/__generated__/resolvers-types.ts`]: {
        // The schema and its parts extending other modules' entities: the subgraph runs them all.
        schema: schemaPartsOf(`${folder}/schema.graphql`).map((part) => part.file),
        plugins: ["typescript", "typescript-resolvers"],
        config: {
          federation: true,
          useTypeImports: true,
          enumsAsTypes: true,
          useIndexSignature: false,
          contextType,
          mappers,
          scalars: scalarTypes,
        },
      },
    },
  };
}
