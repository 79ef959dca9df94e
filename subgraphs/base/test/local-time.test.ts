import { describe, expect, it } from "vitest";
import { formatLocalDateTime, instantAt } from "../src/domain/local-time.ts";

describe("local time", () => {
  // Berlin: summer time begins 2026-03-29 at 01:00 UTC (02:00 -> 03:00 local) and ends
  // 2026-10-25 at 01:00 UTC (03:00 -> 02:00 local).
  it("renders the offset in force at each instant across the spring change", () => {
    expect(formatLocalDateTime(new Date("2026-03-29T00:59:59Z"), "Europe/Berlin")).toBe("2026-03-29T01:59:59+01:00");
    expect(formatLocalDateTime(new Date("2026-03-29T01:00:00Z"), "Europe/Berlin")).toBe("2026-03-29T03:00:00+02:00");
    expect(formatLocalDateTime(new Date("2026-03-29T18:00:00Z"), "Europe/Berlin")).toBe("2026-03-29T20:00:00+02:00");
    expect(formatLocalDateTime(new Date("2026-03-28T19:00:00Z"), "Europe/Berlin")).toBe("2026-03-28T20:00:00+01:00");
  });

  it("renders both passes through the repeated hour of the autumn change", () => {
    expect(formatLocalDateTime(new Date("2026-10-25T00:30:00Z"), "Europe/Berlin")).toBe("2026-10-25T02:30:00+02:00");
    expect(formatLocalDateTime(new Date("2026-10-25T01:30:00Z"), "Europe/Berlin")).toBe("2026-10-25T02:30:00+01:00");
  });

  it("renders midnight as 00, zero offsets as +00:00, and odd offsets exactly", () => {
    expect(formatLocalDateTime(new Date("2026-07-01T22:00:00Z"), "Europe/Berlin")).toBe("2026-07-02T00:00:00+02:00");
    expect(formatLocalDateTime(new Date("2026-01-15T20:00:00Z"), "UTC")).toBe("2026-01-15T20:00:00+00:00");
    expect(formatLocalDateTime(new Date("2026-01-15T20:00:00Z"), "Europe/London")).toBe("2026-01-15T20:00:00+00:00");
    expect(formatLocalDateTime(new Date("2026-01-15T14:15:00Z"), "Asia/Kathmandu")).toBe("2026-01-15T20:00:00+05:45");
    expect(formatLocalDateTime(new Date("2026-11-02T02:00:00Z"), "America/New_York")).toBe("2026-11-01T21:00:00-05:00");
  });

  it("keeps milliseconds when the instant has them", () => {
    expect(formatLocalDateTime(new Date("2026-01-15T20:00:00.250Z"), "America/Chicago")).toBe("2026-01-15T14:00:00.250-06:00");
  });

  it("finds the instant a venue's clock names, on either side of a change", () => {
    expect(instantAt("2026-03-28", "20:00", "Europe/Berlin").toISOString()).toBe("2026-03-28T19:00:00.000Z");
    expect(instantAt("2026-03-29", "20:00", "Europe/Berlin").toISOString()).toBe("2026-03-29T18:00:00.000Z");
    expect(instantAt("2026-03-29", "00:30", "Europe/Berlin").toISOString()).toBe("2026-03-28T23:30:00.000Z");
    expect(instantAt("2026-11-01", "20:00", "America/New_York").toISOString()).toBe("2026-11-02T01:00:00.000Z");
  });

  it("moves a skipped time past the gap and takes the first of a repeated time", () => {
    expect(instantAt("2026-03-29", "02:30", "Europe/Berlin").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(instantAt("2026-10-25", "02:30", "Europe/Berlin").toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("round-trips: the instant of a local time renders as that local time", () => {
    for (const timeZone of ["Europe/Berlin", "America/Los_Angeles", "Australia/Sydney", "Asia/Tokyo"]) {
      expect(formatLocalDateTime(instantAt("2026-10-04", "19:30", timeZone), timeZone)).toMatch(/^2026-10-04T19:30:00[+-]\d{2}:\d{2}$/);
    }
  });
});
