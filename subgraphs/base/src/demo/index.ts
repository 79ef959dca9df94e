// Base's part of the demo world (`@marquee/subgraph-base/demo`), seeded by the local stack
// on a database it has just created; production never loads it.
import { defineModuleDemo } from "@marquee/kit/demo";
import { createBasePrismaClient } from "../data/prisma-client.ts";
import { seedDemo } from "./seed.ts";

export const baseDemo = defineModuleDemo("base", createBasePrismaClient, (prisma) => seedDemo(prisma, new Date()));
