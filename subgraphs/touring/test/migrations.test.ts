// The hand-written migrations build exactly what schema.prisma declares, and the
// invariants Prisma cannot declare hold in the database itself, whoever writes.
import { fileURLToPath } from "node:url";
import { applyMigrations } from "@marquee/kit";
import { findSchemaDrift } from "@marquee/kit/testing";
import { demoCompanies, demoUsers } from "@marquee/kit/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { touringSchema } from "../src/data/touring-database.ts";
import { migrationsDir, openTouringTestDatabase, type TouringTestDatabase } from "./touring-test-database.ts";

const northwind = demoCompanies.northwind.id;
const harbor = demoCompanies.harbor.id;
const alice = demoUsers.alice.id;
const chicagoEvent = "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0004";

let db: TouringTestDatabase;
beforeAll(async () => {
  db = await openTouringTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

async function insertTour(company = northwind): Promise<string> {
  const [row] = await db.sql.query<{ id: string }>(
    `INSERT INTO touring.tour (company_id, artist_id, name, daily_drive_limit_km, created_by) VALUES ($1, $2, 'Spring Tour', 600, $3) RETURNING id::text`,
    [company, crypto.randomUUID(), alice],
  );
  return row!.id;
}

async function insertStop(tour: string, columns: Record<string, unknown>): Promise<void> {
  const row = { company_id: northwind, tour_id: tour, position: 0, kind: "DAY_OFF", date_fixed: true, day: "2026-05-15", ...columns };
  const names = Object.keys(row);
  await db.sql.query(`INSERT INTO touring.tour_stop (${names.join(", ")}) VALUES (${names.map((_, index) => `$${index + 1}`).join(", ")})`, Object.values(row));
}

const cleveland = { city: "Cleveland", country: "US", latitude: 41.4993, longitude: -81.6944, time_zone: "America/New_York" };

describe("migrations", () => {
  it("build exactly what schema.prisma declares", async () => {
    const drift = await findSchemaDrift(db.sql, { schema: touringSchema, prismaSchemaPath: fileURLToPath(new URL("../../../prisma/touring/schema.prisma", import.meta.url)) });
    expect(drift).toEqual([]);
  });

  it("are recorded, so a second run applies nothing", async () => {
    expect(await applyMigrations(db.target, { schema: touringSchema, migrationsDir })).toEqual([]);
  });
});

describe("the stop table's invariants", () => {
  it("keep positions unique per tour", async () => {
    const tour = await insertTour();
    await insertStop(tour, { position: 0 });
    await expect(insertStop(tour, { position: 0, day: "2026-05-16" })).rejects.toThrow(/tour_stop_tour_id_position_key/);
    await insertStop(await insertTour(), { position: 0 });
  });

  it("make a show an event without a day or place of its own, and other stops no event", async () => {
    const tour = await insertTour();
    await expect(insertStop(tour, { kind: "SHOW", day: null })).rejects.toThrow(/tour_stop_show_is_an_event/);
    await expect(insertStop(tour, { kind: "SHOW", event_id: chicagoEvent })).rejects.toThrow(/tour_stop_show_is_an_event/);
    await expect(insertStop(tour, { event_id: chicagoEvent })).rejects.toThrow(/tour_stop_show_is_an_event/);
    await insertStop(tour, { kind: "SHOW", event_id: chicagoEvent, day: null });
  });

  it("route an event once per company", async () => {
    await expect(insertStop(await insertTour(), { kind: "SHOW", event_id: chicagoEvent, day: null })).rejects.toThrow(/tour_stop_company_id_event_id_key/);
  });

  it("give a travel day or day off a day exactly when its date is fixed, and a whole place or none", async () => {
    const tour = await insertTour();
    await expect(insertStop(tour, { date_fixed: false })).rejects.toThrow(/tour_stop_day_when_fixed/);
    await expect(insertStop(tour, { day: null })).rejects.toThrow(/tour_stop_day_when_fixed/);
    await expect(insertStop(tour, { ...cleveland, time_zone: null })).rejects.toThrow(/tour_stop_place_complete/);
    await expect(insertStop(tour, { ...cleveland, latitude: 91 })).rejects.toThrow(/tour_stop_place_complete/);
    await insertStop(tour, { ...cleveland, date_fixed: false, day: null });
  });

  it("keep stops in their tour's company", async () => {
    const tour = await insertTour();
    await expect(insertStop(tour, { company_id: harbor })).rejects.toThrow(/tour_stop_tour_fkey/);
  });
});

describe("the schedule table's invariants", () => {
  const insertItem = async (tour: string, columns: Record<string, unknown>) => {
    const row = { company_id: northwind, tour_id: tour, day: "2026-05-15", kind: "DOORS", title: "Doors", starts_at: "2026-05-15T23:00:00Z", start_time_zone: "America/Chicago", created_by: alice, ...columns };
    const names = Object.keys(row);
    await db.sql.query(`INSERT INTO touring.schedule_item (${names.join(", ")}) VALUES (${names.map((_, index) => `$${index + 1}`).join(", ")})`, Object.values(row));
  };

  it("refuse travel without both ends and an arrival, hotels without check-out, ends before starts, and performers off a set", async () => {
    const tour = await insertTour();
    const arrival = { ends_at: "2026-05-15T17:15:00Z", end_time_zone: "America/New_York" };
    await expect(insertItem(tour, { kind: "TRAVEL", origin: "ORD" })).rejects.toThrow(/schedule_item_travel_complete/);
    await expect(insertItem(tour, { kind: "TRAVEL", origin: "ORD", destination: "LGA" })).rejects.toThrow(/schedule_item_travel_complete/);
    await expect(insertItem(tour, { kind: "HOTEL" })).rejects.toThrow(/schedule_item_hotel_checks_out/);
    await expect(insertItem(tour, { ends_at: "2026-05-15T22:00:00Z", end_time_zone: "America/Chicago" })).rejects.toThrow(/schedule_item_ends_after_start/);
    await expect(insertItem(tour, { ends_at: "2026-05-16T01:00:00Z" })).rejects.toThrow(/schedule_item_end_zone_with_end/);
    await expect(insertItem(tour, { performer_artist_id: crypto.randomUUID() })).rejects.toThrow(/schedule_item_performer_plays_a_set/);
    await expect(insertItem(tour, { company_id: harbor })).rejects.toThrow(/schedule_item_tour_fkey/);
    await insertItem(tour, { kind: "TRAVEL", origin: "ORD", destination: "LGA", starts_at: "2026-05-15T15:00:00Z", ...arrival });
  });
});
