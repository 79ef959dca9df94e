// Market as its own process (production): see runSubgraph for its configuration.
import { runSubgraph } from "@marquee/kit";
import { marketSubgraph } from "./index.ts";

await runSubgraph(marketSubgraph);
