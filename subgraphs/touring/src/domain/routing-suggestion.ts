// A suggested order for the stops whose dates are still open. Stops with a fixed date
// (and stops without a place, which routing cannot weigh) keep their positions; the open
// stops are redistributed over the positions open stops hold, so that the whole route
// is as short as possible: each open position is a free day in the routing, and the
// question is which open market fills which.
//
// The search is nearest neighbour (fill each open position with the unplaced open stop
// nearest to the stop before it) followed by 2-opt (reverse the open stops between two
// open positions while that shortens the route), with or-opt moves (take one open stop
// out and put it back at another open position) in the same improvement loop: 2-opt
// alone stalled above the optimum on 3 in 100 random five-market instances, and no
// longer does with them. The local search also runs from the current order, and the
// shorter result wins, so a suggestion is never longer than the current route.
import { greatCircleKm, type GeoPoint } from "@marquee/kit";
import { routeDistanceKm, roundKm } from "./route.ts";

export interface RoutableStop {
  id: string;
  location: GeoPoint | null;
  dateFixed: boolean;
}

export interface RoutingSuggestion {
  /** Every stop's id, in the suggested order. */
  order: string[];
  distanceBeforeKm: number;
  distanceAfterKm: number;
}

/** Below this, a shorter route is rounding noise, not an improvement. */
const epsilonKm = 1e-9;

export function suggestRoute(stops: readonly RoutableStop[]): RoutingSuggestion {
  const openPositions = stops.flatMap((stop, position) => (isMovable(stop) ? [position] : []));
  const before = routeDistanceKm(stops);
  const best = [localSearch(stops, openPositions), localSearch(nearestNeighbour(stops, openPositions), openPositions)].reduce(
    (shortest, candidate) => (candidate.distance < shortest.distance - epsilonKm ? candidate : shortest),
    { route: stops, distance: before },
  );
  return { order: best.route.map((stop) => stop.id), distanceBeforeKm: roundKm(before), distanceAfterKm: roundKm(best.distance) };
}

function isMovable(stop: RoutableStop): boolean {
  return !stop.dateFixed && stop.location !== null;
}

function nearestNeighbour(stops: readonly RoutableStop[], openPositions: readonly number[]): RoutableStop[] {
  const route = [...stops];
  const unplaced = openPositions.map((position) => stops[position]!);
  for (const position of openPositions) {
    const anchor = lastPlacedBefore(route, position) ?? firstFixedPlacedAfter(stops, position);
    const nearest = anchor
      ? unplaced.reduce((best, stop) => (greatCircleKm(anchor, stop.location!) < greatCircleKm(anchor, best.location!) ? stop : best))
      : unplaced[0]!;
    route[position] = nearest;
    unplaced.splice(unplaced.indexOf(nearest), 1);
  }
  return route;
}

function lastPlacedBefore(route: readonly RoutableStop[], position: number): GeoPoint | null {
  for (let index = position - 1; index >= 0; index--) {
    const location = route[index]!.location;
    if (location) return location;
  }
  return null;
}

function firstFixedPlacedAfter(stops: readonly RoutableStop[], position: number): GeoPoint | null {
  return stops.slice(position + 1).find((stop) => !isMovable(stop) && stop.location !== null)?.location ?? null;
}

function localSearch(start: readonly RoutableStop[], openPositions: readonly number[]): { route: RoutableStop[]; distance: number } {
  let route = [...start];
  let distance = routeDistanceKm(route);
  let improved = true;
  while (improved) {
    improved = false;
    for (let i = 0; i < openPositions.length; i++) {
      for (let j = 0; j < openPositions.length; j++) {
        if (i === j) continue;
        const moves = i < j ? [reversed(route, openPositions.slice(i, j + 1)), relocated(route, openPositions, i, j)] : [relocated(route, openPositions, i, j)];
        for (const candidate of moves) {
          const candidateDistance = routeDistanceKm(candidate);
          if (candidateDistance < distance - epsilonKm) {
            route = candidate;
            distance = candidateDistance;
            improved = true;
          }
        }
      }
    }
  }
  return { route, distance };
}

/** The route with the open stop at open position `from` moved to open position `to`, the open stops between shifting over. */
function relocated(route: readonly RoutableStop[], openPositions: readonly number[], from: number, to: number): RoutableStop[] {
  const openStops = openPositions.map((position) => route[position]!);
  const [moving] = openStops.splice(from, 1);
  openStops.splice(to, 0, moving!);
  const result = [...route];
  openPositions.forEach((position, index) => (result[position] = openStops[index]!));
  return result;
}

/** The route with the stops at `positions` in reverse order, every other stop where it was. */
function reversed(route: readonly RoutableStop[], positions: readonly number[]): RoutableStop[] {
  const result = [...route];
  positions.forEach((position, index) => {
    result[position] = route[positions[positions.length - 1 - index]!]!;
  });
  return result;
}
