// Touring's Prisma client on a database target. It logs every statement as an event so
// that `countQueries` can prove the resolvers batch (no N+1 whatever the list size).
import { createPrismaAdapter, type DatabaseTarget } from "@marquee/kit";
import { PrismaClient, type Prisma } from "../__generated__/prisma/client.ts";

/** Touring's PostgreSQL schema: its tables and its migration history live there. */
export const touringSchema = "touring";

export function createTouringPrisma(target: DatabaseTarget) {
  return new PrismaClient({ adapter: createPrismaAdapter(target, touringSchema), log: [{ emit: "event", level: "query" }] });
}

export type TouringPrisma = ReturnType<typeof createTouringPrisma>;

/** The client inside an interactive transaction. */
export type TouringTransaction = Prisma.TransactionClient;
