// A tour is planned, confirmed, played and completed, and can be called off until it is
// over. A confirmed tour can go back to planning when a date falls through; a tour on
// the road cannot un-start. COMPLETED and CANCELLED are final. Only a tour nobody
// counts on any more can be deleted: one still being planned, or one called off.

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

/** Why a tour cannot move from `from` to `to`; null when it can. */
export function tourTransitionProblem(from: TourStatus, to: TourStatus): string | null {
  const allowed = nextStatuses[from];
  if (allowed.includes(to)) return null;
  const moves = allowed.length === 0 ? `${from} is final` : `from ${from} it can only move to ${allowed.join(", ")}`;
  return `A tour cannot move from ${from} to ${to}: ${moves}.`;
}

/** Why a tour, its stops and its schedule cannot change in this status; null when they can. */
export function tourEditProblem(status: TourStatus): string | null {
  return status === "COMPLETED" || status === "CANCELLED" ? `The tour is ${status}; it, its stops and its schedule can no longer change.` : null;
}

/** Why a tour in this status cannot be deleted; null when it can. */
export function tourDeleteProblem(status: TourStatus): string | null {
  if (status === "PLANNING" || status === "CANCELLED") return null;
  const instead = status === "COMPLETED" ? "a completed tour is kept" : "cancel it instead";
  return `The tour is ${status}; only a PLANNING or CANCELLED tour can be deleted (${instead}).`;
}
