import { describe, expect, it } from "vitest";
import { applyChanges } from "../src/domain/changes.ts";
import { checkEventDetails, lineupProblems, type EventDetails } from "../src/domain/event-details.ts";

const valid: EventDetails = {
  name: "  Aurora Lane — Chicago ",
  description: "   ",
  startsAt: new Date("2026-05-01T01:00:00Z"),
  endsAt: new Date("2026-05-01T04:00:00Z"),
  location: { venueName: " Thalia Hall", city: "Chicago ", country: "US", latitude: 41.8577, longitude: -87.6594, timeZone: "America/Chicago" },
};

const problemsOf = (details: EventDetails) => {
  const checked = checkEventDetails(details);
  return checked.ok ? [] : checked.problems;
};

describe("event details", () => {
  it("accepts valid details, trimming text and turning a blank description into null", () => {
    const checked = checkEventDetails(valid);
    expect(checked).toEqual({
      ok: true,
      value: { ...valid, name: "Aurora Lane — Chicago", description: null, location: { ...valid.location, venueName: "Thalia Hall", city: "Chicago" } },
    });
  });

  it("refuses an end that is not after the start", () => {
    expect(problemsOf({ ...valid, endsAt: valid.startsAt })).toEqual([
      "endsAt (2026-05-01T01:00:00.000Z) must be after startsAt (2026-05-01T01:00:00.000Z).",
    ]);
  });

  it("refuses dates outside 2000-2099", () => {
    expect(problemsOf({ ...valid, startsAt: new Date("1999-12-31T23:00:00Z") })).toEqual([
      "startsAt must be between the years 2000 and 2099 (got 1999-12-31T23:00:00.000Z).",
    ]);
    expect(problemsOf({ ...valid, endsAt: new Date("2100-01-01T00:00:00Z") })).toEqual([
      "endsAt must be between the years 2000 and 2099 (got 2100-01-01T00:00:00.000Z).",
    ]);
  });

  it("refuses coordinates off the globe", () => {
    expect(problemsOf({ ...valid, location: { ...valid.location, latitude: 90.5, longitude: -180.01 } })).toEqual([
      "location.latitude must be between -90 and 90 (got 90.5).",
      "location.longitude must be between -180 and 180 (got -180.01).",
    ]);
    expect(problemsOf({ ...valid, location: { ...valid.location, latitude: Number.NaN } })).toEqual(["location.latitude must be between -90 and 90 (got NaN)."]);
  });

  it("reports every problem at once, for a form to show together", () => {
    expect(problemsOf({ ...valid, name: " ", location: { ...valid.location, city: "x".repeat(101) }, endsAt: valid.startsAt })).toEqual([
      "name must not be empty.",
      "endsAt (2026-05-01T01:00:00.000Z) must be after startsAt (2026-05-01T01:00:00.000Z).",
      "location.city must be at most 100 characters (got 101).",
    ]);
  });

  it("counts characters, not UTF-16 units, against length limits", () => {
    expect(problemsOf({ ...valid, name: "🎸".repeat(200) })).toEqual([]);
    expect(problemsOf({ ...valid, name: "🎸".repeat(201) })).toEqual(["name must be at most 200 characters (got 201)."]);
  });

  it("applies changes field by field, and a null description clears it", () => {
    const current: EventDetails = { ...valid, description: "Doors 19:00" };
    expect(applyChanges(current, { name: "Aurora Lane — Chicago, late show", description: undefined })).toEqual({ ...current, name: "Aurora Lane — Chicago, late show" });
    expect(applyChanges(current, { description: null })).toEqual({ ...current, description: null });
  });

  it("checks a lineup's size and repeats", () => {
    expect(lineupProblems(["a", "b"])).toEqual([]);
    expect(lineupProblems(["a", "b", "a", "c", "b", "a"])).toEqual(["lineup lists these artists more than once: a, b."]);
    expect(lineupProblems(Array.from({ length: 51 }, (_, index) => `artist-${index}`))).toEqual(["lineup can hold at most 50 artists (got 51)."]);
  });
});
