import type { QueryResolvers } from "../__generated__/resolvers-types.ts";

const instant = (value: string | null | undefined) => (value ? new Date(value) : null);

export const Query: QueryResolvers = {
  analytics: (_, { from, to }, { ai }) => ai.analytics({ startsFrom: instant(from), startsBefore: instant(to) }),
  prediction: (_, { eventId }, { ai }) => ai.predictionOfEvent.load(eventId),
  modelReport: (_, __, { ai }) => ai.currentModel(),
  modelFits: (_, args, { ai }) => ai.modelFits(args),
  artistScore: (_, { artistId }, { ai }) => ai.drawScoreOfArtist.load(artistId),
};
