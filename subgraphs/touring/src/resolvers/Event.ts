// Touring's field on Base's Event. The gateway asks for it for many events at once, so it
// goes through a per-request loader: one statement for any number of events. The event's
// start and time zone come with the reference (@requires), so the stop's date is known
// without a call back to Base.
import type { EventResolvers } from "../__generated__/resolvers-types.ts";

export const Event: EventResolvers = {
  tourStop: async (event, _, { touring }) => {
    const stop = await touring.stops.ofEvent.load(event.id);
    if (!stop || event.startsAt === undefined || event.timeZone === undefined) return stop;
    return { ...stop, showStart: { startsAt: event.startsAt, timeZone: event.timeZone } };
  },
};
