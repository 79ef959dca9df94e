// The database itself holds Base's invariants, whatever code writes to it.
import { applyMigrations, openSqlExecutor, type SqlExecutor } from "@marquee/kit";
import { findSchemaDrift } from "@marquee/kit/testing";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoArtists, demoEvents } from "@marquee/kit/demo";
import { seedDemo } from "../src/demo/seed.ts";
import { baseSubgraph } from "../src/index.ts";
import { openBaseDatabase, type BaseDatabase } from "./support/base-database.ts";

let database: BaseDatabase;
let sql: SqlExecutor;

beforeAll(async () => {
  database = await openBaseDatabase();
  sql = await openSqlExecutor(database.target);
  await seedDemo(database.prisma, new Date());
});

afterAll(async () => {
  await sql.close();
  await database.close();
});

/** The SQLSTATE a statement fails with, or null when it succeeds (and is rolled back either way). */
async function failureOf(statement: string): Promise<string | null> {
  try {
    await sql.transaction(async (session) => {
      await session.exec(statement);
      throw new Error("rolled back");
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code ?? null;
  }
  return null;
}

describe("Base's migrations", () => {
  it("apply once, and then there is nothing left to apply", async () => {
    expect(database.applied).toEqual(["20261124000000_base_events_artists", "20261127120000_capacity_bound"]);
    expect(await applyMigrations(database.target, baseSubgraph.data)).toEqual([]);
  });

  it("build exactly what schema.prisma declares", async () => {
    const prismaSchemaPath = fileURLToPath(new URL("../../../prisma/base/schema.prisma", import.meta.url));
    expect(await findSchemaDrift(sql, { schema: "base", prismaSchemaPath })).toEqual([]);
  });
});

describe("the database", () => {
  const northwindEvent = demoEvents.chicago;
  const harborArtist = demoArtists.elbeQuartet;

  it("refuses a lineup row joining one company's event to another company's artist", async () => {
    expect(
      await failureOf(
        `INSERT INTO base.event_lineup (company_id, event_id, artist_id, position)
         VALUES ('${northwindEvent.companyId}', '${northwindEvent.id}', '${harborArtist.id}', 9)`,
      ),
    ).toBe("23503");
    expect(
      await failureOf(
        `INSERT INTO base.event_lineup (company_id, event_id, artist_id, position)
         VALUES ('${harborArtist.companyId}', '${northwindEvent.id}', '${harborArtist.id}', 9)`,
      ),
    ).toBe("23503");
  });

  it("accepts a lineup row within one company (the statement the two above differ from)", async () => {
    expect(
      await failureOf(
        `INSERT INTO base.event_lineup (company_id, event_id, artist_id, position)
         VALUES ('${northwindEvent.companyId}', '${northwindEvent.id}', '${demoArtists.deepSignal.id}', 9)`,
      ),
    ).toBeNull();
  });

  it("refuses deleting an artist who is in a lineup", async () => {
    expect(await failureOf(`DELETE FROM base.artist WHERE id = '${demoArtists.sagaNord.id}'`)).toBe("23503");
  });

  it.each([
    ["more tickets sold than capacity", "tickets_sold = capacity + 1"],
    ["a capacity over 1,000,000", "capacity = 1000001"],
    ["an end before the start", "ends_at = starts_at - interval '1 hour'"],
    ["a negative price", "ticket_price = -1"],
    ["a latitude off the globe", "latitude = 91"],
    ["a blank name", "name = '   '"],
    ["a lower-case currency", "currency = 'usd'"],
  ])("refuses %s", async (_case, assignment) => {
    expect(await failureOf(`UPDATE base.event SET ${assignment} WHERE id = '${northwindEvent.id}'`)).toBe("23514");
  });
});
