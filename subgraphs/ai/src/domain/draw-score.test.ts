import { describe, expect, it } from "vitest";
import { drawScoreOf } from "./draw-score.ts";
import { sellThroughAnalytics } from "./sell-through-analytics.ts";
import type { Show } from "./show.ts";

const star = "artist-star";
const other = "artist-other";

function show(id: string, localDate: string, artist: string, ticketsSold: number, capacity = 1000, status: Show["status"] = "COMPLETED"): Show {
  const startsAt = new Date(`${localDate}T19:00:00Z`);
  return { id, status, startsAt, localDate, createdAt: new Date(startsAt.getTime() - 60 * 86_400_000), updatedAt: startsAt, capacity, ticketsSold, city: "Berlin", lineup: [artist] };
}

// The star: 700, 800, 900 of 1,000 in January, February, March (a +10 points a month trend).
// The other: 400 and 600 of 1,000.
const history = [
  show("1", "2026-01-09", star, 700),
  show("2", "2026-02-06", star, 800),
  show("3", "2026-03-06", star, 900),
  show("4", "2026-01-16", other, 400),
  show("5", "2026-02-13", other, 600),
  show("6", "2026-04-10", star, 0, 1000, "CANCELLED"),
];

describe("the draw score", () => {
  it("weighs average sell-through, tickets against the company's average and the trend", () => {
    // Average 0.8 → 48 points; 800 tickets vs the company's 680 → ratio 1.176 → 25 × 0.588 = 14.71;
    // slope +0.1 a month → 0.5 + 1.0 clipped to 1 → 15. Total 77.71 → 78.
    const score = drawScoreOf(star, history)!;
    expect(score.score).toBe(78);
    expect(score.showCount).toBe(3);
    expect(score.factors.map(({ name, weight }) => [name, weight])).toEqual([
      ["AVERAGE_SELL_THROUGH", 60],
      ["TICKETS_PER_SHOW", 25],
      ["SELL_THROUGH_TREND", 15],
    ]);
    expect(score.factors[0]!.value).toBeCloseTo(0.8, 12);
    expect(score.factors[0]!.contribution).toBeCloseTo(48, 12);
    expect(score.factors[1]!.value).toBeCloseTo(800 / 680, 12);
    expect(score.factors[1]!.contribution).toBeCloseTo((25 * 800) / 680 / 2, 12);
    expect(score.factors[2]!.value).toBeCloseTo(0.1, 12);
    expect(score.factors[2]!.contribution).toBe(15);
  });

  it("is null for an artist who headlined no completed show", () => {
    expect(drawScoreOf("nobody", history)).toBeNull();
  });
});

describe("the analytics", () => {
  it("count every status and sum sell-through per month, weekday, city and headliner, with the trend", () => {
    const analytics = sellThroughAnalytics(history);
    expect(analytics.eventsByStatus).toEqual([
      { status: "DRAFT", count: 0 },
      { status: "ANNOUNCED", count: 0 },
      { status: "ON_SALE", count: 0 },
      { status: "SOLD_OUT", count: 0 },
      { status: "CANCELLED", count: 1 },
      { status: "COMPLETED", count: 5 },
    ]);
    expect(analytics.overall).toEqual({ key: "all", eventCount: 5, ticketsSold: 3400, capacity: 5000, sellThrough: 0.68 });
    expect(analytics.byMonth.map(({ key, sellThrough }) => [key, sellThrough])).toEqual([
      ["2026-01", 0.55],
      ["2026-02", 0.7],
      ["2026-03", 0.9],
    ]);
    expect(analytics.byWeekday.map(({ key, eventCount }) => [key, eventCount])).toEqual([["FRIDAY", 5]]);
    expect(analytics.byHeadliner.map(({ key, sellThrough }) => [key, sellThrough])).toEqual([
      [star, 0.8],
      [other, 0.5],
    ]);
    // Least squares through (0, 0.55), (1, 0.70), (2, 0.90): slope 0.175.
    expect(analytics.trend?.direction).toBe("RISING");
    expect(analytics.trend?.slopePerMonth).toBeCloseTo(0.175, 12);
    expect(analytics.trend?.months).toBe(3);
  });
});
