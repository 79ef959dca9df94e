import type { ScheduleItemResolvers } from "../__generated__/resolvers-types.ts";
import { localClock } from "../domain/local-clock.ts";

export const ScheduleItem: ScheduleItemResolvers = {
  startsAt: (item) => item.startsAt.toISOString(),
  startsAtLocal: (item) => localClock(item.startsAt, item.startTimeZone),
  endsAt: (item) => item.endsAt?.toISOString() ?? null,
  endsAtLocal: (item) => (item.endsAt && item.endTimeZone ? localClock(item.endsAt, item.endTimeZone) : null),
  performer: (item) => (item.performerArtistId === null ? null : { id: item.performerArtistId }),
};
