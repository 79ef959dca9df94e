// Finance as its own process (production): see runSubgraph for its configuration.
import { runSubgraph } from "@marquee/kit";
import { financeSubgraph } from "./index.ts";

await runSubgraph(financeSubgraph);
