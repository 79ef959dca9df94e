import type { QueryResolvers } from "../__generated__/resolvers-types.ts";

const instant = (value: string | null | undefined) => (value ? new Date(value) : null);

export const Query: QueryResolvers = {
  analytics: (_, { from, to }, { ai }) => ai.analytics({ startsFrom: instant(from), startsBefore: instant(to) }),
  prediction: (_, { eventId }, { ai }) => ai.predictionOfEvent.load(eventId),
  modelReport: (_, __, { ai }) => ai.currentModel(),
  modelFits: (_, args, { ai }) => ai.modelFits(args),
  storedPredictions: (_, { filter, first, after }, { ai }) =>
    ai.storedPredictions(
      { eventId: filter?.eventId, modelVersion: filter?.modelVersion, createdFrom: instant(filter?.createdFrom), createdBefore: instant(filter?.createdBefore) },
      { first, after },
    ),
  artistScore: (_, { artistId }, { ai }) => ai.drawScoreOfArtist.load(artistId),
};
