// A throwaway database with Base's migrations applied and Base's Prisma client on it
// (PGlite, or a fresh PostgreSQL database when DATABASE_URL is set).
import { applyMigrations, countQueries, type DatabaseTarget, type QueryCounter } from "@marquee/kit";
import { createTestDatabaseTarget } from "@marquee/kit/testing";
import { createBasePrismaClient, type BasePrismaClient } from "../../src/data/prisma-client.ts";
import { baseSubgraph } from "../../src/index.ts";

export interface BaseDatabase {
  target: DatabaseTarget;
  prisma: BasePrismaClient;
  queries: QueryCounter;
  /** The migrations this database was built with. */
  applied: string[];
  close(): Promise<void>;
}

export async function openBaseDatabase(): Promise<BaseDatabase> {
  const database = await createTestDatabaseTarget();
  const applied = await applyMigrations(database.target, baseSubgraph.data);
  const prisma = createBasePrismaClient(database.target);
  return {
    target: database.target,
    prisma,
    queries: countQueries(prisma),
    applied,
    close: async () => {
      await prisma.$disconnect();
      await database.drop();
    },
  };
}
