// Market's Prisma client on a database target. It logs every statement as an event so
// that `countQueries` can prove the resolvers batch (no N+1 whatever the list size).
import { createPrismaAdapter, type DatabaseTarget } from "@marquee/kit";
import { PrismaClient, type Prisma } from "../__generated__/prisma/client.ts";

/** Market's PostgreSQL schema: its tables and its migration history live there. */
export const marketSchema = "market";

export function createMarketPrisma(target: DatabaseTarget) {
  return new PrismaClient({ adapter: createPrismaAdapter(target, marketSchema), log: [{ emit: "event", level: "query" }] });
}

export type MarketPrisma = ReturnType<typeof createMarketPrisma>;

/** The client inside an interactive transaction. */
export type MarketTransaction = Prisma.TransactionClient;
