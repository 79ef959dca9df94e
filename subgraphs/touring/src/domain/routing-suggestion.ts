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
//
// The search is bounded in work, so that no tour, however long, holds a request up: the
// distance table counts its n² legs, and each of the two runs may weigh half of what is
// left of `budgetLegs` (a move is weighed by the legs it changes, on distances computed
// once). The caller hands in what its request has left (tour-routing.ts). A run that reaches its bound ends with the
// shortest order it has found, and the suggestion says it stopped early. A hundred open
// stops finish inside the bound; two hundred reach it after a fraction of a second.
import { greatCircleKm, type GeoPoint } from "@marquee/kit";
import { roundKm } from "./route.ts";

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
  /** True when the local search reached its bound before it ran out of shortening moves. */
  stoppedEarly: boolean;
  /** The work it took, in legs weighed (the distance table counted in): what a request's budget is charged. */
  legsWeighed: number;
}

/** Legs the local search may weigh for one suggestion, both runs together. */
export const searchBudgetLegs = 10_000_000;

/** Below this, a shorter route is rounding noise, not an improvement. */
const epsilonKm = 1e-9;

export function suggestRoute(stops: readonly RoutableStop[], budgetLegs = searchBudgetLegs): RoutingSuggestion {
  // Stops without a place never move and add no distance: the search runs on the placed
  // stops alone (`route` holds indices into `placed`), and the others go back where they were.
  const placed = stops.filter((stop): stop is RoutableStop & { location: GeoPoint } => stop.location !== null);
  const openSlots = placed.flatMap((stop, slot) => (stop.dateFixed ? [] : [slot]));
  // The table is work too: counted first, the rest is the two runs' to share. With no
  // budget left for it, the current order stands.
  const tableLegs = placed.length * placed.length;
  if (openSlots.length > 1 && budgetLegs < tableLegs) {
    const distance = roundKm(placed.reduce((total, stop, index) => (index === 0 ? 0 : total + greatCircleKm(placed[index - 1]!.location, stop.location)), 0));
    return { order: stops.map((stop) => stop.id), distanceBeforeKm: distance, distanceAfterKm: distance, stoppedEarly: true, legsWeighed: placed.length };
  }
  const distances = new DistanceTable(placed.map((stop) => stop.location));
  const current = Int32Array.from(placed.keys());
  const before = distances.along(current);
  const runBudget = Math.max(0, Math.floor((budgetLegs - tableLegs) / 2));
  const runs = [current, nearestNeighbour(placed, openSlots, distances)].map((start) => new OpenStopSearch(start, openSlots, distances, runBudget).run());
  const best = runs.reduce<{ route: Int32Array; distance: number }>(
    (shortest, candidate) => (candidate.distance < shortest.distance - epsilonKm ? candidate : shortest),
    { route: current, distance: before },
  );
  const placedOrder = Array.from(best.route, (index) => placed[index]!.id);
  let next = 0;
  return {
    order: stops.map((stop) => (stop.location === null ? stop.id : placedOrder[next++]!)),
    distanceBeforeKm: roundKm(before),
    distanceAfterKm: roundKm(best.distance),
    stoppedEarly: runs.some((run) => run.stoppedEarly),
    legsWeighed: tableLegs + runs.reduce((sum, run) => sum + run.legsWeighed, 0),
  };
}

/** Every great-circle distance between the places, computed once: the search looks them up. */
class DistanceTable {
  private readonly table: Float64Array;
  private readonly size: number;

  constructor(points: readonly GeoPoint[]) {
    this.size = points.length;
    this.table = new Float64Array(this.size * this.size);
    points.forEach((from, row) => points.forEach((to, column) => (this.table[row * this.size + column] = greatCircleKm(from, to))));
  }

  between(from: number, to: number): number {
    return this.table[from * this.size + to]!;
  }

  /** The length of the route through the places in this order. */
  along(route: Int32Array): number {
    let total = 0;
    for (let index = 1; index < route.length; index++) total += this.between(route[index - 1]!, route[index]!);
    return total;
  }
}

function nearestNeighbour(placed: readonly RoutableStop[], openSlots: readonly number[], distances: DistanceTable): Int32Array {
  const route = Int32Array.from(placed.keys());
  const unplaced = [...openSlots];
  for (const slot of openSlots) {
    const anchor = slot > 0 ? route[slot - 1]! : firstFixedAfter(placed, slot);
    const nearest =
      anchor === undefined
        ? unplaced[0]!
        : unplaced.reduce((best, candidate) => (distances.between(anchor, candidate) < distances.between(anchor, best) ? candidate : best));
    route[slot] = nearest;
    unplaced.splice(unplaced.indexOf(nearest), 1);
  }
  return route;
}

function firstFixedAfter(placed: readonly RoutableStop[], slot: number): number | undefined {
  const index = placed.findIndex((stop, candidate) => candidate > slot && stop.dateFixed);
  return index === -1 ? undefined : index;
}

interface SearchResult {
  route: Int32Array;
  distance: number;
  stoppedEarly: boolean;
  legsWeighed: number;
}

/**
 * The local search from one start: 2-opt and or-opt moves of the open stops while one
 * shortens the route, within a budget of legs weighed. A move changes a stretch of the
 * route (from the open slot it starts at to the one it ends at); only the legs into,
 * through and out of that stretch are weighed, on the distances computed once.
 */
class OpenStopSearch {
  private readonly route: Int32Array;
  private readonly slots: Int32Array;
  /** The open slot at each position of the route; -1 for a fixed stop. */
  private readonly slotOf: Int32Array;
  private legsLeft: number;
  private readonly budgetLegs: number;

  constructor(
    start: Int32Array,
    openSlots: readonly number[],
    private readonly distances: DistanceTable,
    budgetLegs: number,
  ) {
    this.route = Int32Array.from(start);
    this.slots = Int32Array.from(openSlots);
    this.slotOf = new Int32Array(start.length).fill(-1);
    openSlots.forEach((position, slot) => (this.slotOf[position] = slot));
    this.legsLeft = budgetLegs;
    this.budgetLegs = budgetLegs;
  }

  run(): SearchResult {
    const count = this.slots.length;
    let distance = this.distances.along(this.route);
    let improved = true;
    while (improved) {
      improved = false;
      for (let i = 0; i < count; i++) {
        for (let j = 0; j < count; j++) {
          if (i === j) continue;
          if (this.legsLeft <= 0) return this.result(true);
          // Both moves are weighed on the route as it is before either is made; a reversal
          // undoes itself, so the relocation can still be made after it.
          const reversalChange = i < j ? this.lengthening(true, i, j) : Infinity;
          const relocationChange = this.lengthening(false, i, j);
          const startDistance = distance;
          if (reversalChange < -epsilonKm) {
            this.make(true, i, j);
            distance = startDistance + reversalChange;
            improved = true;
          }
          if (startDistance + relocationChange < distance - epsilonKm) {
            if (distance !== startDistance) this.make(true, i, j);
            this.make(false, i, j);
            distance = startDistance + relocationChange;
            improved = true;
          }
        }
      }
    }
    return this.result(false);
  }

  private result(stoppedEarly: boolean): SearchResult {
    return { route: this.route, distance: this.distances.along(this.route), stoppedEarly, legsWeighed: this.budgetLegs - Math.max(0, this.legsLeft) };
  }

  /**
   * The stop at `position` once the move is made: the open stops from slot `from` to slot
   * `to` in reverse order (a reversal, `from` < `to`), or the open stop at slot `from`
   * moved to slot `to`, the open stops between shifting over (a relocation).
   */
  private stopAfter(reversal: boolean, from: number, to: number, position: number): number {
    const slot = this.slotOf[position]!;
    const low = from < to ? from : to;
    const high = from < to ? to : from;
    if (slot < low || slot > high) return this.route[position]!;
    if (reversal) return this.route[this.slots[low + high - slot]!]!;
    if (slot === to) return this.route[this.slots[from]!]!;
    return this.route[this.slots[from < to ? slot + 1 : slot - 1]!]!;
  }

  private stretchStart(from: number, to: number): number {
    return Math.max(this.slots[from < to ? from : to]! - 1, 0);
  }

  private stretchEnd(from: number, to: number): number {
    return Math.min(this.slots[from < to ? to : from]! + 1, this.route.length - 1);
  }

  /** How much longer the route gets with the move. */
  private lengthening(reversal: boolean, from: number, to: number): number {
    const first = this.stretchStart(from, to);
    const last = this.stretchEnd(from, to);
    this.legsLeft -= last - first;
    let change = 0;
    let previous = this.stopAfter(reversal, from, to, first);
    for (let position = first; position < last; position++) {
      const next = this.stopAfter(reversal, from, to, position + 1);
      change += this.distances.between(previous, next) - this.distances.between(this.route[position]!, this.route[position + 1]!);
      previous = next;
    }
    return change;
  }

  private make(reversal: boolean, from: number, to: number): void {
    const first = this.stretchStart(from, to);
    const stops = Int32Array.from({ length: this.stretchEnd(from, to) - first + 1 }, (_, offset) => this.stopAfter(reversal, from, to, first + offset));
    this.route.set(stops, first);
  }
}
