/**
 * An event is prepared (DRAFT), made public (ANNOUNCED), sold (ON_SALE, and SOLD_OUT
 * until tickets come back), and ends COMPLETED or, at any point before that, CANCELLED.
 * Announcing is optional: an event may go on sale the day it is made public. The two
 * final states never change again, because other modules settle money against them.
 */
export const EVENT_STATUSES = ["DRAFT", "ANNOUNCED", "ON_SALE", "SOLD_OUT", "CANCELLED", "COMPLETED"] as const;

export type EventStatus = (typeof EVENT_STATUSES)[number];

const NEXT_STATUSES: Readonly<Record<EventStatus, readonly EventStatus[]>> = {
  DRAFT: ["ANNOUNCED", "ON_SALE", "CANCELLED"],
  ANNOUNCED: ["ON_SALE", "CANCELLED"],
  ON_SALE: ["SOLD_OUT", "COMPLETED", "CANCELLED"],
  SOLD_OUT: ["ON_SALE", "COMPLETED", "CANCELLED"],
  CANCELLED: [],
  COMPLETED: [],
};

export interface EventTimeline {
  status: EventStatus;
  endsAt: Date;
}

/** The statuses the event may move to at `now`: COMPLETED only once it has ended. */
export function nextStatuses(event: EventTimeline, now: Date): EventStatus[] {
  return NEXT_STATUSES[event.status].filter((status) => status !== "COMPLETED" || event.endsAt <= now);
}

/** Why the event cannot move to `to` at `now`, naming its status and the legal moves; null when it can. */
export function statusChangeProblem(event: EventTimeline, to: EventStatus, now: Date): string | null {
  const allowed = nextStatuses(event, now);
  if (allowed.includes(to)) return null;
  if (NEXT_STATUSES[event.status].length === 0) return `The event is ${event.status}, which is final: its status cannot change.`;
  const completionNote =
    to === "COMPLETED" && NEXT_STATUSES[event.status].includes("COMPLETED")
      ? ` It can be COMPLETED once it has ended (${event.endsAt.toISOString()}).`
      : "";
  return `The event is ${event.status} and cannot move to ${to}; from ${event.status} it can move to ${allowed.join(", ")}.${completionNote}`;
}

/** Why the event's details cannot be edited; null when they can. */
export function editProblem(status: EventStatus): string | null {
  return NEXT_STATUSES[status].length === 0 ? `The event is ${status}, which is final: its details cannot change.` : null;
}

/**
 * Why the event cannot be deleted; null when it can. Once past DRAFT an event may be
 * referenced by other modules (expenses, bookings), so it is cancelled instead.
 */
export function deletionProblem(status: EventStatus): string | null {
  if (status === "DRAFT") return null;
  const alternative = NEXT_STATUSES[status].includes("CANCELLED") ? " Cancel it instead." : "";
  return `Only DRAFT events can be deleted; this event is ${status}.${alternative}`;
}
