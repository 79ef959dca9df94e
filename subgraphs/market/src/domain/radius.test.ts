import { describe, expect, it } from "vitest";
import { clauseBreaches, radiusConflicts } from "./radius.ts";

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

  it("finds the accepted shows whose own clause the offered show would breach, their window seen from the offered show", () => {
    // Each other show carries its own clause; Paris is the offered show and has none of its own.
    const withClause = (name: string, latitude: number, longitude: number, startsAt: string, kilometres: number, daysBefore: number, daysAfter: number) => ({
      ...show(name, latitude, longitude, startsAt),
      clause: { kilometres, daysBefore, daysAfter },
    });
    const others = [
      // London is 343.6 km from Paris.
      withClause("London 10 days later, 30 days before it", 51.5074, -0.1278, "2026-06-20T18:00:00.000Z", 350, 30, 0),
      withClause("London 10 days later, 9 days before it", 51.5074, -0.1278, "2026-06-20T18:00:00.000Z", 350, 9, 30),
      withClause("London 10 days later, only 340 km", 51.5074, -0.1278, "2026-06-20T18:00:00.000Z", 340, 30, 30),
      // Brussels is 264.0 km from Paris; Paris comes 14 days after it.
      withClause("Brussels 14 days earlier, 14 days after it", 50.8503, 4.3517, "2026-05-27T18:00:00.000Z", 300, 0, 14),
      withClause("Brussels 14 days earlier, 13 days after it", 50.8503, 4.3517, "2026-05-27T18:00:00.000Z", 300, 30, 13),
      // Lille is 203.5 km from Paris.
      withClause("Lille the same evening", 50.6292, 3.0573, "2026-06-10T21:00:00.000Z", 250, 0, 0),
    ];
    const breaches = clauseBreaches(paris, others).map(({ other, distanceKm, daysApart }) => [other.name, distanceKm, daysApart]);
    expect(breaches).toEqual([
      ["London 10 days later, 30 days before it", 343.6, 10],
      ["Brussels 14 days earlier, 14 days after it", 264, -14],
    ]);
  });

  it("reports a show with its own clause only where the offered show falls inside it, whichever way round the clauses are", () => {
    // Berlin 2 days later, 877.5 km away: inside a 1000 km clause around Paris, but its own 500 km clause does not reach Paris.
    const berlin = { ...show("Berlin", 52.52, 13.405, "2026-06-12T18:00:00.000Z"), clause: { kilometres: 500, daysBefore: 30, daysAfter: 30 } };
    expect(radiusConflicts(paris, { kilometres: 1000, daysBefore: 30, daysAfter: 30 }, [berlin]).map(({ distanceKm, daysApart }) => [distanceKm, daysApart])).toEqual([[877.5, 2]]);
    expect(clauseBreaches(paris, [berlin])).toEqual([]);
  });
});
