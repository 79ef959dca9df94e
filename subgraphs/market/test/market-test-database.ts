// A throwaway Market database for data-layer tests, migrated as a deployment would be:
// PGlite by default, a fresh PostgreSQL database when DATABASE_URL is set.
import { fileURLToPath } from "node:url";
import { applyMigrations, openSqlExecutor, type DatabaseTarget, type SqlExecutor, type Tenant } from "@marquee/kit";
import { createTestDatabaseTarget } from "@marquee/kit/testing";
import { createMarketData, type MarketData } from "../src/data/market-data.ts";
import { createMarketPrisma, marketSchema, type MarketPrisma } from "../src/data/market-database.ts";
import { marketSubgraph } from "../src/index.ts";

export interface MarketTestDatabase {
  target: DatabaseTarget;
  prisma: MarketPrisma;
  /** Plain SQL, to look at the tables as they are. */
  sql: SqlExecutor;
  /** What one request of `tenant` reads and writes, with its own loaders; at `now` when given. */
  request(tenant: Tenant, now?: Date): MarketData;
  close(): Promise<void>;
}

export const migrationsDir = fileURLToPath(marketSubgraph.data.migrationsDir);

export async function openMarketTestDatabase(): Promise<MarketTestDatabase> {
  const database = await createTestDatabaseTarget();
  await applyMigrations(database.target, { schema: marketSchema, migrationsDir });
  const prisma = createMarketPrisma(database.target);
  const sql = await openSqlExecutor(database.target);
  return {
    target: database.target,
    prisma,
    sql,
    request: (tenant, now) => createMarketData(prisma, tenant, now ? () => now : undefined),
    async close() {
      await sql.close();
      await prisma.$disconnect();
      await database.drop();
    },
  };
}
