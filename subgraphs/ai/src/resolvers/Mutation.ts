import type { MutationResolvers } from "../__generated__/resolvers-types.ts";

export const Mutation: MutationResolvers = {
  runPredictions: (_, { eventIds }, { ai }) => ai.runPredictions(eventIds),
};
