// Least privilege on a PostgreSQL server: each data owner gets two roles.
// - `<prefix>_<owner>_owner` owns the owner's schema and everything in it; migrations run
//   as this role (`<OWNER>_MIGRATION_DATABASE_URL`), and no serving process needs it.
// - `<prefix>_<owner>` is what the owner's processes serve with (`<OWNER>_DATABASE_URL`): it
//   may read and write the rows of its own schema's tables and nothing else: no other
//   schema (a raw query from Finance to Base's tables is refused by PostgreSQL), no DDL.
// The access directory's serving role may only read: modules consult the directory, Auth
// and Core write it. Provisioning runs once per database, as an administrator, before the
// first migration (the schemas must be created owned by their owner roles), and again at
// will: every statement is idempotent. The embedded database has a single user and no roles.
import { escapeIdentifier, escapeLiteral } from "pg";
import type { DataOwner } from "./database-target.ts";
import { connectPostgresExecutor } from "./sql-executor.ts";

export const dataOwners: readonly DataOwner[] = ["access", "base", "finance", "market", "touring", "venue", "ai"];

export interface DatabaseRoleOptions {
  /** Role names start with it; tests use their own so that runs never share roles. */
  prefix?: string;
  /**
   * Each role's password, by role name. A role without one can only log in where the
   * server trusts it (a development machine); production servers require passwords.
   */
  passwords?: Readonly<Record<string, string>>;
}

export const ownerRoleOf = (owner: DataOwner, prefix = "marquee") => `${prefix}_${owner}_owner`;
export const servingRoleOf = (owner: DataOwner, prefix = "marquee") => `${prefix}_${owner}`;

/** Creates or updates the roles and schemas of every owner in the database `adminUrl` names. */
export async function provisionDatabaseRoles(adminUrl: string, options: DatabaseRoleOptions = {}): Promise<void> {
  const server = await connectPostgresExecutor(adminUrl);
  try {
    const [{ database }] = (await server.query<{ database: string }>("SELECT current_database() AS database")) as [{ database: string }];
    // Venue's exclusion constraints need btree_gist, which only an administrator may add
    // to the shared `public` schema; the owner's migration then finds it in place.
    await server.exec("CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public");
    for (const owner of dataOwners) {
      await server.exec(rolesSql(owner, database, options));
    }
  } finally {
    await server.close();
  }
}

function rolesSql(owner: DataOwner, database: string, { prefix = "marquee", passwords = {} }: DatabaseRoleOptions): string {
  const ownerRole = ownerRoleOf(owner, prefix);
  const servingRole = servingRoleOf(owner, prefix);
  const [ownerName, servingName, schemaName, databaseName] = [ownerRole, servingRole, owner, database].map(escapeIdentifier);
  const rowRights = owner === "access" ? "SELECT" : "SELECT, INSERT, UPDATE, DELETE";
  // A role without a password given keeps the one it has, so that provisioning again changes nothing.
  const passwordOf = (role: string) => (passwords[role] === undefined ? "" : `PASSWORD ${escapeLiteral(passwords[role])}`);
  return `
    DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${escapeLiteral(ownerRole)}) THEN CREATE ROLE ${ownerName}; END IF;
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${escapeLiteral(servingRole)}) THEN CREATE ROLE ${servingName}; END IF;
    END $$;
    ALTER ROLE ${ownerName} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE ${passwordOf(ownerRole)};
    ALTER ROLE ${servingName} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE ${passwordOf(servingRole)};
    GRANT CONNECT ON DATABASE ${databaseName} TO ${ownerName}, ${servingName};
    -- A migration's CREATE SCHEMA IF NOT EXISTS is checked against this right even when the schema exists.
    GRANT CREATE ON DATABASE ${databaseName} TO ${ownerName};
    CREATE SCHEMA IF NOT EXISTS ${schemaName} AUTHORIZATION ${ownerName};
    GRANT USAGE ON SCHEMA ${schemaName} TO ${servingName};
    ALTER DEFAULT PRIVILEGES FOR ROLE ${ownerName} IN SCHEMA ${schemaName} GRANT ${rowRights} ON TABLES TO ${servingName};
    ALTER DEFAULT PRIVILEGES FOR ROLE ${ownerName} IN SCHEMA ${schemaName} GRANT USAGE, SELECT ON SEQUENCES TO ${servingName};
    GRANT ${rowRights} ON ALL TABLES IN SCHEMA ${schemaName} TO ${servingName};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schemaName} TO ${servingName};
  `;
}
