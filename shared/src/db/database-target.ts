// Where a data owner's tables live. Every owner keeps its tables in a PostgreSQL schema
// of its own name, so one server (or one embedded database) can hold all of them, and
// an owner can be moved to a server of its own by setting one variable.
import type { PGlite } from "@electric-sql/pglite";
import type { Pool } from "pg";
import { openEmbeddedDatabase } from "./embedded-database.ts";

/** The owners of data, each with a PostgreSQL schema of the same name. */
export type DataOwner = "access" | "base" | "finance" | "market" | "touring" | "venue" | "ai";

export type DatabaseTarget =
  | {
      kind: "postgres";
      url: string;
      /** Hears of each connection pool opened on the target (the process's metrics publish its sizes). */
      observePool?: (pool: Pool, schema: string) => void;
    }
  /** PostgreSQL compiled to WebAssembly, inside this process. */
  | { kind: "embedded"; pglite: PGlite };

export class InvalidDatabaseUrlError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`${variable} must be a postgres:// or postgresql:// URL; ${detail}.`);
    this.name = "InvalidDatabaseUrlError";
  }
}

/**
 * `<OWNER>_DATABASE_URL`, else `DATABASE_URL`, else the process's embedded database
 * (in `embeddedDataDir`, or in memory). An empty variable counts as unset, as it does
 * in most `.env` tooling.
 */
export async function resolveDatabaseTarget(
  owner: DataOwner,
  env: NodeJS.ProcessEnv = process.env,
  embeddedDataDir?: string,
): Promise<DatabaseTarget> {
  for (const variable of [`${owner.toUpperCase()}_DATABASE_URL`, "DATABASE_URL"]) {
    const url = env[variable]?.trim();
    if (url) return { kind: "postgres", url: validatePostgresUrl(variable, url) };
  }
  return { kind: "embedded", pglite: await openEmbeddedDatabase(embeddedDataDir) };
}

/**
 * Where an owner's migrations run: `<OWNER>_MIGRATION_DATABASE_URL` (the owner role of
 * database-roles.ts, which serving processes otherwise never hold), else the serving target.
 */
export function resolveMigrationTarget(owner: DataOwner, servingTarget: DatabaseTarget, env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const variable = `${owner.toUpperCase()}_MIGRATION_DATABASE_URL`;
  const url = env[variable]?.trim();
  return url ? { kind: "postgres", url: validatePostgresUrl(variable, url) } : servingTarget;
}

function validatePostgresUrl(variable: string, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The value itself stays out of the message: it may carry a password.
    throw new InvalidDatabaseUrlError(variable, "its value is not a URL");
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new InvalidDatabaseUrlError(variable, `its scheme is ${parsed.protocol.slice(0, -1)}`);
  }
  return url;
}
