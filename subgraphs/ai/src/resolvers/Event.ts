// AI's fields on Base's Event. The gateway asks for them for many events at once, so they go
// through per-request loaders: one read of Base and one model for any number of events, and
// one page of stored predictions per event in a fixed number of statements.
import type { EventResolvers } from "../__generated__/resolvers-types.ts";

export const Event: EventResolvers = {
  prediction: (event, _, { ai }) => ai.predictionOfEvent.load(event.id),
  predictionHistory: (event, args, { ai }) => ai.predictionHistoryOfEvent(event.id, args),
};
