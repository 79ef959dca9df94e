// A space's calendar over a window: free, held and booked stretches, each with the holds
// (by rank) or the booking that fills it. A stretch is BOOKED where any confirmed booking
// (or its turnaround) occupies one of the space's physical spaces, else HELD where any
// active hold claims one, else FREE. Adjacent stretches with the same occupants merge.
import { overlaps, type TimeRange } from "./time-range.ts";

export type AvailabilityState = "FREE" | "HELD" | "BOOKED";

export interface Occupant {
  /** The hold's or booking's id. */
  id: string;
  /** A hold's rank; null for a booking. */
  rank: number | null;
  range: TimeRange;
}

export interface AvailabilityInterval {
  state: AvailabilityState;
  range: TimeRange;
  /** The bookings, or else the holds by rank, that fill the stretch; empty when FREE. */
  occupants: Occupant[];
}

export function availabilityIntervals(window: TimeRange, bookings: readonly Occupant[], holds: readonly Occupant[]): AvailabilityInterval[] {
  const inWindow = (occupants: readonly Occupant[]) => occupants.filter((occupant) => overlaps(occupant.range, window));
  const booked = inWindow(bookings);
  const held = inWindow(holds);
  const instants = [window.start, window.end, ...[...booked, ...held].flatMap((occupant) => [occupant.range.start, occupant.range.end])]
    .map((instant) => instant.getTime())
    .filter((time) => time >= window.start.getTime() && time <= window.end.getTime());
  const boundaries = [...new Set(instants)].sort((a, b) => a - b);

  const intervals: AvailabilityInterval[] = [];
  for (let index = 0; index + 1 < boundaries.length; index += 1) {
    const range = { start: new Date(boundaries[index]!), end: new Date(boundaries[index + 1]!) };
    const covering = (occupants: Occupant[]) => occupants.filter((occupant) => overlaps(occupant.range, range));
    const bookedHere = covering(booked);
    const heldHere = covering(held).sort((a, b) => a.rank! - b.rank! || a.id.localeCompare(b.id));
    const stretch: AvailabilityInterval =
      bookedHere.length > 0
        ? { state: "BOOKED", range, occupants: bookedHere }
        : heldHere.length > 0
          ? { state: "HELD", range, occupants: heldHere }
          : { state: "FREE", range, occupants: [] };
    const previous = intervals.at(-1);
    if (previous && sameOccupants(previous, stretch)) previous.range = { start: previous.range.start, end: range.end };
    else intervals.push(stretch);
  }
  return intervals;
}

function sameOccupants(a: AvailabilityInterval, b: AvailabilityInterval): boolean {
  return a.state === b.state && a.occupants.length === b.occupants.length && a.occupants.every((occupant, index) => occupant.id === b.occupants[index]!.id);
}
