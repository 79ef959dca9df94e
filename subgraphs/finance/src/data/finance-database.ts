// Finance's Prisma client on a database target. It logs every statement as an event so
// that `countQueries` can prove the resolvers batch (spec: no N+1 whatever the list size).
import { createPrismaAdapter, type DatabaseTarget } from "@marquee/kit";
import { PrismaClient, type Prisma } from "../__generated__/prisma/client.ts";

/** Finance's PostgreSQL schema: its tables and its migration history live there. */
export const financeSchema = "finance";

export function createFinancePrisma(target: DatabaseTarget) {
  return new PrismaClient({ adapter: createPrismaAdapter(target, financeSchema), log: [{ emit: "event", level: "query" }] });
}

export type FinancePrisma = ReturnType<typeof createFinancePrisma>;

/** The client inside an interactive transaction. */
export type FinanceTransaction = Prisma.TransactionClient;
