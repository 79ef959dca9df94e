// A throwaway Touring database for data-layer tests, migrated as a deployment would be:
// PGlite by default, a fresh PostgreSQL database when DATABASE_URL is set.
import { fileURLToPath } from "node:url";
import { applyMigrations, openSqlExecutor, type DatabaseTarget, type SqlExecutor, type Tenant } from "@marquee/kit";
import { createTestDatabaseTarget } from "@marquee/kit/testing";
import { createTouringData, type TouringData } from "../src/data/touring-data.ts";
import { createTouringPrisma, touringSchema, type TouringPrisma } from "../src/data/touring-database.ts";
import { touringSubgraph } from "../src/index.ts";

export interface TouringTestDatabase {
  target: DatabaseTarget;
  prisma: TouringPrisma;
  /** Plain SQL, to look at the tables as they are. */
  sql: SqlExecutor;
  /** What one request of `tenant` reads and writes, with its own loaders. */
  request(tenant: Tenant): TouringData;
  close(): Promise<void>;
}

export const migrationsDir = fileURLToPath(touringSubgraph.data.migrationsDir);

export async function openTouringTestDatabase(): Promise<TouringTestDatabase> {
  const database = await createTestDatabaseTarget();
  await applyMigrations(database.target, { schema: touringSchema, migrationsDir });
  const prisma = createTouringPrisma(database.target);
  const sql = await openSqlExecutor(database.target);
  return {
    target: database.target,
    prisma,
    sql,
    request: (tenant) => createTouringData(prisma, tenant),
    async close() {
      await sql.close();
      await prisma.$disconnect();
      await database.drop();
    },
  };
}
