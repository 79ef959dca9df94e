// Base as its own process (production): see runSubgraph for its configuration.
import { runSubgraph } from "@marquee/kit";
import { baseSubgraph } from "./index.ts";

await runSubgraph(baseSubgraph);
