export * from "./create-gateway.ts";
export * from "./compose-supergraph.ts";
export * from "./local-stack.ts";
export { subgraphPackages } from "./subgraph-packages.ts";
