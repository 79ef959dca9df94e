// Test helpers of the platform kit (`@marquee/kit/testing`).
export * from "./test-config.ts";
export * from "./test-signer.ts";
export * from "./graphql-client.ts";
export * from "./captured-logs.ts";
export { createTestDatabaseTarget } from "../db/test-database.ts";
export * from "./fake-auth-service.ts";
