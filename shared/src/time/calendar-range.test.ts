import { describe, expect, it } from "vitest";
import { calendarDateProblem, isoInstantProblem, isSupportedInstant } from "./calendar-range.ts";

describe("calendar dates", () => {
  it("takes real dates of the years 1900 to 2199", () => {
    for (const date of ["1900-01-01", "2028-02-29", "2000-02-29", "2030-12-31", "2199-12-31"]) expect(calendarDateProblem(date), date).toBeNull();
  });

  it("refuses days that do not exist, which Date would roll over", () => {
    for (const date of ["2030-02-31", "2030-02-29", "1900-02-29", "2030-04-31", "2030-13-01", "2030-00-10", "2030-01-00"]) {
      expect(calendarDateProblem(date), date).toBe("not a real date");
    }
  });

  it("refuses years outside the range, such as 0000, which PostgreSQL does not have", () => {
    for (const date of ["0000-01-01", "1899-12-31", "2200-01-01", "9999-12-31"]) expect(calendarDateProblem(date), date).toBe("outside the supported years 1900 to 2199");
  });

  it("refuses other forms", () => {
    for (const date of ["2030-2-3", "20300203", "2030-02-03T00:00Z", "+002030-02-03", " 2030-02-03"]) expect(calendarDateProblem(date), date).toBe("expected YYYY-MM-DD");
  });
});

describe("instants", () => {
  it("takes ISO 8601 with an explicit offset, with or without seconds and fractions", () => {
    for (const instant of ["2030-02-28T10:00Z", "2030-02-28T23:59:59Z", "2030-02-28T10:00:00.123456+05:45", "2028-02-29T00:00-08:00", "1900-01-01T00:00:00Z", "2199-12-31T23:59:59.999Z"]) {
      expect(isoInstantProblem(instant), instant).toBeNull();
    }
  });

  it("refuses dates and times that do not exist", () => {
    expect(isoInstantProblem("2030-02-31T10:00Z")).toBe("not a real date");
    expect(isoInstantProblem("2030-02-28T24:00Z")).toBe("not a real time of day (00:00 to 23:59:59)");
    expect(isoInstantProblem("2030-02-28T10:60Z")).toBe("not a real time of day (00:00 to 23:59:59)");
    expect(isoInstantProblem("2030-02-28T23:59:60Z")).toBe("not a real time of day (00:00 to 23:59:59)");
    expect(isoInstantProblem("2030-02-28T10:00+24:00")).toBe("not a real offset (±hh:mm)");
  });

  it("judges the range on the instant, so that no offset carries it out", () => {
    expect(isoInstantProblem("0000-01-01T00:00Z")).toBe("outside the supported years 1900 to 2199");
    expect(isoInstantProblem("1900-01-01T00:30+01:00")).toBe("outside the supported years 1900 to 2199");
    expect(isoInstantProblem("2199-12-31T23:30-01:00")).toBe("outside the supported years 1900 to 2199");
    expect(isSupportedInstant(new Date(Number.NaN))).toBe(false);
  });

  it("refuses an instant without an offset, or in another form", () => {
    for (const instant of ["2030-02-28T10:00", "2030-02-28 10:00Z", "2030-02-28T10Z", "2030-02-28t10:00z", "tomorrow"]) {
      expect(isoInstantProblem(instant), instant).toBe("expected ISO 8601 with an offset (Z or ±hh:mm)");
    }
  });
});
