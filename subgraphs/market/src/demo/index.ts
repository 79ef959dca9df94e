// Market's part of the demo world (`@marquee/subgraph-market/demo`), seeded by the local stack
// on a database it has just created; production never loads it.
import { defineModuleDemo } from "@marquee/kit/demo";
import { createMarketPrisma } from "../data/market-database.ts";
import { seedMarketDemo } from "./seed.ts";

export const marketDemo = defineModuleDemo("market", createMarketPrisma, (prisma) => seedMarketDemo(prisma, new Date()));
