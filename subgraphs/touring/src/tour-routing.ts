// A tour's routing and routing suggestion, with the domain's stop ids turned back into
// the stops the API returns, and the suggestion applied to the tour.
import { badUserInput } from "@marquee/kit";
import type { TouringContext } from "./context.ts";
import type { TourRecord, TourStopRecord } from "./data/records.ts";
import { analyseRouting, type RoutingFlagKind, type RoutingTotals } from "./domain/routing.ts";
import { searchBudgetLegs, suggestRoute, type RoutingSuggestion } from "./domain/routing-suggestion.ts";
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
  stoppedEarly: boolean;
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
  const { order, distanceBeforeKm, distanceAfterKm, stoppedEarly } = suggestionFor(context, itinerary);
  return { stops: order.map(stopOf), distanceBeforeKm, distanceAfterKm, stoppedEarly };
}

/** Puts the tour's stops in the order of its routing suggestion, unless they changed while it was worked out. */
export async function applyRoutingSuggestion(context: TouringContext, tourId: string): Promise<TourRecord> {
  const tour = await context.touring.tours.existing(tourId);
  const itinerary = await itineraryOf(context, tour.id);
  const current = itinerary.map((planned) => planned.stop.id);
  return context.touring.stops.reorder(tour.id, current, suggestionFor(context, itinerary).order);
}

/** Each request's suggestions by the stops they were worked out from, and the search work it has left. */
interface RequestSearches {
  suggestions: Map<string, RoutingSuggestion>;
  legsLeft: number;
}
const searchesOfRequest = new WeakMap<TouringContext, RequestSearches>();

/**
 * The search runs once per request for the same stops, however many times they are asked
 * about (aliases), and all the suggestions of one request share one budget of work (a page
 * of a hundred long tours costs what one costs): those worked out after it is spent say
 * they stopped early.
 */
function suggestionFor(context: TouringContext, itinerary: readonly PlannedStop[]): RoutingSuggestion {
  const stops = itinerary.map(({ stop, place }) => ({ id: stop.id, location: place, dateFixed: stop.dateFixed }));
  const key = JSON.stringify(stops);
  let searches = searchesOfRequest.get(context);
  if (!searches) searchesOfRequest.set(context, (searches = { suggestions: new Map(), legsLeft: searchBudgetLegs }));
  let suggestion = searches.suggestions.get(key);
  if (!suggestion) {
    suggestion = suggestRoute(stops, searches.legsLeft);
    searches.legsLeft = Math.max(0, searches.legsLeft - suggestion.legsWeighed);
    searches.suggestions.set(key, suggestion);
  }
  return suggestion;
}

function stopLookup(stops: readonly TourStopRecord[]): (id: string) => TourStopRecord {
  const byId = new Map(stops.map((stop) => [stop.id, stop]));
  return (id) => byId.get(id)!;
}
