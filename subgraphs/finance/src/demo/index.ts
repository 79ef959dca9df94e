// Finance's part of the demo world (`@marquee/subgraph-finance/demo`), seeded by the local stack
// on a database it has just created; production never loads it.
import { defineModuleDemo } from "@marquee/kit/demo";
import { createFinancePrisma } from "../data/finance-database.ts";
import { seedFinanceDemo } from "./seed.ts";

export const financeDemo = defineModuleDemo("finance", createFinancePrisma, (prisma) => seedFinanceDemo(prisma, new Date()));
