import { describe, expect, it } from "vitest";
import { formatLocalIso, instantAtLocal, localDateOf, offsetMinutesAt, startOfLocalDay, wallClockAt, zoneAbbreviationAt } from "./zoned-time.ts";

// Berlin: summer time begins 2026-03-29 at 01:00 UTC (02:00 -> 03:00 local) and ends
// 2026-10-25 at 01:00 UTC (03:00 -> 02:00 local). The US springs forward 2027-03-14 at
// 02:00 local (07:00 UTC in New York) and falls back 2026-11-01 at 02:00 local (06:00 UTC).
const berlin = "Europe/Berlin";

describe("wall clocks", () => {
  it("read an instant on each city's clock, with the offset and zone name in force then", () => {
    const departure = new Date("2026-05-16T15:00:00Z");
    expect(wallClockAt(departure, "America/Chicago")).toEqual({ date: "2026-05-16", time: "10:00:00", offset: "-05:00" });
    expect(wallClockAt(departure, "America/New_York")).toEqual({ date: "2026-05-16", time: "11:00:00", offset: "-04:00" });
    expect(wallClockAt(departure, berlin)).toEqual({ date: "2026-05-16", time: "17:00:00", offset: "+02:00" });
    expect(zoneAbbreviationAt(departure, "America/Chicago")).toBe("CDT");
    expect(zoneAbbreviationAt(departure, "America/New_York")).toBe("EDT");
    expect(zoneAbbreviationAt(departure, berlin)).toBe("GMT+2");
  });

  it("put a late show on its local date, not UTC's", () => {
    // 20:00 in Chicago is 01:00 the next day in UTC.
    expect(localDateOf(new Date("2026-05-15T01:00:00Z"), "America/Chicago")).toBe("2026-05-14");
    expect(localDateOf(new Date("2026-07-01T22:00:00Z"), berlin)).toBe("2026-07-02");
  });

  it("switch offset exactly at the daylight-saving change", () => {
    expect(wallClockAt(new Date("2027-03-14T07:59:00Z"), "America/New_York")).toEqual({ date: "2027-03-14", time: "03:59:00", offset: "-04:00" });
    expect(zoneAbbreviationAt(new Date("2027-03-14T07:59:00Z"), "America/New_York")).toBe("EDT");
    expect(wallClockAt(new Date("2027-03-14T06:59:00Z"), "America/New_York")).toEqual({ date: "2027-03-14", time: "01:59:00", offset: "-05:00" });
    expect(zoneAbbreviationAt(new Date("2027-03-14T06:59:00Z"), "America/New_York")).toBe("EST");
    expect(wallClockAt(new Date("2026-03-29T00:59:00Z"), berlin)).toEqual({ date: "2026-03-29", time: "01:59:00", offset: "+01:00" });
    expect(zoneAbbreviationAt(new Date("2026-03-29T00:59:00Z"), berlin)).toBe("GMT+1");
    expect(wallClockAt(new Date("2026-03-29T01:00:00Z"), berlin)).toEqual({ date: "2026-03-29", time: "03:00:00", offset: "+02:00" });
    expect(zoneAbbreviationAt(new Date("2026-03-29T01:00:00Z"), berlin)).toBe("GMT+2");
  });

  it("give the offset in minutes, including odd and negative ones", () => {
    expect(offsetMinutesAt(new Date("2026-03-29T00:59:59Z"), berlin)).toBe(60);
    expect(offsetMinutesAt(new Date("2026-03-29T01:00:00Z"), berlin)).toBe(120);
    expect(offsetMinutesAt(new Date("2026-01-15T14:15:00Z"), "Asia/Kathmandu")).toBe(345);
    expect(offsetMinutesAt(new Date("2026-11-02T02:00:00Z"), "America/New_York")).toBe(-300);
    expect(offsetMinutesAt(new Date("2026-01-15T20:00:00Z"), "UTC")).toBe(0);
  });
});

describe("local ISO 8601", () => {
  it("renders the offset in force at each instant across the spring change", () => {
    expect(formatLocalIso(new Date("2026-03-29T00:59:00Z"), berlin)).toBe("2026-03-29T01:59:00+01:00");
    expect(formatLocalIso(new Date("2026-03-29T00:59:59Z"), berlin)).toBe("2026-03-29T01:59:59+01:00");
    expect(formatLocalIso(new Date("2026-03-29T01:00:00Z"), berlin)).toBe("2026-03-29T03:00:00+02:00");
    expect(formatLocalIso(new Date("2026-03-29T18:00:00Z"), berlin)).toBe("2026-03-29T20:00:00+02:00");
    expect(formatLocalIso(new Date("2026-03-28T19:00:00Z"), berlin)).toBe("2026-03-28T20:00:00+01:00");
  });

  it("renders both passes through the repeated hour of the autumn change", () => {
    expect(formatLocalIso(new Date("2026-10-25T00:30:00Z"), berlin)).toBe("2026-10-25T02:30:00+02:00");
    expect(formatLocalIso(new Date("2026-10-25T01:30:00Z"), berlin)).toBe("2026-10-25T02:30:00+01:00");
  });

  it("renders midnight as 00, zero offsets as +00:00, and odd offsets exactly", () => {
    expect(formatLocalIso(new Date("2026-07-01T22:00:00Z"), berlin)).toBe("2026-07-02T00:00:00+02:00");
    expect(formatLocalIso(new Date("2026-01-15T20:00:00Z"), "UTC")).toBe("2026-01-15T20:00:00+00:00");
    expect(formatLocalIso(new Date("2026-06-01T12:00:00Z"), "UTC")).toBe("2026-06-01T12:00:00+00:00");
    expect(formatLocalIso(new Date("2026-01-15T20:00:00Z"), "Europe/London")).toBe("2026-01-15T20:00:00+00:00");
    expect(formatLocalIso(new Date("2026-01-15T14:15:00Z"), "Asia/Kathmandu")).toBe("2026-01-15T20:00:00+05:45");
    expect(formatLocalIso(new Date("2026-11-02T02:00:00Z"), "America/New_York")).toBe("2026-11-01T21:00:00-05:00");
  });

  it("keeps milliseconds when the instant has them", () => {
    expect(formatLocalIso(new Date("2026-01-15T20:00:00.250Z"), "America/Chicago")).toBe("2026-01-15T14:00:00.250-06:00");
  });
});

describe("the instant a local date and time names", () => {
  it("is found on either side of a change", () => {
    expect(instantAtLocal("2026-03-28", "20:00", berlin).toISOString()).toBe("2026-03-28T19:00:00.000Z");
    expect(instantAtLocal("2026-03-29", "20:00", berlin).toISOString()).toBe("2026-03-29T18:00:00.000Z");
    expect(instantAtLocal("2026-03-29", "00:30", berlin).toISOString()).toBe("2026-03-28T23:30:00.000Z");
    expect(instantAtLocal("2026-10-25", "20:00", berlin).toISOString()).toBe("2026-10-25T19:00:00.000Z");
    expect(instantAtLocal("2026-11-01", "20:00", "America/New_York").toISOString()).toBe("2026-11-02T01:00:00.000Z");
  });

  it("moves a skipped time past the gap and takes the first of a repeated time", () => {
    expect(instantAtLocal("2026-03-29", "02:30", berlin).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(instantAtLocal("2026-10-25", "02:30", berlin).toISOString()).toBe("2026-10-25T00:30:00.000Z");
    // West of Greenwich too: New York's 02:30 on its spring-forward night is 03:30 EDT, and
    // 01:30 on its fall-back night is the first, EDT, one.
    expect(formatLocalIso(instantAtLocal("2027-03-14", "02:30", "America/New_York"), "America/New_York")).toBe("2027-03-14T03:30:00-04:00");
    expect(instantAtLocal("2026-11-01", "01:30", "America/New_York").toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });

  it("round-trips: the instant of a local time renders as that local time", () => {
    for (const timeZone of [berlin, "America/Los_Angeles", "Australia/Sydney", "Asia/Tokyo"]) {
      expect(formatLocalIso(instantAtLocal("2026-10-04", "19:30", timeZone), timeZone)).toMatch(/^2026-10-04T19:30:00[+-]\d{2}:\d{2}$/);
    }
  });

  it("refuses dates and times that do not exist on any calendar", () => {
    expect(() => instantAtLocal("2026-02-30", "20:00", berlin)).toThrow(RangeError);
    expect(() => instantAtLocal("2026-03-29", "24:00", berlin)).toThrow(RangeError);
    expect(() => instantAtLocal("29.03.2026", "20:00", berlin)).toThrow(RangeError);
  });
});

describe("local days", () => {
  it("start at the local midnight, with the offset of that moment, so change days last 23 and 25 hours", () => {
    expect(startOfLocalDay("2026-03-29", berlin).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfLocalDay("2026-03-30", berlin).toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfLocalDay("2026-10-25", berlin).toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(startOfLocalDay("2026-10-26", berlin).toISOString()).toBe("2026-10-25T23:00:00.000Z");
    expect(startOfLocalDay("2026-03-30", berlin).getTime() - startOfLocalDay("2026-03-29", berlin).getTime()).toBe(23 * 3_600_000);
    expect(startOfLocalDay("2026-10-26", berlin).getTime() - startOfLocalDay("2026-10-25", berlin).getTime()).toBe(25 * 3_600_000);
  });

  it("start at 01:00 where the clocks skip midnight itself", () => {
    // Chile springs forward at 00:00 on 2026-09-06: the day's first instant is 01:00 -03:00.
    expect(formatLocalIso(startOfLocalDay("2026-09-06", "America/Santiago"), "America/Santiago")).toBe("2026-09-06T01:00:00-03:00");
  });
});
