// A throwaway Finance database for data-layer tests, migrated as a deployment would be:
// PGlite by default, a fresh PostgreSQL database when DATABASE_URL is set.
import { fileURLToPath } from "node:url";
import { applyMigrations, openSqlExecutor, type DatabaseTarget, type SqlExecutor, type Tenant } from "@marquee/kit";
import { createTestDatabaseTarget } from "@marquee/kit/testing";
import { createFinanceData, type FinanceData } from "../src/data/finance-data.ts";
import { createFinancePrisma, financeSchema, type FinancePrisma } from "../src/data/finance-database.ts";
import { financeSubgraph } from "../src/index.ts";

export interface FinanceTestDatabase {
  target: DatabaseTarget;
  prisma: FinancePrisma;
  /** Plain SQL, to look at the tables as they are. */
  sql: SqlExecutor;
  /** What one request of `tenant` reads and writes, with its own loaders. */
  request(tenant: Tenant): FinanceData;
  close(): Promise<void>;
}

export const migrationsDir = fileURLToPath(financeSubgraph.data.migrationsDir);

export async function openFinanceTestDatabase(): Promise<FinanceTestDatabase> {
  const database = await createTestDatabaseTarget();
  await applyMigrations(database.target, { schema: financeSchema, migrationsDir });
  const prisma = createFinancePrisma(database.target);
  const sql = await openSqlExecutor(database.target);
  return {
    target: database.target,
    prisma,
    sql,
    request: (tenant) => createFinanceData(prisma, tenant),
    async close() {
      await sql.close();
      await prisma.$disconnect();
      await database.drop();
    },
  };
}
