// A tour's stops as the road sees them: each with its date and place, a show's read from
// its Base event (never copied), a travel day's or day off's its own. Routing, the tour's
// first and last days and the day sheets all start from here.
import { localDateOf } from "@marquee/kit";
import { showOf, type BaseShow } from "./base-entities.ts";
import type { TouringContext } from "./context.ts";
import type { Place, TourStopRecord } from "./data/records.ts";
import type { RoutedStop } from "./domain/routing.ts";

export interface PlannedStop {
  stop: TourStopRecord;
  /** A show's event; null for other stops, or when Base no longer knows the event. */
  show: BaseShow | null;
  /** The local date; null while open. */
  date: string | null;
  place: Place | null;
}

export async function plannedStop(context: TouringContext, stop: TourStopRecord): Promise<PlannedStop> {
  if (stop.eventId === null) return { stop, show: null, date: stop.day, place: stop.place };
  const show = await showOf(context, stop.eventId);
  return { stop, show, date: show && showDate(stop, show), place: show?.location ?? null };
}

/** The stop's date, from the show's start when the gateway passed it along, else as planned. */
export async function dateOfStop(context: TouringContext, stop: TourStopRecord): Promise<string | null> {
  return stop.eventId !== null && stop.showStart ? showDate(stop, stop.showStart) : (await plannedStop(context, stop)).date;
}

/** A show's date is the day it starts on its venue's clock; an open show's date is only a hold. */
function showDate(stop: TourStopRecord, { startsAt, timeZone }: { startsAt: string; timeZone: string }): string | null {
  return stop.dateFixed ? localDateOf(new Date(startsAt), timeZone) : null;
}

/** The tour's stops in order, with dates and places. */
export async function itineraryOf(context: TouringContext, tourId: string): Promise<PlannedStop[]> {
  const stops = await context.touring.stops.ofTour.load(tourId);
  return Promise.all(stops.map((stop) => plannedStop(context, stop)));
}

export function routedStop({ stop, show, date, place }: PlannedStop): RoutedStop {
  const label = place?.city ?? show?.name ?? (stop.kind === "DAY_OFF" ? "day off" : "travel day");
  return { id: stop.id, kind: stop.kind, label, date, location: place };
}
