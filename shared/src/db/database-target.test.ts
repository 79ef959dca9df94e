import { afterAll, describe, expect, it } from "vitest";
import { InvalidDatabaseUrlError, resolveDatabaseTarget } from "./database-target.ts";
import { closeEmbeddedDatabases, openEmbeddedDatabase } from "./embedded-database.ts";

afterAll(closeEmbeddedDatabases);

describe("resolveDatabaseTarget", () => {
  it("prefers the owner's own variable", async () => {
    const env = { FINANCE_DATABASE_URL: "postgres://finance-host/marquee", DATABASE_URL: "postgresql://shared-host/marquee" };
    expect(await resolveDatabaseTarget("finance", env)).toEqual({ kind: "postgres", url: "postgres://finance-host/marquee" });
  });

  it("falls back to DATABASE_URL for owners without a variable of their own", async () => {
    const env = { FINANCE_DATABASE_URL: "postgres://finance-host/marquee", DATABASE_URL: "postgresql://shared-host/marquee" };
    expect(await resolveDatabaseTarget("ai", env)).toEqual({ kind: "postgres", url: "postgresql://shared-host/marquee" });
  });

  it("uses the process's shared embedded database when no URL is set, empty variables included", async () => {
    const target = await resolveDatabaseTarget("access", { ACCESS_DATABASE_URL: "", DATABASE_URL: " " });
    expect(target).toEqual({ kind: "embedded", pglite: await openEmbeddedDatabase() });
  });

  it("names the variable holding a URL that is not PostgreSQL's, without echoing its value", async () => {
    const attempt = resolveDatabaseTarget("base", { BASE_DATABASE_URL: "mysql://root:secret@db/marquee" });
    await expect(attempt).rejects.toBeInstanceOf(InvalidDatabaseUrlError);
    await expect(attempt).rejects.toThrow("BASE_DATABASE_URL must be a postgres:// or postgresql:// URL; its scheme is mysql.");
  });

  it("names the variable holding something that is not a URL at all", async () => {
    await expect(resolveDatabaseTarget("venue", { DATABASE_URL: "marquee db on port 5432" })).rejects.toThrow(
      "DATABASE_URL must be a postgres:// or postgresql:// URL; its value is not a URL.",
    );
  });
});
