// The model on Northwind's generated history (shared/src/demo/demo-history.ts), whose
// signal is known: it must find that signal, beat the naive baseline on a time-ordered
// backtest, and give identical answers to identical inputs.
import { describe, expect, it } from "vitest";
import { demoHistory, demoHistorySignal } from "@marquee/kit/demo";
import { backtest, fitSellThroughModel, historyFingerprint, predictShow, settledShowsOf, type Show } from "../src/domain/index.ts";

const dayMs = 86_400_000;
const seedDay = new Date("2026-11-24T12:00:00Z");

/** The history as Base would serve it, at 20:00 UTC on each local date (the time of day plays no part). */
function showsOf(day: Date): Show[] {
  return demoHistory(day).map((event) => {
    const localDate = new Date(day.getTime() + event.day * dayMs).toISOString().slice(0, 10);
    const startsAt = new Date(`${localDate}T20:00:00Z`);
    return {
      id: event.id,
      status: event.status,
      startsAt,
      localDate,
      createdAt: new Date(startsAt.getTime() - event.announcedDaysBefore * dayMs),
      updatedAt: new Date(startsAt.getTime() + event.hours * 3_600_000),
      capacity: event.capacity,
      ticketsSold: event.ticketsSold,
      city: event.location.city,
      lineup: [...event.lineup],
    };
  });
}

const shows = showsOf(seedDay);
const weightOf = (name: string) => {
  const model = fitSellThroughModel(settledShowsOf(shows), shows)!;
  return model.fit.weights[model.featureNames.indexOf(name)]!;
};

describe("the model on the generated history", () => {
  it("beats the naive baseline on the time-ordered backtest", () => {
    const result = backtest(shows)!;
    expect(result.trainingSize).toBe(120);
    expect(result.testSize).toBe(30);
    expect(result.modelMae).toBeLessThan(result.baselineMae * 0.6);
  });

  it("finds the signal's directions: bigger rooms, Monday nights and short lead times sell less, good artists more", () => {
    expect(demoHistorySignal.perCapacityDoubling).toBeLessThan(0);
    expect(weightOf("capacity (log2)")).toBeLessThan(0);
    expect(weightOf("weekday: Monday")).toBeLessThan(weightOf("weekday: Saturday"));
    expect(weightOf("lead time (days)")).toBeGreaterThan(0);
    expect(weightOf("artist past sell-through")).toBeGreaterThan(0);
    expect(weightOf("season (December high)")).toBeGreaterThan(0);
  });

  it("gives identical outputs for identical inputs, and a new fingerprint when a show changes", () => {
    const again = showsOf(seedDay);
    expect(fitSellThroughModel(settledShowsOf(again), again)).toEqual(fitSellThroughModel(settledShowsOf(shows), shows));
    const model = fitSellThroughModel(settledShowsOf(shows), shows)!;
    expect(predictShow(model, again[0]!, again)).toEqual(predictShow(model, shows[0]!, shows));
    expect(historyFingerprint(again)).toBe(historyFingerprint(shows));
    const changed = again.map((show, index) => (index === 5 ? { ...show, ticketsSold: show.ticketsSold - 1, updatedAt: new Date(show.updatedAt.getTime() + 1000) } : show));
    expect(historyFingerprint(changed)).not.toBe(historyFingerprint(shows));
  });
});
