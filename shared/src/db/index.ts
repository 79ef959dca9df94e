// Databases: where each owner's data lives, how Prisma reaches it, and how its
// migrations are applied.
export { resolveDatabaseTarget, resolveMigrationTarget, InvalidDatabaseUrlError, type DataOwner, type DatabaseTarget } from "./database-target.ts";
export { openEmbeddedDatabase, createEmbeddedDatabase, closeEmbeddedDatabases } from "./embedded-database.ts";
export { createPrismaAdapter } from "./prisma-adapter.ts";
export {
  openSqlExecutor,
  openSqlPool,
  createPGliteExecutor,
  connectPostgresExecutor,
  type SqlExecutor,
  type SqlPool,
  type SqlSession,
  type SqlRow,
} from "./sql-executor.ts";
export {
  applyMigrations,
  MigrationHistoryError,
  type MigrationHistoryProblem,
  type MigrationOptions,
} from "./migrate.ts";
export { countQueries, type QueryCounter, type QueryEventSource } from "./query-counter.ts";
export { isUniqueViolation } from "./unique-violation.ts";
export { provisionDatabaseRoles, ownerRoleOf, servingRoleOf, dataOwners, type DatabaseRoleOptions } from "./database-roles.ts";
