// Test helpers of the platform kit (`@marquee/kit/testing`): test configuration, tokens,
// a GraphQL client, captured logs, throwaway databases and the schema drift check.
// Production never loads them.
export * from "./test-config.ts";
export * from "./test-signer.ts";
export * from "./graphql-client.ts";
export * from "./captured-logs.ts";
export { createTestDatabaseTarget, type TestDatabase } from "../db/test-database.ts";
export { findSchemaDrift, type SchemaDriftOptions } from "../db/schema-drift.ts";
export * from "./fake-auth-service.ts";
