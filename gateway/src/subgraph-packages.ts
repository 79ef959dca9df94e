// Every module the local stack runs, in the order of supergraph.yaml.
import { baseSubgraph } from "@marquee/subgraph-base";
import { financeSubgraph } from "@marquee/subgraph-finance";
import type { SubgraphPackage } from "@marquee/kit";

export const subgraphPackages: SubgraphPackage[] = [baseSubgraph, financeSubgraph];
