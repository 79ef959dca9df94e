import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "./calendar-date.ts";

describe("calendar dates", () => {
  it("count days on, across months and years, and back", () => {
    expect(addDays("2026-03-31", 1)).toBe("2026-04-01");
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("count whole days between dates, a daylight-saving change or not", () => {
    expect(daysBetween("2026-03-28", "2026-03-29")).toBe(1);
    expect(daysBetween("2026-03-28", "2026-03-31")).toBe(3);
    expect(daysBetween("2026-05-16", "2026-05-16")).toBe(0);
    expect(daysBetween("2026-05-16", "2026-05-14")).toBe(-2);
  });
});
