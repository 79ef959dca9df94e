// Market's field on Base's Event. The gateway asks for it for many events at once, so it
// goes through a per-request page loader: a fixed number of statements for any number of events.
import type { EventResolvers } from "../__generated__/resolvers-types.ts";

export const Event: EventResolvers = {
  deals: (event, args, { market }) => market.deals.pageOfEvent(event.id, args),
};
