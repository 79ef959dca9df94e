import type { RadiusWarningResolvers } from "../__generated__/resolvers-types.ts";

export const RadiusWarning: RadiusWarningResolvers = {
  // Only deals for events are checked against a radius clause.
  conflictingEvent: (warning) => ({ id: warning.conflictingDeal.eventId! }),
};
