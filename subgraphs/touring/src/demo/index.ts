// Touring's part of the demo world (`@marquee/subgraph-touring/demo`), seeded by the local stack
// on a database it has just created; production never loads it.
import { defineModuleDemo } from "@marquee/kit/demo";
import { createTouringPrisma } from "../data/touring-database.ts";
import { seedTouringDemo } from "./seed.ts";

export const touringDemo = defineModuleDemo("touring", createTouringPrisma, (prisma) => seedTouringDemo(prisma, new Date()));
