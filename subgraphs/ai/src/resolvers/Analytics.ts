import type { AnalyticsResolvers } from "../__generated__/resolvers-types.ts";

export const Analytics: AnalyticsResolvers = {
  byArtist: (analytics) => analytics.byHeadliner,
};
