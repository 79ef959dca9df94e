import { describe, expect, it } from "vitest";
import { analyseRouting, type RoutedStop } from "./routing.ts";

const places = {
  chicago: { latitude: 41.8577, longitude: -87.6594 },
  cleveland: { latitude: 41.4993, longitude: -81.6944 },
  brooklyn: { latitude: 40.7195, longitude: -73.9386 },
  boston: { latitude: 42.3601, longitude: -71.0589 },
  philadelphia: { latitude: 39.9526, longitude: -75.1652 },
  losAngeles: { latitude: 34.0617, longitude: -118.3089 },
};

const show = (id: string, place: keyof typeof places, date: string | null): RoutedStop => ({ id, kind: "SHOW", label: id, date, location: places[place] });
const rules = { dailyDriveLimitKm: 800, maxDaysWithoutShow: 3 };
const kinds = (stops: RoutedStop[], overrides: Partial<typeof rules> = {}) => analyseRouting(stops, { ...rules, ...overrides }).flags.map((flag) => flag.kind);

describe("routing legs", () => {
  it("measure each leg between stops with a place, the days available and the implied daily drive", () => {
    const analysis = analyseRouting(
      [
        show("Chicago", "chicago", "2026-05-14"),
        { id: "bus", kind: "TRAVEL_DAY", label: "on the road", date: "2026-05-15", location: null },
        show("Brooklyn", "brooklyn", "2026-05-17"),
      ],
      rules,
    );
    expect(analysis.legs).toEqual([{ fromId: "Chicago", toId: "Brooklyn", distanceKm: 1152.1, days: 3, dailyDriveKm: 384 }]);
    expect(analysis.flags).toEqual([]);
    expect(analysis.totals).toEqual({ distanceKm: 1152.1, showCount: 2, days: 4, firstDate: "2026-05-14", lastDate: "2026-05-17" });
  });

  it("leave days and daily drive unknown while a date is open, and raise no drive flag for them", () => {
    const analysis = analyseRouting([show("Chicago", "chicago", "2026-05-14"), show("Los Angeles", "losAngeles", null)], rules);
    expect(analysis.legs).toEqual([{ fromId: "Chicago", toId: "Los Angeles", distanceKm: 2806.1, days: null, dailyDriveKm: null }]);
    expect(analysis.flags).toEqual([]);
    expect(analysis.totals).toMatchObject({ showCount: 2, days: 1, firstDate: "2026-05-14", lastDate: "2026-05-14" });
  });
});

describe("routing flags", () => {
  it("TWO_SHOWS_ONE_DAY: two shows on one date, naming both", () => {
    const analysis = analyseRouting([show("Chicago", "chicago", "2026-05-14"), show("Cleveland", "cleveland", "2026-05-14")], { ...rules, dailyDriveLimitKm: 2000 });
    expect(analysis.flags).toEqual([{ kind: "TWO_SHOWS_ONE_DAY", stopIds: ["Chicago", "Cleveland"], message: "2 shows on 2026-05-14: Chicago, Cleveland." }]);
  });

  it("OVER_DRIVE_LIMIT: a leg's distance over its days beyond the limit; a same-day leg counts as one day", () => {
    const analysis = analyseRouting([show("Chicago", "chicago", "2026-05-14"), show("Brooklyn", "brooklyn", "2026-05-15")], rules);
    expect(analysis.flags).toEqual([
      { kind: "OVER_DRIVE_LIMIT", stopIds: ["Chicago", "Brooklyn"], message: "Chicago → Brooklyn: 1152.1 km in 1 day(s) is 1152.1 km a day, over the 800 km limit." },
    ]);
    expect(kinds([show("Chicago", "chicago", "2026-05-14"), show("Brooklyn", "brooklyn", "2026-05-16")])).toEqual([]);
    expect(kinds([show("Chicago", "chicago", "2026-05-14"), show("Brooklyn", "brooklyn", "2026-05-16")], { dailyDriveLimitKm: 500 })).toEqual(["OVER_DRIVE_LIMIT"]);
  });

  it("BACKTRACKING: Chicago → Brooklyn → Cleveland heads back; Chicago → Cleveland → Brooklyn does not", () => {
    const back = analyseRouting(
      [show("Chicago", "chicago", "2026-05-14"), show("Brooklyn", "brooklyn", "2026-05-16"), show("Cleveland", "cleveland", "2026-05-18")],
      rules,
    );
    expect(back.flags).toEqual([
      { kind: "BACKTRACKING", stopIds: ["Chicago", "Brooklyn", "Cleveland"], message: "Brooklyn → Cleveland heads back toward Chicago: 655.2 of its 655.3 km undo the previous leg." },
    ]);
    expect(kinds([show("Chicago", "chicago", "2026-05-14"), show("Cleveland", "cleveland", "2026-05-16"), show("Brooklyn", "brooklyn", "2026-05-18")])).toEqual([]);
  });

  it("BACKTRACKING: a third of the leg is the threshold (Brooklyn → Boston → Philadelphia gives back 40%)", () => {
    expect(kinds([show("Brooklyn", "brooklyn", "2026-05-14"), show("Boston", "boston", "2026-05-15"), show("Philadelphia", "philadelphia", "2026-05-16")])).toEqual(["BACKTRACKING"]);
    // Boston → Brooklyn → Philadelphia keeps heading away from Boston.
    expect(kinds([show("Boston", "boston", "2026-05-14"), show("Brooklyn", "brooklyn", "2026-05-15"), show("Philadelphia", "philadelphia", "2026-05-16")])).toEqual([]);
  });

  it("LONG_GAP: more days without a show than allowed, configurable", () => {
    const stops = [
      show("Chicago", "chicago", "2026-05-14"),
      { id: "off", kind: "DAY_OFF" as const, label: "Cleveland", date: "2026-05-16", location: places.cleveland },
      show("Brooklyn", "brooklyn", "2026-05-19"),
    ];
    expect(analyseRouting(stops, rules).flags).toEqual([
      { kind: "LONG_GAP", stopIds: ["Chicago", "Brooklyn"], message: "4 days without a show between Chicago (2026-05-14) and Brooklyn (2026-05-19)." },
    ]);
    expect(kinds(stops, { maxDaysWithoutShow: 4 })).toEqual([]);
  });

  it("DATES_OUT_OF_ORDER: a later stop dated before an earlier one", () => {
    const analysis = analyseRouting([show("Chicago", "chicago", "2026-05-18"), show("Brooklyn", "brooklyn", "2026-05-16")], rules);
    expect(analysis.flags.map((flag) => flag.kind)).toEqual(["DATES_OUT_OF_ORDER"]);
    expect(analysis.legs[0]).toMatchObject({ days: -2, dailyDriveKm: null });
  });

  it("raise nothing on a sensible routing", () => {
    expect(
      kinds([
        show("Chicago", "chicago", "2026-05-14"),
        show("Cleveland", "cleveland", "2026-05-15"),
        show("Philadelphia", "philadelphia", "2026-05-17"),
        show("Brooklyn", "brooklyn", "2026-05-18"),
        show("Boston", "boston", "2026-05-19"),
      ]),
    ).toEqual([]);
  });
});
