// Throwaway databases for tests: a fresh database on the PostgreSQL server named by
// DATABASE_URL when it is set (as in CI), otherwise a fresh in-memory embedded one.
import { randomBytes } from "node:crypto";
import type { DatabaseTarget } from "./database-target.ts";
import { createEmbeddedDatabase } from "./embedded-database.ts";
import { connectPostgresExecutor } from "./sql-executor.ts";

export interface TestDatabase {
  target: DatabaseTarget;
  /** Deletes the database and everything in it; connections still open to it are ended. */
  drop(): Promise<void>;
}

export async function createTestDatabaseTarget(env: NodeJS.ProcessEnv = process.env): Promise<TestDatabase> {
  const serverUrl = env.DATABASE_URL?.trim();
  if (!serverUrl) {
    // Not the process's shared instance: each test database starts empty and dies alone.
    const pglite = await createEmbeddedDatabase();
    return { target: { kind: "embedded", pglite }, drop: () => pglite.close() };
  }

  const name = `marquee_test_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    target: { kind: "postgres", url: url.toString() },
    // FORCE: a test that failed half-way may have left a Prisma pool connected.
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const server = await connectPostgresExecutor(serverUrl);
  try {
    await server.exec(statement);
  } finally {
    await server.close();
  }
}
