import type { TourStopResolvers } from "../__generated__/resolvers-types.ts";
import { plannedStop } from "../itinerary.ts";

export const TourStop: TourStopResolvers = {
  tour: async (stop, _, { touring }) => touring.tours.existing(stop.tourId),
  event: (stop) => (stop.eventId === null ? null : { id: stop.eventId }),
  date: async (stop, _, context) => (await plannedStop(context, stop)).date,
  place: async (stop, _, context) => (await plannedStop(context, stop)).place,
};
