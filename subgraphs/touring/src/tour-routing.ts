// A tour's routing and routing suggestion, with the domain's stop ids turned back into
// the stops the API returns, and the suggestion applied to the tour.
import { badUserInput } from "@marquee/kit";
import type { TouringContext } from "./context.ts";
import type { TourRecord, TourStopRecord } from "./data/records.ts";
import { analyseRouting, type RoutingFlagKind, type RoutingTotals } from "./domain/routing.ts";
import { suggestRoute } from "./domain/routing-suggestion.ts";
import { itineraryOf, routedStop, type PlannedStop } from "./itinerary.ts";

export interface RoutingLegRecord {
  from: TourStopRecord;
  to: TourStopRecord;
  distanceKm: number;
  days: number | null;
  dailyDriveKm: number | null;
}

export interface RoutingFlagRecord {
  kind: RoutingFlagKind;
  stops: TourStopRecord[];
  message: string;
}

export interface RoutingRecord {
  legs: RoutingLegRecord[];
  flags: RoutingFlagRecord[];
  totals: RoutingTotals;
}

export interface RoutingSuggestionRecord {
  stops: TourStopRecord[];
  distanceBeforeKm: number;
  distanceAfterKm: number;
}

/** At most this many days without a show can be asked for: a year. */
const longestGapAskable = 366;

export async function routingOf(context: TouringContext, tour: TourRecord, maxDaysWithoutShow: number): Promise<RoutingRecord> {
  if (!Number.isInteger(maxDaysWithoutShow) || maxDaysWithoutShow < 0 || maxDaysWithoutShow > longestGapAskable) {
    throw badUserInput(`maxDaysWithoutShow must be between 0 and ${longestGapAskable} (got ${maxDaysWithoutShow}).`, { field: "maxDaysWithoutShow" });
  }
  const itinerary = await itineraryOf(context, tour.id);
  const stopOf = stopLookup(itinerary.map((planned) => planned.stop));
  const analysis = analyseRouting(itinerary.map(routedStop), { dailyDriveLimitKm: tour.dailyDriveLimitKm, maxDaysWithoutShow });
  return {
    legs: analysis.legs.map(({ fromId, toId, ...leg }) => ({ from: stopOf(fromId), to: stopOf(toId), ...leg })),
    flags: analysis.flags.map(({ stopIds, ...flag }) => ({ stops: stopIds.map(stopOf), ...flag })),
    totals: analysis.totals,
  };
}

export async function routingSuggestionOf(context: TouringContext, tour: TourRecord): Promise<RoutingSuggestionRecord> {
  const itinerary = await itineraryOf(context, tour.id);
  const stopOf = stopLookup(itinerary.map((planned) => planned.stop));
  const suggestion = suggestionFor(itinerary);
  return { stops: suggestion.order.map(stopOf), distanceBeforeKm: suggestion.distanceBeforeKm, distanceAfterKm: suggestion.distanceAfterKm };
}

/** Puts the tour's stops in the order of its routing suggestion, unless they changed while it was worked out. */
export async function applyRoutingSuggestion(context: TouringContext, tourId: string): Promise<TourRecord> {
  const tour = await context.touring.tours.existing(tourId);
  const itinerary = await itineraryOf(context, tour.id);
  const current = itinerary.map((planned) => planned.stop.id);
  return context.touring.stops.reorder(tour.id, current, suggestionFor(itinerary).order);
}

function suggestionFor(itinerary: readonly PlannedStop[]) {
  return suggestRoute(itinerary.map(({ stop, place }) => ({ id: stop.id, location: place, dateFixed: stop.dateFixed })));
}

function stopLookup(stops: readonly TourStopRecord[]): (id: string) => TourStopRecord {
  const byId = new Map(stops.map((stop) => [stop.id, stop]));
  return (id) => byId.get(id)!;
}
