import type { StoredPredictionResolvers } from "../__generated__/resolvers-types.ts";

export const StoredPrediction: StoredPredictionResolvers = {
  createdAt: (record) => record.createdAt.toISOString(),
};
