// Plain SQL against a database target, for the migration runner, the drift check, the
// access directory's reads and tests: the same few calls whether PostgreSQL is a server
// or embedded.
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { DatabaseTarget } from "./database-target.ts";
import { openPostgresPool } from "./postgres-pool.ts";

export type SqlRow = Record<string, unknown>;

/**
 * What can run inside a transaction. Values come back as each driver parses them
 * (a bigint is a number on PGlite but a string from `pg`), so cast in SQL where a test
 * compares them across both (`count(*)::int`).
 */
export interface SqlSession {
  query<Row = SqlRow>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of one or more statements, without parameters. */
  exec(sql: string): Promise<void>;
}

export interface SqlExecutor extends SqlSession {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it rejects. */
  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Concurrent reads for a serving process, each statement on its own. */
export interface SqlPool {
  query<Row = SqlRow>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

/**
 * Reads on the target: a pool of connections on a server, sized and reported like a
 * Prisma client's, or the shared instance when embedded (which `close()` leaves open).
 */
export function openSqlPool(target: DatabaseTarget, schema: string): SqlPool {
  switch (target.kind) {
    case "postgres": {
      const pool = openPostgresPool(target, schema);
      // A connection that breaks while idle leaves the pool, and the next query opens
      // another; without a listener Node would end the process instead.
      pool.on("error", () => {});
      return {
        query: async <Row>(sql: string, params: readonly unknown[] = []) => (await pool.query(sql, [...params])).rows as Row[],
        close: () => pool.end(),
      };
    }
    case "embedded":
      return createPGliteExecutor(target.pglite);
  }
}

/** An executor for the target: a dedicated connection on a server, the shared instance when embedded. */
export async function openSqlExecutor(target: DatabaseTarget): Promise<SqlExecutor> {
  switch (target.kind) {
    case "postgres":
      return connectPostgresExecutor(target.url);
    case "embedded":
      return createPGliteExecutor(target.pglite);
  }
}

/**
 * An executor over an embedded database. `close()` leaves the database open: it
 * belongs to whoever created it, and Prisma clients may be using it too.
 */
export function createPGliteExecutor(pglite: PGlite): SqlExecutor {
  const sessionOf = (connection: Pick<PGlite, "query" | "exec">): SqlSession => ({
    query: async <Row>(sql: string, params: readonly unknown[] = []) => (await connection.query<Row>(sql, [...params])).rows,
    exec: async (sql) => {
      await connection.exec(sql);
    },
  });
  return {
    ...sessionOf(pglite),
    transaction: (work) => pglite.transaction((transaction) => work(sessionOf(transaction))),
    close: async () => {},
  };
}

/** An executor over one dedicated `pg` connection, closed by `close()`. */
export async function connectPostgresExecutor(url: string): Promise<SqlExecutor> {
  const client = new pg.Client({ connectionString: url });
  // A connection that breaks while idle also fails the next query, which is where the
  // caller hears about it; without a listener Node would end the process instead.
  client.on("error", () => {});
  await client.connect();
  const session: SqlSession = {
    query: async <Row>(sql: string, params: readonly unknown[] = []) => (await client.query(sql, [...params])).rows as Row[],
    exec: async (sql) => {
      await client.query(sql);
    },
  };
  return {
    ...session,
    transaction: async (work) => {
      await client.query("BEGIN");
      try {
        const result = await work(session);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        // The work's failure is the one worth reporting; if the connection is gone the
        // rollback fails too, and the server rolls back on its own.
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    },
    close: () => client.end(),
  };
}
