// AI's field on Base's Event. The gateway asks for it for many events at once, so it goes
// through a per-request loader: one read of Base and one model for any number of events.
import type { EventResolvers } from "../__generated__/resolvers-types.ts";

export const Event: EventResolvers = {
  prediction: (event, _, { ai }) => ai.predictionOfEvent.load(event.id),
};
