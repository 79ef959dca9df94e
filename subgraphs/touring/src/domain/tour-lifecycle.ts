// A tour is planned, confirmed, played and completed, and can be called off until it is
// over. A confirmed tour can go back to planning when a date falls through; a tour on
// the road cannot un-start. COMPLETED and CANCELLED are final. Only a tour nobody
// counts on any more can be deleted: one still being planned, or one called off.
import { RuleViolation } from "@marquee/kit";

export const TOUR_STATUSES = ["PLANNING", "CONFIRMED", "ON_THE_ROAD", "COMPLETED", "CANCELLED"] as const;

export type TourStatus = (typeof TOUR_STATUSES)[number];

const nextStatuses: Readonly<Record<TourStatus, readonly TourStatus[]>> = {
  PLANNING: ["CONFIRMED", "CANCELLED"],
  CONFIRMED: ["PLANNING", "ON_THE_ROAD", "CANCELLED"],
  ON_THE_ROAD: ["COMPLETED", "CANCELLED"],
  COMPLETED: [],
  CANCELLED: [],
};

export function allowedTourTransitions(from: TourStatus): readonly TourStatus[] {
  return nextStatuses[from];
}

/** The tour as its lifecycle rules read it; the id is named in a violation's details. */
export interface TourState {
  id: string;
  status: TourStatus;
}

/** An illegal move is a rule violation naming the statuses and the moves allowed. */
export function assertTourTransition(tour: TourState, to: TourStatus): void {
  const from = tour.status;
  const allowed = nextStatuses[from];
  if (allowed.includes(to)) return;
  const moves = allowed.length === 0 ? `${from} is final` : `from ${from} it can only move to ${allowed.join(", ")}`;
  throw new RuleViolation("ILLEGAL_TOUR_TRANSITION", `A tour cannot move from ${from} to ${to}: ${moves}.`, { id: tour.id, from, to });
}

/** A completed or cancelled tour, its stops and its schedule no longer change. */
export function assertTourEditable(tour: TourState): void {
  if (tour.status === "COMPLETED" || tour.status === "CANCELLED") {
    throw new RuleViolation("TOUR_NOT_EDITABLE", `The tour is ${tour.status}; it, its stops and its schedule can no longer change.`, { id: tour.id, status: tour.status });
  }
}

/** Only a tour nobody counts on any more (PLANNING or CANCELLED) can be deleted. */
export function assertTourDeletable(tour: TourState): void {
  if (tour.status === "PLANNING" || tour.status === "CANCELLED") return;
  const instead = tour.status === "COMPLETED" ? "a completed tour is kept" : "cancel it instead";
  throw new RuleViolation("TOUR_NOT_DELETABLE", `The tour is ${tour.status}; only a PLANNING or CANCELLED tour can be deleted (${instead}).`, { id: tour.id, status: tour.status });
}
