// AI's Prisma client on a database target. It logs every statement as an event so that
// `countQueries` can prove the resolvers batch (no N+1 whatever the list size).
import { createPrismaAdapter, type DatabaseTarget } from "@marquee/kit";
import { PrismaClient } from "../__generated__/prisma/client.ts";

/** AI's PostgreSQL schema: its tables and its migration history live there. */
export const aiSchema = "ai";

export function createAiPrisma(target: DatabaseTarget) {
  return new PrismaClient({ adapter: createPrismaAdapter(target, aiSchema), log: [{ emit: "event", level: "query" }] });
}

export type AiPrisma = ReturnType<typeof createAiPrisma>;
