// The day sheet's times on the clocks of the places they happen: a flight from Chicago to
// New York leaves on Central time and lands on Eastern time, and the night the US springs
// forward (2027-03-14, 02:00 local) each clock shows its own side of the change.
import { describe, expect, it } from "vitest";
import { clockText, daySheetText, type SheetItem } from "./day-sheet-text.ts";
import { localClock } from "./local-clock.ts";

const sheetItem = (fields: Partial<SheetItem> & Pick<SheetItem, "id" | "kind" | "title" | "startsAt" | "startTimeZone">): SheetItem => ({
  endsAt: null,
  endTimeZone: null,
  origin: null,
  destination: null,
  location: null,
  notes: null,
  ...fields,
});

describe("local clocks", () => {
  // The kit's zoned-time tests cover local dates and the daylight-saving changes; this is the LocalTime shape.
  it("read an instant on each city's clock as HH:mm, with the zone in force then", () => {
    const departure = new Date("2026-05-16T15:00:00Z");
    expect(localClock(departure, "America/Chicago")).toEqual({ date: "2026-05-16", time: "10:00", zone: "CDT" });
    expect(localClock(departure, "America/New_York")).toEqual({ date: "2026-05-16", time: "11:00", zone: "EDT" });
    expect(localClock(departure, "Europe/Berlin")).toEqual({ date: "2026-05-16", time: "17:00", zone: "GMT+2" });
  });
});

describe("the printable day sheet", () => {
  it("shows a Chicago → New York flight on both cities' clocks, the hotel's check-out with its date, and conflicts", () => {
    const text = daySheetText({
      tourName: "Aurora Lane — Spring Tour",
      date: "2026-05-16",
      place: { city: "New York", country: "US" },
      timeZone: "America/New_York",
      stopKinds: ["TRAVEL_DAY"],
      show: null,
      items: [
        sheetItem({
          id: "flight",
          kind: "TRAVEL",
          title: "UA 1542",
          startsAt: new Date("2026-05-16T15:00:00Z"),
          startTimeZone: "America/Chicago",
          endsAt: new Date("2026-05-16T17:15:00Z"),
          endTimeZone: "America/New_York",
          origin: "Chicago O'Hare",
          destination: "New York LaGuardia",
        }),
        sheetItem({
          id: "hotel",
          kind: "HOTEL",
          title: "The Williamsburg Hotel",
          startsAt: new Date("2026-05-16T19:00:00Z"),
          startTimeZone: "America/New_York",
          endsAt: new Date("2026-05-17T15:00:00Z"),
          endTimeZone: "America/New_York",
          location: "96 Wythe Ave, Brooklyn",
        }),
        sheetItem({ id: "press", kind: "PRESS", title: "Radio interview", startsAt: new Date("2026-05-16T17:00:00Z"), startTimeZone: "America/New_York", endsAt: new Date("2026-05-16T17:30:00Z"), endTimeZone: "America/New_York" }),
      ],
      conflicts: [{ firstId: "flight", secondId: "press" }],
    });
    expect(text).toBe(
      [
        "Aurora Lane — Spring Tour — day sheet",
        "Saturday 2026-05-16 · New York, US · local time America/New_York",
        "Travel day",
        "",
        "SCHEDULE",
        "  10:00 CDT → 13:15 EDT          TRAVEL     UA 1542 (Chicago O'Hare → New York LaGuardia)",
        "  13:00 EDT → 13:30 EDT          PRESS      Radio interview",
        "  15:00 EDT → 2026-05-17 11:00 EDT HOTEL      The Williamsburg Hotel · 96 Wythe Ave, Brooklyn",
        "",
        "CONFLICTS",
        '  TRAVEL "UA 1542" overlaps PRESS "Radio interview"',
        "",
      ].join("\n"),
    );
  });

  it("writes an overnight drive across the spring-forward change in each clock's own offset", () => {
    // 00:30 CST in Chicago is 06:30Z; the bus arrives 8h30 later, 15:00Z, which New York calls 11:00 EDT.
    expect(clockText(new Date("2027-03-14T06:30:00Z"), "America/Chicago", "2027-03-14")).toBe("00:30 CST");
    expect(clockText(new Date("2027-03-14T15:00:00Z"), "America/New_York", "2027-03-14")).toBe("11:00 EDT");
    // The evening before, on the sheet of the 13th, the arrival carries its date.
    expect(clockText(new Date("2027-03-14T15:00:00Z"), "America/New_York", "2027-03-13")).toBe("2027-03-14 11:00 EDT");
  });
});
