// Every module's part of the demo world, which the local stack seeds (`npm start`, the
// end-to-end tests). AI has none of its own: it learns from Base's demo history.
import type { ModuleDemo } from "@marquee/kit/demo";
import { baseDemo } from "@marquee/subgraph-base/demo";
import { financeDemo } from "@marquee/subgraph-finance/demo";
import { marketDemo } from "@marquee/subgraph-market/demo";
import { touringDemo } from "@marquee/subgraph-touring/demo";
import { venueDemo } from "@marquee/subgraph-venue/demo";

export const moduleDemos: ModuleDemo[] = [baseDemo, financeDemo, marketDemo, touringDemo, venueDemo];
