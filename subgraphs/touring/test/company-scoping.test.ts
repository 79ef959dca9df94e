// Every read and write of the data layer is scoped to the caller's company: another
// company's ids behave exactly like unknown ones, and nothing of theirs changes.
import { type Tenant } from "@marquee/kit";
import { demoCompanies, demoUsers } from "@marquee/kit/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScheduleItemDraft } from "../src/data/schedule-repository.ts";
import type { ScheduleItemRecord, TourRecord, TourStopRecord } from "../src/data/records.ts";
import type { StopDraft } from "../src/data/stop-repository.ts";
import { openTouringTestDatabase, type TouringTestDatabase } from "./touring-test-database.ts";

const northwind: Tenant = { companyId: demoCompanies.northwind.id, userId: demoUsers.alice.id };
const harbor: Tenant = { companyId: demoCompanies.harbor.id, userId: demoUsers.hana.id };
const harborArtist = "3f1a7c52-8d4e-4b6a-9c21-5a0e8b7d0101";
const harborEvent = "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0102";

const notFound = (id: string) => expect.objectContaining({ extensions: expect.objectContaining({ code: "NOT_FOUND", id }) });
const dayOff = (day: string | null): StopDraft => ({ kind: "DAY_OFF", eventId: null, dateFixed: day !== null, day, place: null, notes: null });
const doors = (day: string): ScheduleItemDraft => ({
  day,
  kind: "DOORS",
  title: "Doors",
  startsAt: new Date(`${day}T18:00:00Z`),
  startTimeZone: "Europe/Berlin",
  endsAt: null,
  endTimeZone: null,
  origin: null,
  destination: null,
  performerArtistId: null,
  location: null,
  notes: null,
});

let db: TouringTestDatabase;
let harborTour: TourRecord;
let harborStop: TourStopRecord;
let harborItem: ScheduleItemRecord;

beforeAll(async () => {
  db = await openTouringTestDatabase();
  const hana = db.request(harbor);
  harborTour = await hana.tours.create({ artistId: harborArtist, name: "Elbe Quartet — Baltic Run", dailyDriveLimitKm: 500 });
  harborStop = await hana.stops.add(harborTour.id, { kind: "SHOW", eventId: harborEvent, dateFixed: true, day: null, place: null, notes: null }, null);
  harborItem = await hana.schedule.add(harborTour.id, doors("2026-06-01"));
});
afterAll(async () => {
  await db?.close();
});

async function harborRowsAsTheyWere() {
  const hana = db.request(harbor);
  expect(await hana.tours.find(harborTour.id)).toEqual(harborTour);
  expect(await hana.stops.ofTour.load(harborTour.id)).toEqual([harborStop]);
  expect(await hana.schedule.ofDay(harborTour.id, "2026-06-01")).toEqual([harborItem]);
}

describe("another company's rows", () => {
  it("cannot be read by id, nor through its artist, event, tour or day", async () => {
    const alice = db.request(northwind);
    expect(await alice.tours.find(harborTour.id)).toBeNull();
    expect((await alice.tours.list({}, {})).edges).toEqual([]);
    expect((await alice.tours.list({ artistId: harborArtist }, {})).edges).toEqual([]);
    expect((await alice.tours.pageOfArtist(harborArtist, {})).edges).toEqual([]);
    expect(await alice.stops.ofTour.load(harborTour.id)).toEqual([]);
    expect(await alice.stops.ofEvent.load(harborEvent)).toBeNull();
    expect(await alice.schedule.ofDay(harborTour.id, "2026-06-01")).toEqual([]);
  });

  it("cannot be changed or deleted: NOT_FOUND, exactly as an unknown id, and nothing changes", async () => {
    const alice = db.request(northwind);
    await expect(alice.tours.update(harborTour.id, { name: "Taken over" })).rejects.toEqual(notFound(harborTour.id));
    await expect(alice.tours.changeStatus(harborTour.id, "CANCELLED")).rejects.toEqual(notFound(harborTour.id));
    await expect(alice.tours.existing(harborTour.id)).rejects.toEqual(notFound(harborTour.id));
    await expect(alice.stops.add(harborTour.id, dayOff("2026-06-02"), null)).rejects.toEqual(notFound(harborTour.id));
    await expect(alice.stops.move(harborStop.id, 0)).rejects.toEqual(notFound(harborStop.id));
    await expect(alice.stops.remove(harborStop.id)).rejects.toEqual(notFound(harborStop.id));
    await expect(alice.schedule.add(harborTour.id, doors("2026-06-01"))).rejects.toEqual(notFound(harborTour.id));
    await expect(alice.schedule.remove(harborItem.id)).rejects.toEqual(notFound(harborItem.id));
    await expect(alice.tours.delete(harborTour.id)).rejects.toEqual(notFound(harborTour.id));
    await expect(alice.stops.update(harborStop.id, () => ({ notes: "Taken over" }))).rejects.toEqual(notFound(harborStop.id));
    await expect(alice.stops.reorder(harborTour.id, [harborStop.id], [harborStop.id])).rejects.toEqual(notFound(harborTour.id));
    await expect(alice.schedule.update(harborItem.id, (item) => ({ ...item, title: "Taken over" }))).rejects.toEqual(notFound(harborItem.id));

    const unknown = crypto.randomUUID();
    await expect(alice.tours.update(unknown, { name: "Nothing" })).rejects.toEqual(notFound(unknown));
    await expect(alice.stops.remove(unknown)).rejects.toEqual(notFound(unknown));
    await harborRowsAsTheyWere();
  });

  it("and ids that are no uuid read as unknown, never as a database error", async () => {
    const alice = db.request(northwind);
    expect(await alice.tours.find("not-an-id")).toBeNull();
    expect((await alice.tours.list({ artistId: "1; DROP TABLE" }, {})).edges).toEqual([]);
    expect(await alice.stops.ofEvent.load("42")).toBeNull();
    expect(await alice.schedule.ofDay("42", "2026-06-01")).toEqual([]);
    await expect(alice.tours.changeStatus("42", "CONFIRMED")).rejects.toEqual(notFound("42"));
    await expect(alice.stops.move("42", 0)).rejects.toEqual(notFound("42"));
  });
});

describe("a tour's stops", () => {
  const newTour = async () => {
    const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
    const touring = db.request(tenant);
    const tour = await touring.tours.create({ artistId: crypto.randomUUID(), name: "Run", dailyDriveLimitKm: 600 });
    return { tenant, touring, tour, days: async () => (await db.request(tenant).stops.ofTour.load(tour.id)).map((stop) => `${stop.position}:${stop.day}`) };
  };

  it("are inserted, moved and removed with positions kept 0..n-1", async () => {
    const { touring, tour, days } = await newTour();
    const first = await touring.stops.add(tour.id, dayOff("2026-05-01"), null);
    await touring.stops.add(tour.id, dayOff("2026-05-03"), null);
    const inserted = await touring.stops.add(tour.id, dayOff("2026-05-02"), 1);
    expect(inserted.position).toBe(1);
    expect(await days()).toEqual(["0:2026-05-01", "1:2026-05-02", "2:2026-05-03"]);

    await touring.stops.move(first.id, 2);
    expect(await days()).toEqual(["0:2026-05-02", "1:2026-05-03", "2:2026-05-01"]);
    await touring.stops.remove(inserted.id);
    expect(await days()).toEqual(["0:2026-05-03", "1:2026-05-01"]);
    await expect(touring.stops.move(first.id, 2)).rejects.toMatchObject({ message: "position must be between 0 and 1 (got 2).", extensions: { code: "BAD_USER_INPUT" } });
  });

  it("get distinct positions when 20 requests add one at the same time", async () => {
    const { tenant, tour, days } = await newTour();
    await Promise.all(Array.from({ length: 20 }, (_, index) => db.request(tenant).stops.add(tour.id, dayOff(`2026-07-${String(index + 1).padStart(2, "0")}`), null)));
    expect((await days()).map((entry) => Number(entry.split(":")[0]))).toEqual(Array.from({ length: 20 }, (_, index) => index));
  });

  it("route an event once, and refuse changes once the tour is over", async () => {
    const { touring, tour } = await newTour();
    const event = crypto.randomUUID();
    const show: StopDraft = { kind: "SHOW", eventId: event, dateFixed: true, day: null, place: null, notes: null };
    await touring.stops.add(tour.id, show, null);
    await expect(touring.stops.add(tour.id, show, null)).rejects.toMatchObject({
      message: `Event "${event}" is already stop 0 of tour "${tour.id}"; a show is routed once.`,
      extensions: { code: "BAD_USER_INPUT", reason: "SHOW_ALREADY_ROUTED", eventId: event },
    });
    await touring.tours.changeStatus(tour.id, "CANCELLED");
    await expect(touring.stops.add(tour.id, dayOff("2026-05-01"), null)).rejects.toMatchObject({
      message: "The tour is CANCELLED; it, its stops and its schedule can no longer change.",
      extensions: { code: "BAD_USER_INPUT", reason: "TOUR_NOT_EDITABLE", status: "CANCELLED" },
    });
    await expect(touring.schedule.add(tour.id, doors("2026-05-01"))).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    await expect(touring.tours.changeStatus(tour.id, "PLANNING")).rejects.toMatchObject({
      message: "A tour cannot move from CANCELLED to PLANNING: CANCELLED is final.",
      extensions: { code: "BAD_USER_INPUT", reason: "ILLEGAL_TOUR_TRANSITION", from: "CANCELLED", to: "PLANNING" },
    });
  });
});

describe("changing a tour", () => {
  const planned = async () => {
    const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
    const touring = db.request(tenant);
    const tour = await touring.tours.create({ artistId: crypto.randomUUID(), name: "Run", dailyDriveLimitKm: 600 });
    const stops = [await touring.stops.add(tour.id, dayOff("2026-05-01"), null), await touring.stops.add(tour.id, dayOff(null), null), await touring.stops.add(tour.id, dayOff(null), null)];
    const item = await touring.schedule.add(tour.id, doors("2026-05-01"));
    const fresh = () => db.request(tenant);
    const rowsOf = async (table: string) => (await db.sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM touring.${table} WHERE tour_id = $1`, [tour.id]))[0]!.count;
    return { touring, tour, stops, item, fresh, rowsOf };
  };
  const berlin = { city: "Berlin", country: "DE", latitude: 52.52, longitude: 13.405, timeZone: "Europe/Berlin" };

  it("deletes a PLANNING or CANCELLED tour with its stops and schedule items, and keeps a confirmed one whole", async () => {
    const { touring, tour, fresh, rowsOf } = await planned();
    await touring.tours.changeStatus(tour.id, "CONFIRMED");
    await expect(touring.tours.delete(tour.id)).rejects.toMatchObject({
      message: "The tour is CONFIRMED; only a PLANNING or CANCELLED tour can be deleted (cancel it instead).",
      extensions: { code: "BAD_USER_INPUT", reason: "TOUR_NOT_DELETABLE", id: tour.id, status: "CONFIRMED" },
    });
    expect([await rowsOf("tour_stop"), await rowsOf("schedule_item"), (await fresh().tours.find(tour.id))?.status]).toEqual([3, 1, "CONFIRMED"]);

    await touring.tours.changeStatus(tour.id, "CANCELLED");
    expect(await touring.tours.delete(tour.id)).toEqual({ ...tour, status: "CANCELLED" });
    expect([await rowsOf("tour_stop"), await rowsOf("schedule_item"), await fresh().tours.find(tour.id)]).toEqual([0, 0, null]);
    await expect(fresh().tours.delete(tour.id)).rejects.toEqual(notFound(tour.id));
  });

  it("changes a stop's date, place and notes, leaving the fields not given as they were", async () => {
    const { touring, stops, fresh } = await planned();
    const fixed = await touring.stops.update(stops[1]!.id, () => ({ day: "2026-05-02", dateFixed: true, place: berlin, notes: "Spree boat" }));
    expect(fixed).toEqual({ ...stops[1], day: "2026-05-02", dateFixed: true, place: berlin, notes: "Spree boat" });
    const opened = await touring.stops.update(stops[1]!.id, () => ({ day: null, dateFixed: false, place: null }));
    expect(opened).toEqual({ ...stops[1], notes: "Spree boat" });
    expect(await fresh().stops.ofTour.load(stops[0]!.tourId)).toEqual([stops[0], opened, stops[2]]);
  });

  it("reorders the stops at once, and writes nothing when they changed since the order was worked out", async () => {
    const { touring, tour, stops, fresh } = await planned();
    const [a, b, c] = stops.map((stop) => stop.id) as [string, string, string];
    await expect(touring.stops.reorder(tour.id, [a, b], [b, a])).rejects.toMatchObject({
      message: "The tour's stops changed while its new order was worked out; ask again.",
      extensions: { code: "BAD_USER_INPUT", tourId: tour.id },
    });
    expect((await fresh().stops.ofTour.load(tour.id)).map((stop) => stop.id)).toEqual([a, b, c]);

    expect(await touring.stops.ofTour.load(tour.id)).toEqual(stops);
    expect(await touring.stops.reorder(tour.id, [a, b, c], [c, a, b])).toEqual(tour);
    // The request's own view follows the new order, as a fresh request's does.
    expect((await touring.stops.ofTour.load(tour.id)).map((stop) => [stop.position, stop.id])).toEqual([[0, c], [1, a], [2, b]]);
    expect(await fresh().stops.ofTour.load(tour.id)).toEqual(await touring.stops.ofTour.load(tour.id));
  });

  it("rewrites a schedule item, and changes nothing of a finished tour", async () => {
    const { touring, tour, stops, item, fresh } = await planned();
    const later = await touring.schedule.update(item.id, (current) => ({ ...current, title: "Doors (late)", startsAt: new Date("2026-05-01T19:00:00Z") }));
    expect(later).toEqual({ ...item, title: "Doors (late)", startsAt: new Date("2026-05-01T19:00:00Z") });

    await touring.tours.changeStatus(tour.id, "CANCELLED");
    const frozen = { message: "The tour is CANCELLED; it, its stops and its schedule can no longer change.", extensions: { code: "BAD_USER_INPUT", reason: "TOUR_NOT_EDITABLE", id: tour.id, status: "CANCELLED" } };
    await expect(touring.schedule.update(item.id, (current) => ({ ...current, title: "Gone" }))).rejects.toMatchObject(frozen);
    await expect(touring.stops.update(stops[0]!.id, () => ({ notes: "Gone" }))).rejects.toMatchObject(frozen);
    await expect(touring.stops.reorder(tour.id, stops.map((stop) => stop.id), stops.map((stop) => stop.id).reverse())).rejects.toMatchObject(frozen);
    await expect(touring.tours.update(tour.id, { name: "Renamed", dailyDriveLimitKm: 900 })).rejects.toMatchObject(frozen);
    expect(await fresh().tours.find(tour.id)).toMatchObject({ name: tour.name, dailyDriveLimitKm: tour.dailyDriveLimitKm, status: "CANCELLED" });
    expect(await fresh().schedule.ofDay(tour.id, "2026-05-01")).toEqual([later]);
    expect(await fresh().stops.ofTour.load(tour.id)).toEqual(stops);
  });
});

describe("lists of tours", () => {
  it("page newest first with stable cursors, per company and per artist", async () => {
    const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
    const artist = crypto.randomUUID();
    const created = [];
    for (const name of ["One", "Two", "Three", "Four", "Five"]) created.push(await db.request(tenant).tours.create({ artistId: artist, name, dailyDriveLimitKm: 600 }));
    // Newest first, ties (tours created in the same millisecond) broken by id, as the cursor is.
    const newestFirst = created
      .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1))
      .map((tour) => tour.name);
    const touring = db.request(tenant);
    const first = await touring.tours.list({}, { first: 2 });
    const rest = await touring.tours.list({}, { first: 10, after: first.pageInfo.endCursor });
    expect([first.pageInfo.hasNextPage, rest.pageInfo.hasNextPage]).toEqual([true, false]);
    expect([...first.edges, ...rest.edges].map((edge) => edge.node.name)).toEqual(newestFirst);

    const ofArtist = await touring.tours.pageOfArtist(artist, { first: 3 });
    const ofArtistRest = await touring.tours.pageOfArtist(artist, { first: 3, after: ofArtist.pageInfo.endCursor });
    expect([...ofArtist.edges, ...ofArtistRest.edges].map((edge) => edge.node.name)).toEqual(newestFirst);
    expect(ofArtistRest.pageInfo).toEqual({ hasNextPage: false, endCursor: ofArtistRest.edges[1]!.cursor });
  });
});
