// Least privilege, checked by PostgreSQL itself: the roles are provisioned on a fresh
// database, each owner migrates as its owner role, and then each serving role is tried on
// what it may and may not do. Roles are server-wide, so this run's roles carry a prefix of
// their own and are dropped afterwards. PostgreSQL only: the embedded database has no roles.
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessDirectoryMigrations } from "../access/access-directory.ts";
import { dataOwners, ownerRoleOf, provisionDatabaseRoles, servingRoleOf } from "./database-roles.ts";
import { applyMigrations } from "./migrate.ts";
import { createTestDatabaseTarget, type TestDatabase } from "./test-database.ts";

const serverUrl = process.env["DATABASE_URL"];
const prefix = `marquee_roles_${randomBytes(4).toString("hex")}`;
const migrationsOf = (owner: string) => (owner === "access" ? accessDirectoryMigrations.migrationsDir : new URL(`../../../prisma/${owner}/migrations/`, import.meta.url));

let database: TestDatabase;
let databaseUrl: URL;

function urlAs(role: string): string {
  const url = new URL(databaseUrl);
  url.username = role;
  url.password = "";
  return url.href;
}

async function asRole<T>(role: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlAs(role) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The SQLSTATE PostgreSQL answers with, or "ok". */
async function attempt(role: string, statement: string): Promise<string> {
  return asRole(role, async (client) => {
    try {
      await client.query(statement);
      return "ok";
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    }
  });
}

describe.runIf(Boolean(serverUrl))("database roles on a PostgreSQL server", () => {
  beforeAll(async () => {
    database = await createTestDatabaseTarget();
    if (database.target.kind !== "postgres") throw new Error("PostgreSQL only");
    databaseUrl = new URL(database.target.url);
    await provisionDatabaseRoles(database.target.url, { prefix });
    // Provisioning twice changes nothing and fails on nothing.
    await provisionDatabaseRoles(database.target.url, { prefix });
    for (const owner of dataOwners) {
      await applyMigrations({ kind: "postgres", url: urlAs(ownerRoleOf(owner, prefix)) }, { schema: owner, migrationsDir: fileURLToPath(migrationsOf(owner)) });
    }
  }, 120_000);

  afterAll(async () => {
    if (!database) return;
    await database.drop();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      for (const owner of dataOwners) {
        for (const role of [servingRoleOf(owner, prefix), ownerRoleOf(owner, prefix)]) await admin.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(role)}`);
      }
    } finally {
      await admin.end();
    }
  });

  it("lets each owner role migrate its own schema, which it then owns", async () => {
    const owners = await asRole(ownerRoleOf("finance", prefix), (client) =>
      client.query<{ schema: string; owner: string }>(
        "SELECT nspname AS schema, pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = ANY($1) ORDER BY nspname",
        [dataOwners],
      ),
    );
    expect(owners.rows).toEqual([...dataOwners].sort().map((owner) => ({ schema: owner, owner: ownerRoleOf(owner, prefix) })));
  });

  it("refuses a raw query from Finance's serving role to Base's tables", async () => {
    const finance = servingRoleOf("finance", prefix);
    expect(await attempt(finance, 'SELECT count(*) FROM base."event"')).toBe("42501");
    expect(await attempt(finance, 'SELECT count(*) FROM access."membership"')).toBe("42501");
    expect(await attempt(finance, 'SELECT count(*) FROM venue."booking"')).toBe("42501");
    // Its own tables it may read and write.
    expect(await attempt(finance, 'SELECT count(*) FROM finance."expense"')).toBe("ok");
    expect(await attempt(finance, 'DELETE FROM finance."expense"')).toBe("ok");
  });

  it("gives a serving role no DDL, not even in its own schema", async () => {
    const base = servingRoleOf("base", prefix);
    expect(await attempt(base, "CREATE TABLE base.intruder (id int)")).toBe("42501");
    expect(await attempt(base, 'DROP TABLE base."event"')).toBe("42501");
    expect(await attempt(base, 'ALTER TABLE base."event" DROP CONSTRAINT IF EXISTS event_pkey')).toBe("42501");
    expect(await attempt(base, "CREATE SCHEMA intruder")).toBe("42501");
  });

  it("lets the access directory's serving role read the directory and nothing more", async () => {
    const access = servingRoleOf("access", prefix);
    expect(await attempt(access, 'SELECT count(*) FROM access."membership"')).toBe("ok");
    expect(await attempt(access, 'DELETE FROM access."membership"')).toBe("42501");
    expect(await attempt(access, "INSERT INTO access.\"module\" (key, name, description) VALUES ('intruder', 'x', 'x')")).toBe("42501");
    expect(await attempt(access, 'SELECT count(*) FROM finance."expense"')).toBe("42501");
  });

  it("keeps one owner role out of another owner's schema", async () => {
    expect(await attempt(ownerRoleOf("market", prefix), 'SELECT count(*) FROM finance."settlement"')).toBe("42501");
    expect(await attempt(ownerRoleOf("market", prefix), 'DROP TABLE finance."settlement"')).toBe("42501");
  });
});
