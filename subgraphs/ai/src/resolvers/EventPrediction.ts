import type { EventPredictionResolvers } from "../__generated__/resolvers-types.ts";

export const EventPrediction: EventPredictionResolvers = {
  event: (record) => ({ id: record.eventId }),
  modelVersion: (record) => record.modelFit.version,
  modelFit: (record) => record.modelFit,
  capacity: (record) => record.prediction.capacity,
  expectedTicketsSold: (record) => record.prediction.tickets,
  ticketsSoldLow: (record) => record.prediction.ticketsLow,
  ticketsSoldHigh: (record) => record.prediction.ticketsHigh,
  expectedSellThrough: (record) => record.prediction.sellThrough,
  sellThroughLow: (record) => record.prediction.sellThroughLow,
  sellThroughHigh: (record) => record.prediction.sellThroughHigh,
  baselineSellThrough: (record) => record.prediction.baseline,
  features: (record) => record.prediction.features,
};
