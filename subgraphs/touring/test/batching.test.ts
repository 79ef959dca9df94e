// What the gateway asks Touring for a list of events, artists or tours (each event's tour
// stop, each artist's tours, each tour's stops and a day's schedule) costs the same number
// of SQL statements for 10 parents as for 100: every per-parent read goes through a
// per-request loader.
import { countQueries, type Tenant } from "@marquee/kit";
import { demoUsers } from "@marquee/kit/demo";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openTouringTestDatabase, type TouringTestDatabase } from "./touring-test-database.ts";

let db: TouringTestDatabase;
let statements: ReturnType<typeof countQueries>;
beforeAll(async () => {
  db = await openTouringTestDatabase();
  statements = countQueries(db.prisma);
});
afterAll(async () => {
  await db?.close();
});

interface Company {
  tenant: Tenant;
  artists: string[];
  events: string[];
  tours: string[];
}

/** A company with `count` artists, each with a tour of one show and a day off, and a day's doors. */
async function companyWith(count: number): Promise<Company> {
  const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
  const touring = db.request(tenant);
  const company: Company = { tenant, artists: [], events: [], tours: [] };
  for (let index = 0; index < count; index++) {
    const artist = crypto.randomUUID();
    const event = crypto.randomUUID();
    const tour = await touring.tours.create({ artistId: artist, name: `Tour ${index}`, dailyDriveLimitKm: 600 });
    await touring.stops.add(tour.id, { kind: "SHOW", eventId: event, dateFixed: true, day: null, place: null, notes: null }, null);
    await touring.stops.add(tour.id, { kind: "DAY_OFF", eventId: null, dateFixed: true, day: "2026-05-02", place: null, notes: null }, null);
    await touring.schedule.add(tour.id, {
      day: "2026-05-02",
      kind: "PRESS",
      title: "Interview",
      startsAt: new Date("2026-05-02T10:00:00Z"),
      startTimeZone: "UTC",
      endsAt: null,
      endTimeZone: null,
      origin: null,
      destination: null,
      performerArtistId: null,
      location: null,
      notes: null,
    });
    company.artists.push(artist);
    company.events.push(event);
    company.tours.push(tour.id);
  }
  return company;
}

async function statementsToResolve({ tenant, artists, events, tours }: Company): Promise<number> {
  const touring = db.request(tenant);
  statements.reset();
  const [stops, artistTours, tourStops, tourRecords, days] = await Promise.all([
    Promise.all(events.map((event) => touring.stops.ofEvent.load(event))),
    Promise.all(artists.map((artist) => touring.tours.pageOfArtist(artist, { first: 5 }))),
    Promise.all(tours.map((tour) => touring.stops.ofTour.load(tour))),
    Promise.all(tours.map((tour) => touring.tours.find(tour))),
    Promise.all(tours.map((tour) => touring.schedule.ofDay(tour, "2026-05-02"))),
  ]);
  expect(stops.every((stop) => stop?.kind === "SHOW")).toBe(true);
  expect(artistTours.map((page) => page.edges.length)).toEqual(artists.map(() => 1));
  expect(tourStops.map((list) => list.map((stop) => stop.kind))).toEqual(tours.map(() => ["SHOW", "DAY_OFF"]));
  expect(tourRecords.every((tour) => tour !== null)).toBe(true);
  expect(days.map((items) => items.length)).toEqual(tours.map(() => 1));
  return statements.count();
}

it("resolves 10 and 100 parents' touring data in the same number of statements", async () => {
  const ten = await statementsToResolve(await companyWith(10));
  const hundred = await statementsToResolve(await companyWith(100));
  expect(hundred).toBe(ten);
  // One per loader: event stops, artist tours, tour stops, tours by id, day schedules.
  expect(ten).toBe(5);
});
