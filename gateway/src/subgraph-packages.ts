// Every module the local stack runs, in the order of supergraph.yaml.
import type { SubgraphPackage } from "@marquee/kit";
import { aiSubgraph } from "@marquee/subgraph-ai";
import { baseSubgraph } from "@marquee/subgraph-base";
import { financeSubgraph } from "@marquee/subgraph-finance";
import { marketSubgraph } from "@marquee/subgraph-market";
import { touringSubgraph } from "@marquee/subgraph-touring";
import { venueSubgraph } from "@marquee/subgraph-venue";

export const subgraphPackages: SubgraphPackage[] = [baseSubgraph, financeSubgraph, marketSubgraph, touringSubgraph, venueSubgraph, aiSubgraph];
