// Databases: where each owner's data lives, how Prisma reaches it, and how its
// migrations are applied and checked.
export { resolveDatabaseTarget, InvalidDatabaseUrlError, type DataOwner, type DatabaseTarget } from "./database-target.ts";
export { openEmbeddedDatabase, createEmbeddedDatabase, closeEmbeddedDatabases } from "./embedded-database.ts";
export { createPrismaAdapter } from "./prisma-adapter.ts";
export {
  openSqlExecutor,
  createPGliteExecutor,
  connectPostgresExecutor,
  type SqlExecutor,
  type SqlSession,
  type SqlRow,
} from "./sql-executor.ts";
export {
  applyMigrations,
  MigrationHistoryError,
  type MigrationHistoryProblem,
  type MigrationOptions,
} from "./migrate.ts";
export { findSchemaDrift, type SchemaDriftOptions } from "./schema-drift.ts";
export { countQueries, type QueryCounter, type QueryEventSource } from "./query-counter.ts";
export { createTestDatabaseTarget, type TestDatabase } from "./test-database.ts";
