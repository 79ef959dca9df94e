import { fileURLToPath } from "node:url";

export const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));
export const supergraphConfigFile = fileURLToPath(new URL("../../supergraph.yaml", import.meta.url));
/** The committed output of `npm run compose`. */
export const supergraphFile = fileURLToPath(new URL("../supergraph.graphql", import.meta.url));
