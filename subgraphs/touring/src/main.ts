// Touring as its own process (production): see runSubgraph for its configuration.
import { runSubgraph } from "@marquee/kit";
import { touringSubgraph } from "./index.ts";

await runSubgraph(touringSubgraph);
