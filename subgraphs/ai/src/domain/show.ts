// A show as AI reasons about it: the few facts of one of Base's events that analytics,
// predictions and scores use. AI never stores these; it reads them from Base each time.

export type ShowStatus = "DRAFT" | "ANNOUNCED" | "ON_SALE" | "SOLD_OUT" | "CANCELLED" | "COMPLETED";

export interface Show {
  id: string;
  status: ShowStatus;
  startsAt: Date;
  /** The local calendar date at the venue, YYYY-MM-DD: weekday and season are the venue's. */
  localDate: string;
  /** When the event was created in Base: its announcement, for the lead time. */
  createdAt: Date;
  updatedAt: Date;
  capacity: number;
  ticketsSold: number;
  city: string;
  /** Artist ids in billing order; the first is the headliner. */
  lineup: string[];
}

/** A show whose figures are final: it took place and can be sold against. */
export function isSettled(show: Show): boolean {
  return show.status === "COMPLETED" && show.capacity > 0;
}

export function sellThroughOf(show: Show): number {
  return show.ticketsSold / show.capacity;
}

export const headlinerOf = (show: Show): string | null => show.lineup[0] ?? null;

export const weekdays = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"] as const;
export type Weekday = (typeof weekdays)[number];

/** The local weekday of a show. */
export function weekdayOf(show: Show): Weekday {
  return weekdays[new Date(`${show.localDate}T00:00:00Z`).getUTCDay()]!;
}

/** The local month of a show, 1 to 12. */
export function monthOf(show: Show): number {
  return Number(show.localDate.slice(5, 7));
}

/** Whole days between the announcement and the show, never negative. */
export function leadDaysOf(show: Show): number {
  return Math.max(0, Math.floor((show.startsAt.getTime() - show.createdAt.getTime()) / 86_400_000));
}
