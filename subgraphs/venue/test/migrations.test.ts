// The hand-written migrations build exactly what schema.prisma declares, and the
// invariants Prisma cannot declare hold in the database itself, whoever writes: above
// all, no double booking and no duplicate hold rank, refused by exclusion constraints.
import { fileURLToPath } from "node:url";
import { applyMigrations } from "@marquee/kit";
import { findSchemaDrift } from "@marquee/kit/testing";
import { demoCompanies, demoUsers } from "@marquee/kit/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { venueSchema } from "../src/data/venue-database.ts";
import { migrationsDir, openVenueTestDatabase, type VenueTestDatabase } from "./venue-test-database.ts";

const harbor = demoCompanies.harbor.id;
const northwind = demoCompanies.northwind.id;
const hana = demoUsers.hana.id;
const event = "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0102";

let db: VenueTestDatabase;
let venue: string;
let mainHall: string;
let clubRoom: string;
let fullHouse: string;
let layout: string;

async function insert(table: string, row: Record<string, unknown>): Promise<string> {
  const names = Object.keys(row);
  const [inserted] = await db.sql.query<{ id: string }>(
    `INSERT INTO venue.${table} (${names.join(", ")}) VALUES (${names.map((_, index) => `$${index + 1}`).join(", ")}) RETURNING ${table.endsWith("block") || table.endsWith("part") || table.endsWith("section") ? "company_id" : "id"}::text AS id`,
    Object.values(row),
  );
  return inserted!.id;
}

beforeAll(async () => {
  db = await openVenueTestDatabase();
  venue = await insert("venue", { company_id: harbor, name: "Harbor Hall", address: "Elbe 1", city: "Hamburg", country: "DE", time_zone: "Europe/Berlin", created_by: hana });
  mainHall = await insert("space", { company_id: harbor, venue_id: venue, name: "Main Hall", turnaround_minutes: 60 });
  clubRoom = await insert("space", { company_id: harbor, venue_id: venue, name: "Club Room", turnaround_minutes: 30 });
  fullHouse = await insert("space", { company_id: harbor, venue_id: venue, name: "Full House", turnaround_minutes: 90 });
  layout = await insert("layout", { company_id: harbor, space_id: mainHall, name: "Standing", kind: "STANDING" });
});
afterAll(async () => {
  await db?.close();
});

/** A hold and its booking on `space`, with one block on `blockSpace` over [from, until). */
async function booking(space: string, blockSpace: string, from: string, until: string) {
  const hold = await insert("hold", { company_id: harbor, venue_id: venue, space_id: space, event_id: crypto.randomUUID(), starts_at: from, ends_at: until, rank: 1, created_by: hana });
  const id = await insert("booking", {
    company_id: harbor,
    venue_id: venue,
    space_id: space,
    layout_id: space === mainHall ? layout : await insert("layout", { company_id: harbor, space_id: space, name: `L ${crypto.randomUUID()}`, kind: "MIXED" }),
    event_id: crypto.randomUUID(),
    hold_id: hold,
    starts_at: from,
    ends_at: until,
    confirmed_by: hana,
  });
  const block = () => insert("booking_block", { company_id: harbor, booking_id: id, space_id: blockSpace, status: "CONFIRMED", blocked_from: from, blocked_until: until });
  return { id, block };
}

describe("migrations", () => {
  it("build exactly what schema.prisma declares", async () => {
    const drift = await findSchemaDrift(db.sql, { schema: venueSchema, prismaSchemaPath: fileURLToPath(new URL("../../../prisma/venue/schema.prisma", import.meta.url)) });
    expect(drift).toEqual([]);
  });

  it("are recorded, so a second run applies nothing", async () => {
    expect(await applyMigrations(db.target, { schema: venueSchema, migrationsDir })).toEqual([]);
    const history = await db.sql.query<{ migration_name: string }>(`SELECT migration_name FROM venue._prisma_migrations`);
    expect(history.map((row) => row.migration_name)).toEqual(["20261125090000_venue_spaces_holds_bookings", "20261127120000_section_capacity_bound"]);
  });
});

describe("the no-double-booking exclusion constraint", () => {
  it("refuses a second confirmed booking of a space at an overlapping time, and allows one that starts where the other ends", async () => {
    const first = await booking(mainHall, mainHall, "2026-06-01T18:00:00Z", "2026-06-01T22:00:00Z");
    await first.block();
    const overlapping = await booking(mainHall, mainHall, "2026-06-01T21:59:00Z", "2026-06-02T01:00:00Z");
    await expect(overlapping.block()).rejects.toThrow(/booking_block_no_double_booking/);
    const after = await booking(mainHall, mainHall, "2026-06-01T22:00:00Z", "2026-06-02T01:00:00Z");
    await expect(after.block()).resolves.toBe(harbor);
  });

  it("refuses a combination's block on a part another booking holds, and lets a cancelled booking free it", async () => {
    const part = await booking(clubRoom, clubRoom, "2026-07-01T18:00:00Z", "2026-07-01T22:00:00Z");
    await part.block();
    const whole = await booking(fullHouse, clubRoom, "2026-07-01T20:00:00Z", "2026-07-01T23:00:00Z");
    await expect(whole.block()).rejects.toThrow(/booking_block_no_double_booking/);

    // Cancelling cascades the status to the block, which then no longer counts.
    await db.sql.query(`UPDATE venue.booking SET status = 'CANCELLED', cancelled_at = now(), cancelled_by = $2 WHERE id = $1`, [part.id, hana]);
    const [block] = await db.sql.query<{ status: string }>(`SELECT status::text FROM venue.booking_block WHERE booking_id = $1`, [part.id]);
    expect(block!.status).toBe("CANCELLED");
    await expect(whole.block()).resolves.toBe(harbor);
  });

  it("holds a block to its booking's status: a block cannot claim to be confirmed for a cancelled booking", async () => {
    const cancelled = await booking(mainHall, mainHall, "2026-08-01T18:00:00Z", "2026-08-01T22:00:00Z");
    await db.sql.query(`UPDATE venue.booking SET status = 'CANCELLED', cancelled_at = now(), cancelled_by = $2 WHERE id = $1`, [cancelled.id, hana]);
    await expect(cancelled.block()).rejects.toThrow(/booking_block_company_id_booking_id_status_fkey/);
  });
});

describe("the hold tables' invariants", () => {
  async function holdWithBlock(space: string, rank: number, from: string, until: string) {
    const hold = await insert("hold", { company_id: harbor, venue_id: venue, space_id: space, event_id: event, starts_at: from, ends_at: until, rank, created_by: hana });
    const block = () => insert("hold_block", { company_id: harbor, hold_id: hold, space_id: space, rank, status: "ACTIVE", blocked_from: from, blocked_until: until });
    return { hold, block };
  }

  it("refuse two active holds of one rank at overlapping times on a space, and follow a hold's rank change", async () => {
    const first = await holdWithBlock(clubRoom, 1, "2026-09-01T18:00:00Z", "2026-09-01T22:00:00Z");
    await first.block();
    const rival = await holdWithBlock(clubRoom, 1, "2026-09-01T20:00:00Z", "2026-09-01T23:00:00Z");
    await expect(rival.block()).rejects.toThrow(/hold_block_rank_unique_while_active/);
    const second = await holdWithBlock(clubRoom, 2, "2026-09-01T20:00:00Z", "2026-09-01T23:00:00Z");
    await second.block();

    // Releasing the first and promoting the second: the block's rank follows by cascade.
    await db.sql.query(`UPDATE venue.hold SET status = 'RELEASED', closed_at = now(), closed_by = $2 WHERE id = $1`, [first.hold, hana]);
    await db.sql.query(`UPDATE venue.hold SET rank = 1 WHERE id = $1`, [second.hold]);
    const blocks = await db.sql.query<{ rank: number; status: string }>(`SELECT rank, status::text FROM venue.hold_block WHERE hold_id = ANY($1::uuid[]) ORDER BY rank`, [[first.hold, second.hold]]);
    expect(blocks).toEqual([
      { rank: 1, status: "RELEASED" },
      { rank: 1, status: "ACTIVE" },
    ]);
  });

  it("refuse a hold that ends before it starts, a rank below 1, and a closed hold without who closed it", async () => {
    const hold = (columns: Record<string, unknown>) =>
      insert("hold", { company_id: harbor, venue_id: venue, space_id: mainHall, event_id: event, starts_at: "2026-10-01T18:00:00Z", ends_at: "2026-10-01T22:00:00Z", rank: 1, created_by: hana, ...columns });
    await expect(hold({ ends_at: "2026-10-01T18:00:00Z" })).rejects.toThrow(/hold_range_forward/);
    await expect(hold({ rank: 0 })).rejects.toThrow(/hold_rank_positive/);
    await expect(hold({ status: "RELEASED" })).rejects.toThrow(/hold_closed_when_not_active/);
  });
});

describe("the spaces' invariants", () => {
  it("keep a combination's parts in its venue and company, and a layout section's capacity from 1 to 1,000,000", async () => {
    const elsewhere = await insert("venue", { company_id: harbor, name: "Annex", address: "Elbe 2", city: "Hamburg", country: "DE", time_zone: "Europe/Berlin", created_by: hana });
    const annexRoom = await insert("space", { company_id: harbor, venue_id: elsewhere, name: "Annex Room", turnaround_minutes: 0 });
    await expect(insert("space_part", { company_id: harbor, venue_id: venue, combination_id: fullHouse, part_id: annexRoom })).rejects.toThrow(/space_part_company_id_venue_id_part_id_fkey/);
    await expect(insert("space_part", { company_id: northwind, venue_id: venue, combination_id: fullHouse, part_id: mainHall })).rejects.toThrow(/fkey/);
    await expect(insert("space_part", { company_id: harbor, venue_id: venue, combination_id: fullHouse, part_id: fullHouse })).rejects.toThrow(/space_part_not_itself/);
    await expect(insert("layout_section", { company_id: harbor, layout_id: layout, position: 0, name: "Floor", capacity: 0 })).rejects.toThrow(/layout_section_capacity_positive/);
    await expect(insert("layout_section", { company_id: harbor, layout_id: layout, position: 0, name: "Floor", capacity: 1_000_001 })).rejects.toThrow(/layout_section_capacity_bound/);
  });
});
