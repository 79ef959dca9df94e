// Changing a space's turnaround in the data layer, on a real database: the blocks of the
// holds and bookings that have not ended are recomputed (a combination's too), holds that
// now compete are re-ranked, past ones keep their blocks, and a turnaround that would
// make confirmed bookings overlap is refused with nothing changed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TimeRange } from "../src/domain/index.ts";
import { june, venueWorld } from "./venue-world.ts";
import { openVenueTestDatabase, type VenueTestDatabase } from "./venue-test-database.ts";

let db: VenueTestDatabase;
beforeAll(async () => {
  db = await openVenueTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

/** [from, until) on 1 June 2027 (ahead of any test run), in hours after midnight UTC. */
const nextJune = (from: number, until: number): TimeRange => ({
  start: new Date(Date.UTC(2027, 5, 1) + from * 3_600_000),
  end: new Date(Date.UTC(2027, 5, 1) + until * 3_600_000),
});

const capacity = { capacity: 100 };

type World = Awaited<ReturnType<typeof venueWorld>>;

async function book(world: World, spaceId: string, layoutId: string, range: TimeRange) {
  const hold = await world.hold(spaceId, range);
  return world.request().bookings.confirm(hold, layoutId, capacity);
}

async function blocksOf(table: "booking_block" | "hold_block", owner: "booking_id" | "hold_id", id: string) {
  const rows = await db.sql.query<{ space_id: string; blocked_until: Date }>(`SELECT space_id::text, blocked_until FROM venue.${table} WHERE ${owner} = $1 ORDER BY space_id`, [id]);
  return rows.map((row) => [row.space_id, new Date(row.blocked_until).toISOString()]);
}

describe("a longer turnaround", () => {
  it("extends the blocks of the bookings and holds ahead, a combination's included, and re-ranks holds that now compete", async () => {
    const world = await venueWorld(db, "DEMOTE_OVERLAPPING");
    const booking = await book(world, world.mainHall.id, world.layouts.mainHall.id, nextJune(18, 22));
    // Starts 30 minutes after the booking's turnaround today (23:00): first, competing with nothing.
    const after = await world.hold(world.mainHall.id, nextJune(23.5, 25));
    const wholeHouse = await book(world, world.fullHouse.id, world.layouts.fullHouse.id, nextJune(30, 32));
    const past = await book(world, world.mainHall.id, world.layouts.mainHall.id, june(18, 22));
    expect(after.rank).toBe(1);

    const updated = await world.request().venues.updateSpace(world.mainHall.id, { turnaroundMinutes: 120 });

    expect(updated).toMatchObject({ id: world.mainHall.id, name: "Main Hall", turnaroundMinutes: 120 });
    expect(await blocksOf("booking_block", "booking_id", booking.id)).toEqual([[world.mainHall.id, "2027-06-02T00:00:00.000Z"]]);
    // The Full House keeps the Main Hall for the longer turnaround (now the part's 120 minutes), the Club Room for its own 90.
    expect(await blocksOf("booking_block", "booking_id", wholeHouse.id)).toEqual(
      [
        [world.mainHall.id, "2027-06-02T10:00:00.000Z"],
        [world.clubRoom.id, "2027-06-02T09:30:00.000Z"],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
    expect(await blocksOf("hold_block", "hold_id", after.id)).toEqual([[world.mainHall.id, "2027-06-02T03:00:00.000Z"]]);
    // The hold now starts inside the booking's turnaround: it stands behind the booking.
    expect(await world.rankOf(after.id)).toEqual(["ACTIVE", 2]);
    const [blockRank] = await db.sql.query<{ rank: number }>(`SELECT rank FROM venue.hold_block WHERE hold_id = $1`, [after.id]);
    expect(blockRank!.rank).toBe(2);
    // A booking that is over keeps the blocks it was made with.
    expect(await blocksOf("booking_block", "booking_id", past.id)).toEqual([[world.mainHall.id, "2026-06-01T23:00:00.000Z"]]);
  });

  it("that would make confirmed bookings overlap is refused, and nothing changes", async () => {
    const world = await venueWorld(db);
    const early = await book(world, world.mainHall.id, world.layouts.mainHall.id, nextJune(18, 22));
    // Exactly one turnaround (60 minutes) after the first booking.
    const late = await book(world, world.mainHall.id, world.layouts.mainHall.id, nextJune(23, 24));
    const hold = await world.hold(world.mainHall.id, nextJune(40, 42));

    await expect(world.request().venues.updateSpace(world.mainHall.id, { name: "Big Hall", turnaroundMinutes: 61 })).rejects.toMatchObject({
      message: 'With a turnaround of 61 minutes, confirmed bookings of "Main Hall" (or of a space it shares a floor with) would overlap; move or cancel one first.',
      extensions: { code: "BAD_USER_INPUT", reason: "DOUBLE_BOOKING", field: "turnaroundMinutes" },
    });

    expect(await world.request().venues.spaceById.load(world.mainHall.id)).toMatchObject({ name: "Main Hall", turnaroundMinutes: 60 });
    expect(await blocksOf("booking_block", "booking_id", early.id)).toEqual([[world.mainHall.id, "2027-06-01T23:00:00.000Z"]]);
    expect(await blocksOf("booking_block", "booking_id", late.id)).toEqual([[world.mainHall.id, "2027-06-02T01:00:00.000Z"]]);
    expect(await blocksOf("hold_block", "hold_id", hold.id)).toEqual([[world.mainHall.id, "2027-06-02T19:00:00.000Z"]]);
  });
});

describe("a shorter turnaround", () => {
  it("frees the range it no longer blocks: a hold that competed only with the turnaround moves up", async () => {
    const world = await venueWorld(db);
    const first = await world.hold(world.clubRoom.id, nextJune(18, 22));
    // Starts 15 minutes into the first hold's 30-minute turnaround.
    const second = await world.hold(world.clubRoom.id, nextJune(22.25, 24));
    expect(second.rank).toBe(2);

    await world.request().venues.updateSpace(world.clubRoom.id, { turnaroundMinutes: 15 });

    expect(await world.rankOf(first.id)).toEqual(["ACTIVE", 1]);
    expect(await world.rankOf(second.id)).toEqual(["ACTIVE", 1]);
    expect(await blocksOf("hold_block", "hold_id", first.id)).toEqual([[world.clubRoom.id, "2027-06-01T22:15:00.000Z"]]);
  });
});
