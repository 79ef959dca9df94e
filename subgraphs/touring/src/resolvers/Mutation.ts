// Each mutation validates its input, checks the Base ids it is given, then writes through
// the company-scoped data layer; an id of another company fails there like an unknown id.
import { assertExistInBase } from "@marquee/kit";
import type { MutationResolvers } from "../__generated__/resolvers-types.ts";
import { dayTimeZone } from "../day-sheet.ts";
import { dailyDriveLimitKm, requiredText, revisedScheduleItem, scheduleItemDraft, stopChanges, stopDraft } from "../inputs.ts";
import { applyRoutingSuggestion } from "../tour-routing.ts";

export const Mutation: MutationResolvers = {
  createTour: async (_, { input }, context) => {
    const draft = { artistId: input.artistId, name: requiredText(input.name, "name"), dailyDriveLimitKm: dailyDriveLimitKm(input.dailyDriveLimitKm) };
    await assertExistInBase(context.base, "Artist", [draft.artistId]);
    return context.touring.tours.create(draft);
  },

  updateTour: (_, { input }, { touring }) =>
    touring.tours.update(input.id, {
      name: input.name == null ? undefined : requiredText(input.name, "name"),
      dailyDriveLimitKm: input.dailyDriveLimitKm == null ? undefined : dailyDriveLimitKm(input.dailyDriveLimitKm),
    }),

  deleteTour: async (_, { id }, { touring }) => (await touring.tours.delete(id)).id,

  changeTourStatus: (_, { input }, { touring }) => touring.tours.changeStatus(input.id, input.status),

  addTourStop: async (_, { input }, context) => {
    const draft = stopDraft(input);
    if (draft.eventId) await assertExistInBase(context.base, "Event", [draft.eventId]);
    return context.touring.stops.add(input.tourId, draft, input.position ?? null);
  },

  moveTourStop: (_, { input }, { touring }) => touring.stops.move(input.id, input.position),

  updateTourStop: (_, { input }, { touring }) => touring.stops.update(input.id, (stop) => stopChanges(stop.kind, input)),

  applyRoutingSuggestion: (_, { tourId }, context) => applyRoutingSuggestion(context, tourId),

  removeTourStop: (_, { id }, { touring }) => touring.stops.remove(id),

  addScheduleItem: async (_, { input }, context) => {
    const tour = await context.touring.tours.existing(input.tourId);
    const draft = scheduleItemDraft(input, input.timeZone ? null : await dayTimeZone(context, tour.id, input.day));
    if (draft.performerArtistId) await assertExistInBase(context.base, "Artist", [draft.performerArtistId]);
    return context.touring.schedule.add(input.tourId, draft);
  },

  updateScheduleItem: async (_, { input }, context) => {
    if (input.performerArtistId != null) await assertExistInBase(context.base, "Artist", [input.performerArtistId]);
    return context.touring.schedule.update(input.id, (item) => revisedScheduleItem(item, input));
  },

  removeScheduleItem: (_, { id }, { touring }) => touring.schedule.remove(id),
};
