// A tour holds at most `maxStopsPerTour` stops: the next one is refused, naming the
// bound, and the tour stays as it was.
import { type Tenant } from "@marquee/kit";
import { demoUsers } from "@marquee/kit/demo";
import { afterAll, beforeAll, expect, it } from "vitest";
import { maxStopsPerTour } from "../src/data/stop-repository.ts";
import { openTouringTestDatabase, type TouringTestDatabase } from "./touring-test-database.ts";

let db: TouringTestDatabase;
beforeAll(async () => {
  db = await openTouringTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

it(`refuses a stop beyond the ${maxStopsPerTour} a tour holds`, async () => {
  const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
  const touring = db.request(tenant);
  const tour = await touring.tours.create({ artistId: crypto.randomUUID(), name: "Forever Tour", dailyDriveLimitKm: 600 });
  await db.prisma.tourStop.createMany({
    data: Array.from({ length: maxStopsPerTour }, (_, position) => ({ companyId: tenant.companyId, tourId: tour.id, position, kind: "DAY_OFF" as const, dateFixed: false })),
  });
  const dayOff = { kind: "DAY_OFF" as const, eventId: null, dateFixed: false, day: null, place: null, notes: null };
  await expect(touring.stops.add(tour.id, dayOff, null)).rejects.toMatchObject({
    message: `A tour holds at most ${maxStopsPerTour} stops; this one is full. Plan the rest of the run as another tour.`,
    extensions: { code: "BAD_USER_INPUT", reason: "TOUR_FULL", tourId: tour.id },
  });
  expect(await db.prisma.tourStop.count({ where: { tourId: tour.id } })).toBe(maxStopsPerTour);
});
