// Test helpers of the platform kit (`@marquee/kit/testing`): test configuration, tokens,
// a GraphQL client, captured logs, throwaway databases, a client that writes the access
// directory, the schema drift check, and the production processes and identity provider
// that the topology test and the benchmark start.
// Production never loads them.
export * from "./test-config.ts";
export * from "./test-signer.ts";
export * from "./graphql-client.ts";
export * from "./captured-logs.ts";
export { createTestDatabaseTarget, type TestDatabase } from "../db/test-database.ts";
export { createAccessDirectoryClient, type AccessDirectoryClient } from "../access/access-directory-client.ts";
export { findSchemaDrift, type SchemaDriftOptions } from "../db/schema-drift.ts";
export * from "./fake-auth-service.ts";
export * from "./base-entities-server.ts";
export * from "./production-process.ts";
export * from "./https-identity-provider.ts";
