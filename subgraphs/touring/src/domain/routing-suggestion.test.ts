import { describe, expect, it } from "vitest";
import { routeDistanceKm } from "./route.ts";
import { suggestRoute, type RoutableStop } from "./routing-suggestion.ts";

const at = (id: string, latitude: number, longitude: number, dateFixed: boolean): RoutableStop => ({ id, location: { latitude, longitude }, dateFixed });
const fixed = (id: string, latitude: number, longitude: number) => at(id, latitude, longitude, true);
const open = (id: string, latitude: number, longitude: number) => at(id, latitude, longitude, false);

/** Every order that keeps the fixed (and unplaced) stops where they are: the brute-force search space. */
function everyAllowedOrder(stops: readonly RoutableStop[]): RoutableStop[][] {
  const openPositions = stops.flatMap((stop, position) => (!stop.dateFixed && stop.location ? [position] : []));
  return permutations(openPositions.map((position) => stops[position]!)).map((arrangement) => {
    const route = [...stops];
    openPositions.forEach((position, index) => (route[position] = arrangement[index]!));
    return route;
  });
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

function bruteForceShortestKm(stops: readonly RoutableStop[]): number {
  return Math.min(...everyAllowedOrder(stops).map((route) => routeDistanceKm(route)));
}

const byId = (stops: readonly RoutableStop[]) => new Map(stops.map((stop) => [stop.id, stop]));
const round = (km: number) => Math.round(km * 10) / 10;

/** A reproducible pseudo-random generator (mulberry32), so failures can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("routing suggestion", () => {
  it("sorts open stops strung along the equator between two fixed ends: the optimum is the straight line", () => {
    const stops = [fixed("A", 0, 0), open("d", 0, 4), open("b", 0, 2), open("e", 0, 5), open("c", 0, 3), open("a", 0, 1), fixed("B", 0, 6)];
    const suggestion = suggestRoute(stops);
    expect(suggestion.order).toEqual(["A", "a", "b", "c", "d", "e", "B"]);
    const straight = routeDistanceKm([stops[0]!, stops[6]!]);
    expect(suggestion.distanceAfterKm).toBe(round(straight));
    expect(suggestion.distanceAfterKm).toBe(round(bruteForceShortestKm(stops)));
    expect(suggestion.distanceBeforeKm).toBe(round(routeDistanceKm(stops)));
  });

  it("finds the brute-force optimum around a fixed stop in the middle, which stays in its position", () => {
    // Chicago and Brooklyn are booked; four open markets wait to be placed around Cleveland's fixed date.
    const stops = [
      fixed("Chicago", 41.8577, -87.6594),
      open("Philadelphia", 39.9526, -75.1652),
      open("Detroit", 42.3314, -83.0458),
      fixed("Cleveland", 41.4993, -81.6944),
      open("Pittsburgh", 40.4406, -79.9959),
      open("Boston", 42.3601, -71.0589),
      fixed("Brooklyn", 40.7195, -73.9386),
    ];
    const suggestion = suggestRoute(stops);
    expect(suggestion.order).toEqual(["Chicago", "Detroit", "Pittsburgh", "Cleveland", "Philadelphia", "Boston", "Brooklyn"]);
    expect(suggestion.distanceAfterKm).toBe(round(bruteForceShortestKm(stops)));
  });

  it("never moves a fixed-date stop nor a stop without a place, and is never longer than the current route", () => {
    const random = seeded(20261125);
    for (let instance = 0; instance < 200; instance++) {
      const stops: RoutableStop[] = Array.from({ length: 3 + Math.floor(random() * 6) }, (_, index) => {
        if (random() < 0.1) return { id: `s${index}`, location: null, dateFixed: false };
        return at(`s${index}`, 30 + random() * 20, -120 + random() * 50, random() < 0.4);
      });
      const suggestion = suggestRoute(stops);
      const suggested = suggestion.order.map((id) => byId(stops).get(id)!);
      stops.forEach((stop, position) => {
        if (stop.dateFixed || !stop.location) expect(suggested[position]!.id).toBe(stop.id);
      });
      expect(new Set(suggestion.order)).toEqual(new Set(stops.map((stop) => stop.id)));
      expect(suggestion.distanceAfterKm).toBeLessThanOrEqual(suggestion.distanceBeforeKm);
      expect(suggestion.distanceAfterKm).toBe(round(routeDistanceKm(suggested)));
      expect(suggestion.distanceAfterKm).toBeGreaterThanOrEqual(round(bruteForceShortestKm(stops)));
    }
  });

  it("reaches the brute-force optimum on small instances with a handful of open stops", () => {
    const random = seeded(7);
    let optimal = 0;
    const instances = 100;
    for (let instance = 0; instance < instances; instance++) {
      const stops = [fixed("first", 40, -100), ...Array.from({ length: 5 }, (_, index) => open(`o${index}`, 30 + random() * 20, -120 + random() * 50)), fixed("last", 42, -72)];
      if (suggestRoute(stops).distanceAfterKm === round(bruteForceShortestKm(stops))) optimal++;
    }
    expect(optimal).toBe(instances);
  });

  it("leaves a route with nothing to move as it is", () => {
    const stops = [fixed("A", 0, 0), open("only", 0, 9), fixed("B", 0, 1)];
    expect(suggestRoute(stops)).toEqual({
      order: ["A", "only", "B"],
      distanceBeforeKm: round(routeDistanceKm(stops)),
      distanceAfterKm: round(routeDistanceKm(stops)),
      stoppedEarly: false,
      legsWeighed: 9,
    });
  });
});

describe("the search's bound", () => {
  const randomOpenStops = (count: number, seed: number) => {
    const random = seeded(seed);
    return Array.from({ length: count }, (_, index) => open(`o${index}`, 30 + random() * 15, -120 + random() * 45));
  };

  it("finishes a hundred open stops inside the bound", () => {
    expect(suggestRoute(randomOpenStops(100, 11)).stoppedEarly).toBe(false);
  });

  it("stops early on two hundred open stops, says so, and still suggests a shorter route that keeps the fixed stops", () => {
    const stops = [fixed("first", 40, -100), ...randomOpenStops(200, 12), fixed("last", 42, -72)];
    const suggestion = suggestRoute(stops);
    expect(suggestion.stoppedEarly).toBe(true);
    expect(suggestion.order[0]).toBe("first");
    expect(suggestion.order.at(-1)).toBe("last");
    expect(new Set(suggestion.order)).toEqual(new Set(stops.map((stop) => stop.id)));
    expect(suggestion.distanceAfterKm).toBeLessThan(suggestion.distanceBeforeKm / 4);
    expect(suggestion.distanceAfterKm).toBe(round(routeDistanceKm(suggestion.order.map((id) => byId(stops).get(id)!))));
  });

  it("weighs no move with a budget for the distances alone: the better of the current order and nearest neighbour", () => {
    const stops = [fixed("A", 0, 0), open("d", 0, 4), open("b", 0, 2), open("e", 0, 5), open("c", 0, 3), open("a", 0, 1), fixed("B", 0, 6)];
    const suggestion = suggestRoute(stops, stops.length * stops.length);
    expect(suggestion.stoppedEarly).toBe(true);
    expect(suggestion.order).toEqual(["A", "a", "b", "c", "d", "e", "B"]);
  });
});

describe("a request's budget of search work", () => {
  const markets = [fixed("a", 52.52, 13.4), open("b", 48.14, 11.58), open("c", 53.55, 9.99), open("d", 50.94, 6.96), fixed("e", 50.11, 8.68)];

  it("charges what a suggestion weighed, never more than it was given", () => {
    const full = suggestRoute(markets);
    expect(full.stoppedEarly).toBe(false);
    expect(full.legsWeighed).toBeGreaterThanOrEqual(markets.length * markets.length);
    const partial = suggestRoute(markets, 30);
    expect(partial.legsWeighed).toBeLessThanOrEqual(30);
    expect(partial.stoppedEarly).toBe(true);
  });

  it("leaves the order as it is, and says so, when nothing is left to weigh the distances with", () => {
    const spent = suggestRoute(markets, 0);
    expect(spent).toEqual({ order: ["a", "b", "c", "d", "e"], distanceBeforeKm: round(routeDistanceKm(markets)), distanceAfterKm: round(routeDistanceKm(markets)), stoppedEarly: true, legsWeighed: 5 });
  });
});
