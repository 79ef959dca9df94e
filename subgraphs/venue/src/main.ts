// Venue as its own process (production): see runSubgraph for its configuration.
import { runSubgraph } from "@marquee/kit";
import { venueSubgraph } from "./index.ts";

await runSubgraph(venueSubgraph);
