// The hold queue and confirmations in the data layer, on a real database: ranks assigned
// and promoted, combination spaces and turnarounds respected, the venue's confirmation
// setting, refusals, and 50 concurrent requests (holds and confirmations).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HoldRecord } from "../src/data/records.ts";
import { june, venueWorld } from "./venue-world.ts";
import { openVenueTestDatabase, type VenueTestDatabase } from "./venue-test-database.ts";

let db: VenueTestDatabase;
beforeAll(async () => {
  db = await openVenueTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const capacity = (value: number) => ({ capacity: value });

describe("holds", () => {
  it("take the next rank on an occupied range, and the holds behind move up when one is released", async () => {
    const world = await venueWorld(db);
    const first = await world.hold(world.mainHall.id, june(18, 22));
    const second = await world.hold(world.mainHall.id, june(19, 23));
    const third = await world.hold(world.mainHall.id, june(20, 21));
    const elsewhere = await world.hold(world.mainHall.id, june(2, 4));
    expect([first.rank, second.rank, third.rank, elsewhere.rank]).toEqual([1, 2, 3, 1]);

    const released = await world.request().holds.release(first.id);
    expect(released).toMatchObject({ status: "RELEASED", rank: 1, closedBy: world.tenant.userId });
    expect(await world.rankOf(second.id)).toEqual(["ACTIVE", 1]);
    expect(await world.rankOf(third.id)).toEqual(["ACTIVE", 2]);
    expect(await world.rankOf(elsewhere.id)).toEqual(["ACTIVE", 1]);

    await expect(world.request().holds.release(first.id)).rejects.toMatchObject({
      message: "The hold is RELEASED; only an ACTIVE hold can be released.",
      extensions: { code: "BAD_USER_INPUT", reason: "HOLD_NOT_ACTIVE", id: first.id, status: "RELEASED" },
    });
  });

  it("on a combination space compete with holds on its parts, turnarounds included, and not with a free part", async () => {
    const world = await venueWorld(db);
    const club = await world.hold(world.clubRoom.id, june(18, 22));
    const house = await world.hold(world.fullHouse.id, june(22.25, 23)); // inside the Club Room's 30-minute turnaround
    const main = await world.hold(world.mainHall.id, june(10, 12)); // the house's other part, another time
    const mainAtNight = await world.hold(world.mainHall.id, june(23.5, 24)); // inside the house's 90-minute turnaround
    const clubNextMorning = await world.hold(world.clubRoom.id, june(30, 32));
    expect([club.rank, house.rank, main.rank, mainAtNight.rank, clubNextMorning.rank]).toEqual([1, 2, 1, 3, 1]);
  });

  it("never share a rank when 50 are placed on one range at the same time", async () => {
    const world = await venueWorld(db);
    const holds = await Promise.all(Array.from({ length: 50 }, (_, index) => world.hold(index % 2 === 0 ? world.mainHall.id : world.fullHouse.id, june(18, 22))));
    expect(holds.map((hold) => hold.rank).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
  });
});

describe("confirming a hold", () => {
  it("books the first-ranked hold and, by default, releases the holds it competed with", async () => {
    const world = await venueWorld(db, "RELEASE_OVERLAPPING");
    const first = await world.hold(world.mainHall.id, june(18, 22));
    const second = await world.hold(world.fullHouse.id, june(19, 23));
    const club = await world.hold(world.clubRoom.id, june(19, 23));
    const booking = await world.request().bookings.confirm(first, world.layouts.mainHall.id, capacity(900));
    expect(booking).toMatchObject({ status: "CONFIRMED", holdId: first.id, spaceId: world.mainHall.id, layoutId: world.layouts.mainHall.id, start: june(18, 22).start });
    expect(await world.rankOf(first.id)).toEqual(["CONFIRMED", 1]);
    expect(await world.rankOf(second.id)).toEqual(["RELEASED", 2]);
    expect(await world.rankOf(club.id)).toEqual(["ACTIVE", 1]);
  });

  it("keeps competing holds behind the booking when the venue demotes them, and promotes them when it is cancelled", async () => {
    const world = await venueWorld(db, "DEMOTE_OVERLAPPING");
    const first = await world.hold(world.mainHall.id, june(18, 22));
    const second = await world.hold(world.mainHall.id, june(18, 22));
    const third = await world.hold(world.fullHouse.id, june(18, 22));
    const booking = await world.request().bookings.confirm(first, world.layouts.mainHall.id, capacity(500));
    expect(await world.rankOf(second.id)).toEqual(["ACTIVE", 2]);
    expect(await world.rankOf(third.id)).toEqual(["ACTIVE", 3]);
    const late = await world.hold(world.mainHall.id, june(21, 22));
    expect(late.rank).toBe(4);

    await expect(world.request().bookings.confirm((await world.request().holds.find(second.id))!, world.layouts.mainHall.id, capacity(500))).rejects.toMatchObject({
      message: "The hold is ranked 2; only the first hold can be confirmed.",
      extensions: { code: "BAD_USER_INPUT", reason: "HOLD_NOT_FIRST", rank: 2 },
    });

    const cancelled = await world.request().bookings.cancel(booking.id);
    expect(cancelled).toMatchObject({ status: "CANCELLED", cancelledBy: world.tenant.userId });
    expect(await world.rankOf(second.id)).toEqual(["ACTIVE", 1]);
    expect(await world.rankOf(third.id)).toEqual(["ACTIVE", 2]);
    expect(await world.rankOf(late.id)).toEqual(["ACTIVE", 3]);
    // The cancelled booking's range is free again: the promoted hold books it.
    await expect(world.request().bookings.confirm((await world.request().holds.find(second.id))!, world.layouts.mainHall.id, capacity(500))).resolves.toMatchObject({ status: "CONFIRMED" });
    await expect(world.request().bookings.cancel(booking.id)).rejects.toMatchObject({ message: "The booking is already CANCELLED." });
  });

  it("refuses a layout of another space, and one the event's capacity exceeds, writing nothing", async () => {
    const world = await venueWorld(db);
    const hold = await world.hold(world.clubRoom.id, june(18, 22));
    await expect(world.request().bookings.confirm(hold, world.layouts.mainHall.id, capacity(100))).rejects.toMatchObject({
      message: `There is no layout "${world.layouts.mainHall.id}" of the held space.`,
      extensions: { code: "BAD_USER_INPUT", field: "layoutId" },
    });
    await expect(world.request().bookings.confirm(hold, world.layouts.clubRoom.id, capacity(251))).rejects.toMatchObject({
      message: 'The event\'s capacity (251) exceeds the layout "Standing 250" (250).',
      extensions: { code: "BAD_USER_INPUT", reason: "LAYOUT_TOO_SMALL", eventCapacity: 251, layoutCapacity: 250 },
    });
    expect(await world.rankOf(hold.id)).toEqual(["ACTIVE", 1]);
    expect((await world.request().bookings.list({}, {})).edges).toEqual([]);
    await expect(world.request().bookings.confirm(hold, world.layouts.clubRoom.id, capacity(250))).resolves.toMatchObject({ status: "CONFIRMED" });
  });

  it("succeeds exactly once when 50 requests confirm at the same time, and the other holds are refused or released", async () => {
    const world = await venueWorld(db, "RELEASE_OVERLAPPING");
    const holds: HoldRecord[] = [];
    for (let index = 0; index < 50; index += 1) holds.push(await world.hold(index % 2 === 0 ? world.mainHall.id : world.fullHouse.id, june(18 + (index % 3), 22)));
    const layoutOf = (spaceId: string) => (spaceId === world.mainHall.id ? world.layouts.mainHall.id : world.layouts.fullHouse.id);
    const results = await Promise.allSettled([
      ...holds.map((hold) => world.request().bookings.confirm(hold, layoutOf(hold.spaceId), capacity(500))),
      ...Array.from({ length: 10 }, () => world.request().bookings.confirm(holds[0]!, layoutOf(holds[0]!.spaceId), capacity(500))),
    ]);
    const won = results.filter((result) => result.status === "fulfilled");
    expect(won).toHaveLength(1);
    const refusals = results.flatMap((result) => (result.status === "rejected" ? [(result.reason as { message: string }).message] : []));
    expect(refusals).toHaveLength(59);
    for (const message of refusals) expect(message).toMatch(/^The hold is (RELEASED|CONFIRMED); only an ACTIVE hold can be confirmed\.$|^The hold is ranked \d+; only the first hold can be confirmed\.$/);
    const [blocks] = await db.sql.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM venue.booking_block WHERE company_id = $1 AND status = 'CONFIRMED'`,
      [world.tenant.companyId],
    );
    expect(blocks!.count).toBe(1);
  });
});
