// Touring's field on Base's Event. The gateway asks for it for many events at once, so it
// goes through a per-request loader: one statement for any number of events.
import type { EventResolvers } from "../__generated__/resolvers-types.ts";

export const Event: EventResolvers = {
  tourStop: (event, _, { touring }) => touring.stops.ofEvent.load(event.id),
};
