import { describe, expect, it } from "vitest";
import { scheduleConflicts, type TimedItem } from "./schedule-conflicts.ts";

const item = (id: string, kind: string, start: string, end: string | null = null): TimedItem => ({
  id,
  kind,
  startsAt: new Date(`2026-05-17T${start}:00Z`),
  endsAt: end === null ? null : new Date(`2026-05-17T${end}:00Z`),
});

describe("schedule conflicts", () => {
  it("pair overlapping spans, and moments strictly inside a span", () => {
    const items = [
      item("set", "SET", "21:00", "22:45"),
      item("soundcheck", "SOUNDCHECK", "16:00", "18:30"),
      item("doors", "DOORS", "18:00"),
      item("curfew", "CURFEW", "22:30"),
      item("press", "PRESS", "18:15", "18:45"),
    ];
    expect(scheduleConflicts(items)).toEqual([
      { firstId: "soundcheck", secondId: "doors" },
      { firstId: "soundcheck", secondId: "press" },
      { firstId: "set", secondId: "curfew" },
    ]);
  });

  it("let back-to-back spans, moments at a span's edge, moments together and the hotel night pass", () => {
    const items = [
      item("load-in", "LOAD_IN", "14:00", "16:00"),
      item("soundcheck", "SOUNDCHECK", "16:00", "17:00"),
      item("doors", "DOORS", "17:00"),
      item("press", "PRESS", "17:00"),
      item("hotel", "HOTEL", "12:00", "23:59"),
    ];
    expect(scheduleConflicts(items)).toEqual([]);
  });
});
