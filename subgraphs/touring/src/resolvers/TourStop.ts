import type { TourStopResolvers } from "../__generated__/resolvers-types.ts";
import { dateOfStop, plannedStop } from "../itinerary.ts";

export const TourStop: TourStopResolvers = {
  tour: async (stop, _, { touring }) => touring.tours.existing(stop.tourId),
  event: (stop) => (stop.eventId === null ? null : { id: stop.eventId }),
  date: (stop, _, context) => dateOfStop(context, stop),
  place: async (stop, _, context) => (await plannedStop(context, stop)).place,
};
