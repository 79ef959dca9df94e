// Composition of the supergraph from supergraph.yaml (rover's format), with Apollo's own
// composition library: the rover binary cannot be downloaded everywhere, the library can.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { composeServices } from "@apollo/composition";
import { schemaSourceOf } from "@marquee/kit";
import { parse } from "graphql";
import { parse as parseYaml } from "yaml";

export interface SupergraphSubgraph {
  name: string;
  routingUrl: string;
  schemaFile: string;
}

export function readSupergraphConfig(configFile: string): SupergraphSubgraph[] {
  const config = parseYaml(readFileSync(configFile, "utf8")) as {
    subgraphs?: Record<string, { routing_url?: string; schema?: { file?: string } }>;
  };
  return Object.entries(config.subgraphs ?? {}).map(([name, subgraph]) => {
    if (!subgraph.routing_url || !subgraph.schema?.file) {
      throw new Error(`${configFile}: subgraph "${name}" needs routing_url and schema.file.`);
    }
    return { name, routingUrl: subgraph.routing_url, schemaFile: resolve(dirname(configFile), subgraph.schema.file) };
  });
}

export class CompositionError extends Error {}

/** The supergraph SDL of the given subgraphs, or a CompositionError listing every problem. */
export function composeSupergraph(subgraphs: SupergraphSubgraph[]): string {
  const composed = new Set(subgraphs.map((subgraph) => subgraph.name));
  const result = composeServices(
    // A subgraph's parts that extend another module's entities go in only beside that module.
    subgraphs.map((subgraph) => ({ name: subgraph.name, url: subgraph.routingUrl, typeDefs: parse(schemaSourceOf(subgraph.schemaFile, composed)) })),
  );
  if (result.errors) {
    throw new CompositionError(`Composition failed:\n${result.errors.map((error) => `  - ${error.message}`).join("\n")}`);
  }
  return result.supergraphSdl;
}
