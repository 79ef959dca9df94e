// A throwaway Venue database for data-layer tests, migrated as a deployment would be:
// PGlite by default, a fresh PostgreSQL database when DATABASE_URL is set.
import { fileURLToPath } from "node:url";
import { applyMigrations, openSqlExecutor, type DatabaseTarget, type SqlExecutor, type Tenant } from "@marquee/kit";
import { createTestDatabaseTarget } from "@marquee/kit/testing";
import { createVenueData, type VenueData } from "../src/data/venue-data.ts";
import { createVenuePrisma, venueSchema, type VenuePrisma } from "../src/data/venue-database.ts";
import { venueSubgraph } from "../src/index.ts";

export interface VenueTestDatabase {
  target: DatabaseTarget;
  prisma: VenuePrisma;
  /** Plain SQL, to look at the tables as they are. */
  sql: SqlExecutor;
  /** What one request of `tenant` reads and writes, with its own loaders. */
  request(tenant: Tenant): VenueData;
  close(): Promise<void>;
}

export const migrationsDir = fileURLToPath(venueSubgraph.data.migrationsDir);

export async function openVenueTestDatabase(): Promise<VenueTestDatabase> {
  const database = await createTestDatabaseTarget();
  await applyMigrations(database.target, { schema: venueSchema, migrationsDir });
  const prisma = createVenuePrisma(database.target);
  const sql = await openSqlExecutor(database.target);
  return {
    target: database.target,
    prisma,
    sql,
    request: (tenant) => createVenueData(prisma, tenant),
    async close() {
      await sql.close();
      await prisma.$disconnect();
      await database.drop();
    },
  };
}
