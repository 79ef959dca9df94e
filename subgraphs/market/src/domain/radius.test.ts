import { describe, expect, it } from "vitest";
import { radiusConflicts } from "./radius.ts";

describe("radius conflicts", () => {
  const paris = { location: { latitude: 48.8566, longitude: 2.3522 }, startsAt: new Date("2026-06-10T18:00:00.000Z") };
  const clause = { kilometres: 350, daysBefore: 30, daysAfter: 14 };
  const show = (name: string, latitude: number, longitude: number, startsAt: string) => ({ name, location: { latitude, longitude }, startsAt: new Date(startsAt) });

  it("finds the shows inside both the distance and the days, nearest in time first", () => {
    const others = [
      show("London, 20 days before", 51.5074, -0.1278, "2026-05-21T18:00:00.000Z"),
      show("London, 30 days before to the minute", 51.5074, -0.1278, "2026-05-11T18:00:00.000Z"),
      show("London, 30 days and an hour before", 51.5074, -0.1278, "2026-05-11T17:00:00.000Z"),
      show("Brussels, 14 days after", 50.8503, 4.3517, "2026-06-24T18:00:00.000Z"),
      show("Brussels, 15 days after", 50.8503, 4.3517, "2026-06-25T18:00:00.000Z"),
      show("Berlin, 2 days after", 52.52, 13.405, "2026-06-12T18:00:00.000Z"),
      show("Lille, 3 hours after", 50.6292, 3.0573, "2026-06-10T21:00:00.000Z"),
    ];
    const conflicts = radiusConflicts(paris, clause, others).map(({ other, distanceKm, daysApart }) => [other.name, distanceKm, daysApart]);
    expect(conflicts).toEqual([
      ["Lille, 3 hours after", 203.5, 0],
      ["Brussels, 14 days after", 264, 14],
      ["London, 20 days before", 343.6, -20],
      ["London, 30 days before to the minute", 343.6, -30],
    ]);
  });
});
