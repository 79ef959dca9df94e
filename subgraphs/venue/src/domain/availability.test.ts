// Availability on the venue's own days and clock (the kit's zoned time), in Berlin across
// the daylight-saving changes of the last Sundays of March and October 2026.
import { addDays, formatLocalIso, instantAtLocal, startOfLocalDay } from "@marquee/kit";
import { describe, expect, it } from "vitest";
import { availabilityIntervals } from "./availability.ts";

const berlin = "Europe/Berlin";

describe("availability intervals", () => {
  const day = (date: string) => ({ start: startOfLocalDay(date, berlin), end: startOfLocalDay(addDays(date, 1), berlin) });
  const local = (intervals: ReturnType<typeof availabilityIntervals>) =>
    intervals.map((interval) => [interval.state, formatLocalIso(interval.range.start, berlin), formatLocalIso(interval.range.end, berlin), interval.occupants.map((occupant) => occupant.id)]);

  it("cover the 23-hour spring-forward day and the 25-hour fall-back day whole", () => {
    const spring = day("2026-03-29");
    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * 3_600_000);
    expect(local(availabilityIntervals(spring, [], []))).toEqual([["FREE", "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00", []]]);
    const autumn = day("2026-10-25");
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * 3_600_000);
  });

  it("split the day into free, held (by rank) and booked stretches across the change", () => {
    const show = { start: instantAtLocal("2026-10-25", "01:00", berlin), end: instantAtLocal("2026-10-25", "05:00", berlin) };
    const late = { start: instantAtLocal("2026-10-25", "04:00", berlin), end: instantAtLocal("2026-10-25", "06:00", berlin) };
    const evening = { start: instantAtLocal("2026-10-25", "20:00", berlin), end: instantAtLocal("2026-10-25", "23:00", berlin) };
    const intervals = availabilityIntervals(day("2026-10-25"), [{ id: "booked", rank: null, range: evening }], [
      { id: "second", rank: 2, range: late },
      { id: "first", rank: 1, range: show },
    ]);
    expect(local(intervals)).toEqual([
      ["FREE", "2026-10-25T00:00:00+02:00", "2026-10-25T01:00:00+02:00", []],
      ["HELD", "2026-10-25T01:00:00+02:00", "2026-10-25T04:00:00+01:00", ["first"]],
      ["HELD", "2026-10-25T04:00:00+01:00", "2026-10-25T05:00:00+01:00", ["first", "second"]],
      ["HELD", "2026-10-25T05:00:00+01:00", "2026-10-25T06:00:00+01:00", ["second"]],
      ["FREE", "2026-10-25T06:00:00+01:00", "2026-10-25T20:00:00+01:00", []],
      ["BOOKED", "2026-10-25T20:00:00+01:00", "2026-10-25T23:00:00+01:00", ["booked"]],
      ["FREE", "2026-10-25T23:00:00+01:00", "2026-10-26T00:00:00+01:00", []],
    ]);
    // The held stretch from 01:00 summer time to 04:00 winter time lasts four hours, not three.
    expect(intervals[1]!.range.end.getTime() - intervals[1]!.range.start.getTime()).toBe(4 * 3_600_000);
  });

  it("let a booking win over holds, and clip what reaches beyond the window", () => {
    const window = day("2026-06-01");
    const overnight = { start: instantAtLocal("2026-06-01", "22:00", berlin), end: instantAtLocal("2026-06-02", "03:00", berlin) };
    expect(local(availabilityIntervals(window, [{ id: "b", rank: null, range: overnight }], [{ id: "h", rank: 1, range: overnight }]))).toEqual([
      ["FREE", "2026-06-01T00:00:00+02:00", "2026-06-01T22:00:00+02:00", []],
      ["BOOKED", "2026-06-01T22:00:00+02:00", "2026-06-02T00:00:00+02:00", ["b"]],
    ]);
  });
});
