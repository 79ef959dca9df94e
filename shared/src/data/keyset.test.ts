import { describe, expect, it } from "vitest";
import { isDayKey, isInstantKey, isTextKey, newestFirst, newestFirstAfter, sortKeyGuard } from "./keyset.ts";

const id = "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0004";

describe("sort keys", () => {
  it("is a pair of a sort value and a uuid, nothing else", () => {
    expect(isTextKey(["The Lumineers", id])).toBe(true);
    for (const forged of [null, "x", [], [id], ["a", id, "b"], [1, id], ["a", 1], ["a", "42"], ["a", id.toUpperCase()], { 0: "a", 1: id, length: 2 }]) {
      expect(isTextKey(forged)).toBe(false);
    }
  });

  it("takes instants as toISOString writes them", () => {
    expect(isInstantKey(["2026-11-24T21:40:00.000Z", id])).toBe(true);
    for (const value of ["2026-11-24", "2026-11-24T21:40:00Z", "2026-11-24T21:40:00.000+01:00", "yesterday", "2026-13-24T21:40:00.000Z"]) {
      expect(isInstantKey([value, id])).toBe(false);
    }
  });

  it("takes days as YYYY-MM-DD", () => {
    expect(isDayKey(["2026-11-24", id])).toBe(true);
    for (const value of ["2026-11-24T21:40:00.000Z", "24.11.2026", "2026-13-01"]) expect(isDayKey([value, id])).toBe(false);
  });

  it("refuses forged sort values the database would choke on: impossible or out-of-range dates, NUL, broken Unicode", () => {
    for (const value of ["2030-02-31", "0000-01-01"]) expect(isDayKey([value, id]), value).toBe(false);
    for (const value of ["2030-02-31T10:00:00.000Z", "0000-01-01T00:00:00.000Z", "2030-02-28T24:00:00.000Z"]) expect(isInstantKey([value, id]), value).toBe(false);
    for (const value of ["Main\u0000Hall", "\uD83C"]) expect(isTextKey([value, id]), value).toBe(false);
  });

  it("checks a list's own sort values", () => {
    const isPositionKey = sortKeyGuard((value) => /^[1-9]\d*$/.test(value));
    expect(isPositionKey(["12", id])).toBe(true);
    expect(isPositionKey(["0", id])).toBe(false);
  });
});

describe("newest-first lists", () => {
  it("order on the field, then on the id", () => {
    expect(newestFirst("createdAt")).toEqual([{ createdAt: "desc" }, { id: "desc" }]);
  });

  it("continue strictly after the key: earlier values, or the same value and a smaller id", () => {
    const at = new Date("2026-11-24T21:40:00.000Z");
    expect(newestFirstAfter("createdAt", ["2026-11-24T21:40:00.000Z", id])).toEqual({ OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: id } }] });
    const day = new Date("2026-11-24T00:00:00.000Z");
    expect(newestFirstAfter("incurredOn", ["2026-11-24", id])).toEqual({ OR: [{ incurredOn: { lt: day } }, { incurredOn: day, id: { lt: id } }] });
  });
});
