import type { TourResolvers } from "../__generated__/resolvers-types.ts";
import type { TouringContext } from "../context.ts";
import type { TourRecord } from "../data/records.ts";
import { allowedTourTransitions } from "../domain/tour-lifecycle.ts";
import { itineraryOf } from "../itinerary.ts";
import { routingOf, routingSuggestionOf } from "../tour-routing.ts";

/** The tour's stops' dates, in calendar order: its first and last days derive from them. */
async function datesOf(tour: TourRecord, context: TouringContext): Promise<string[]> {
  const itinerary = await itineraryOf(context, tour.id);
  return itinerary.flatMap((planned) => (planned.date === null ? [] : [planned.date])).sort();
}

export const Tour: TourResolvers = {
  artist: (tour) => ({ id: tour.artistId }),
  nextStatuses: (tour) => [...allowedTourTransitions(tour.status)],
  startsOn: async (tour, _, context) => (await datesOf(tour, context))[0] ?? null,
  endsOn: async (tour, _, context) => (await datesOf(tour, context)).at(-1) ?? null,
  stops: (tour, _, { touring }) => touring.stops.ofTour.load(tour.id),
  routing: (tour, { maxDaysWithoutShow }, context) => routingOf(context, tour, maxDaysWithoutShow),
  routingSuggestion: (tour, _, context) => routingSuggestionOf(context, tour),
};
