// AI as its own process (production): see runSubgraph for its configuration.
import { runSubgraph } from "@marquee/kit";
import { aiSubgraph } from "./index.ts";

await runSubgraph(aiSubgraph);
