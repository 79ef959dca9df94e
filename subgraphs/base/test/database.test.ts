// The database itself holds Base's invariants, whatever code writes to it.
import { applyMigrations, openSqlExecutor, type SqlExecutor, type SqlSession } from "@marquee/kit";
import { createTestDatabaseTarget, findSchemaDrift } from "@marquee/kit/testing";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

/** What `work` finds, in a transaction that is then rolled back. */
async function rolledBack<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
  let found: T | undefined;
  await sql
    .transaction(async (session) => {
      found = await work(session);
      throw new Error("rolled back");
    })
    .catch((error: unknown) => {
      if (!(error instanceof Error && error.message === "rolled back")) throw error;
    });
  return found as T;
}

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
    expect(database.applied).toEqual(["20261124000000_base_events_artists", "20261127120000_capacity_bound", "20261127181000_ticket_tiers"]);
    expect(await applyMigrations(database.target, baseSubgraph.data)).toEqual([]);
  });

  it("build exactly what schema.prisma declares", async () => {
    const prismaSchemaPath = fileURLToPath(new URL("../../../prisma/base/schema.prisma", import.meta.url));
    expect(await findSchemaDrift(sql, { schema: "base", prismaSchemaPath })).toEqual([]);
  });

  it("give every event stored before ticket tiers one General admission tier of its figures, which stay as they were", async () => {
    // A database as it was before the tiers: the first migration, with rows written then
    // (one of them over the capacity bound the second migration added NOT VALID).
    const migrationsDir = fileURLToPath(baseSubgraph.data.migrationsDir);
    const earlier = await mkdtemp(join(tmpdir(), "base-migrations-"));
    const old = await createTestDatabaseTarget();
    const oldSql = await openSqlExecutor(old.target);
    try {
      await cp(join(migrationsDir, "migration_lock.toml"), join(earlier, "migration_lock.toml"));
      await cp(join(migrationsDir, "20261124000000_base_events_artists"), join(earlier, "20261124000000_base_events_artists"), { recursive: true });
      expect(await applyMigrations(old.target, { schema: "base", migrationsDir: earlier })).toEqual(["20261124000000_base_events_artists"]);
      const companyId = demoEvents.chicago.companyId;
      const insertEvent = (name: string, figures: string) =>
        oldSql.query<{ id: string }>(
          `INSERT INTO base.event (company_id, name, starts_at, ends_at, time_zone, venue_name, city, country, latitude, longitude, capacity, tickets_sold, ticket_price, currency, updated_at)
           VALUES ($1, $2, '2026-06-01T18:00:00Z', '2026-06-01T22:00:00Z', 'Europe/Berlin', 'Hall', 'Berlin', 'DE', 52.5, 13.4, ${figures}, '2026-01-02T03:04:05Z')
           RETURNING id::text`,
          [companyId, name],
        );
      const [small] = await insertEvent("Small Room", "120, 75, 18.5, 'EUR'");
      const [free] = await insertEvent("Free Show", "0, 0, 0, 'USD'");
      const [huge] = await insertEvent("Before the bound", "1500000, 1000, 9.99, 'GBP'");

      expect(await applyMigrations(old.target, baseSubgraph.data)).toEqual(["20261127120000_capacity_bound", "20261127181000_ticket_tiers"]);
      const tiers = await oldSql.query(
        `SELECT e.name AS event, t.position, t.name, t.price::text AS price, t.allocation, t.kills, t.comps, t.sold, t.company_id::text = e.company_id::text AS same_company
         FROM base.ticket_tier t JOIN base.event e ON e.id = t.event_id ORDER BY e.name`,
      );
      expect(tiers).toEqual([
        { event: "Before the bound", position: 0, name: "General admission", price: "9.9900", allocation: 1_500_000, kills: 0, comps: 0, sold: 1000, same_company: true },
        { event: "Free Show", position: 0, name: "General admission", price: "0.0000", allocation: 0, kills: 0, comps: 0, sold: 0, same_company: true },
        { event: "Small Room", position: 0, name: "General admission", price: "18.5000", allocation: 120, kills: 0, comps: 0, sold: 75, same_company: true },
      ]);
      // The figures, and when the events last changed, are what they were.
      const events = await oldSql.query(`SELECT id::text, capacity, tickets_sold, ticket_price::text AS price, updated_at::text FROM base.event ORDER BY name`);
      expect(events).toEqual([
        { id: huge!.id, capacity: 1_500_000, tickets_sold: 1000, price: "9.9900", updated_at: "2026-01-02 03:04:05+00" },
        { id: free!.id, capacity: 0, tickets_sold: 0, price: "0.0000", updated_at: "2026-01-02 03:04:05+00" },
        { id: small!.id, capacity: 120, tickets_sold: 75, price: "18.5000", updated_at: "2026-01-02 03:04:05+00" },
      ]);
      // From now on the tiers are the source: selling two more at the Small Room moves the event.
      await oldSql.query(`UPDATE base.ticket_tier SET sold = sold + 2 WHERE event_id = $1`, [small!.id]);
      expect(await oldSql.query(`SELECT tickets_sold FROM base.event WHERE id = $1`, [small!.id])).toEqual([{ tickets_sold: 77 }]);
    } finally {
      await oldSql.close();
      await old.drop();
      await rm(earlier, { recursive: true, force: true });
    }
  });
});

describe("an event's ticket tiers", () => {
  const event = demoEvents.chicago;
  /** Inserts tiers for Chicago (companyId, event and position filled in) and answers its figures, all rolled back. */
  const figuresAfter = (statements: (session: SqlSession) => Promise<unknown>) =>
    rolledBack(async (session) => {
      await statements(session);
      return (await session.query(`SELECT capacity, tickets_sold, ticket_price::text AS price FROM base.event WHERE id = $1`, [event.id]))[0];
    });
  const insertTier = (session: SqlSession, position: number, values: string) =>
    session.query(
      `INSERT INTO base.ticket_tier (company_id, event_id, position, name, price, allocation, kills, comps, sold) VALUES ($1, $2, ${position}, ${values})`,
      [event.companyId, event.id],
    );

  it("derive the event's capacity, tickets sold and price after every statement", async () => {
    // Chicago's one tier: 800 seats, 612 sold at 45.00. Adding a balcony of 120 seats (10 killed,
    // 5 comps, 60 sold) at 60.00: capacity 800 + 110 = 910, sold 612 + 60 = 672, price still 45.00.
    expect(await figuresAfter((session) => insertTier(session, 1, "'Balcony', 60, 120, 10, 5, 60"))).toEqual({ capacity: 910, tickets_sold: 672, price: "45.0000" });
    // Cheaper seats lower the "tickets from" price; deleting general admission leaves the balcony's figures.
    expect(
      await figuresAfter(async (session) => {
        await insertTier(session, 1, "'Restricted view', 29.5, 40, 0, 0, 12");
        await session.query(`DELETE FROM base.ticket_tier WHERE event_id = $1 AND name = 'General admission'`, [event.id]);
      }),
    ).toEqual({ capacity: 40, tickets_sold: 12, price: "29.5000" });
  });

  it("take the price from a tier with tickets to sell: a guest list of comps at 0.00 does not make the event free", async () => {
    expect(await figuresAfter((session) => insertTier(session, 1, "'Guest list', 0, 50, 0, 50, 0"))).toEqual({ capacity: 850, tickets_sold: 612, price: "45.0000" });
    // With no tier left that sells anything, the lowest price is all there is.
    expect(
      await figuresAfter(async (session) => {
        await insertTier(session, 1, "'Guest list', 0, 50, 0, 50, 0");
        await session.query(`UPDATE base.ticket_tier SET sold = 0, comps = allocation WHERE event_id = $1`, [event.id]);
      }),
    ).toEqual({ capacity: 850, tickets_sold: 0, price: "0.0000" });
  });

  it("reorder in one statement, two positions swapped", async () => {
    const positions = await rolledBack(async (session) => {
      await insertTier(session, 1, "'Balcony', 60, 120, 0, 0, 0");
      await session.query(`UPDATE base.ticket_tier SET position = 1 - position WHERE event_id = $1`, [event.id]);
      return session.query(`SELECT name, position FROM base.ticket_tier WHERE event_id = $1 ORDER BY position`, [event.id]);
    });
    expect(positions).toEqual([
      { name: "Balcony", position: 0 },
      { name: "General admission", position: 1 },
    ]);
  });

  it.each([
    ["kills, comps and sold beyond the allocation", "'Box', 80, 10, 3, 3, 5", "23514"],
    ["an allocation over 1,000,000", "'Field', 10, 1000001, 0, 0, 0", "23514"],
    ["tiers adding up to a capacity over 1,000,000", "'Field', 10, 1000000, 0, 0, 0", "23514"],
    ["a negative price", "'Box', -1, 10, 0, 0, 0", "23514"],
    ["a negative count", "'Box', 80, 10, -1, 0, 0", "23514"],
    ["a blank name", "'  ', 80, 10, 0, 0, 0", "23514"],
    ["a name the event already has", "'General admission', 80, 10, 0, 0, 0", "23505"],
  ])("refuse %s", async (_case, values, code) => {
    expect(await failureOf(`INSERT INTO base.ticket_tier (company_id, event_id, position, name, price, allocation, kills, comps, sold) VALUES ('${event.companyId}', '${event.id}', 5, ${values})`)).toBe(code);
  });

  it("refuse a tier of another company's event, and a second tier at a position taken", async () => {
    const harbor = demoEvents.harborJazzNight.companyId;
    expect(await failureOf(`INSERT INTO base.ticket_tier (company_id, event_id, position, name, price, allocation) VALUES ('${harbor}', '${event.id}', 5, 'Box', 80, 10)`)).toBe("23503");
    expect(await failureOf(`INSERT INTO base.ticket_tier (company_id, event_id, position, name, price, allocation) VALUES ('${event.companyId}', '${event.id}', 0, 'Box', 80, 10)`)).toBe("23505");
  });

  it("go with their event when it is deleted", async () => {
    const left = await rolledBack(async (session) => {
      await session.query(`DELETE FROM base.event WHERE id = $1`, [demoEvents.paris.id]);
      return session.query(`SELECT count(*)::int AS count FROM base.ticket_tier WHERE event_id = $1`, [demoEvents.paris.id]);
    });
    expect(left).toEqual([{ count: 0 }]);
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
