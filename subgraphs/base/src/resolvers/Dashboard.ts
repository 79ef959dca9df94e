import { badUserInput } from "@marquee/kit";
import type { DashboardResolvers } from "../__generated__/resolvers-types.ts";
import { selectedEventColumns } from "./Event.ts";

/** What the dashboard was asked for; each figure is read only when its field is selected. */
export interface DashboardRequest {
  /** One "now" for every figure of the answer, so they agree with each other. */
  now: Date;
  upcomingCount: number;
}

const defaultUpcomingCount = 5;
const maxUpcomingCount = 50;

export function dashboardRequest(upcomingCount: number | null | undefined, now: Date): DashboardRequest {
  const count = upcomingCount ?? defaultUpcomingCount;
  if (count < 1 || count > maxUpcomingCount) throw badUserInput(`upcomingCount must be between 1 and ${maxUpcomingCount} (got ${count}).`);
  return { now, upcomingCount: count };
}

export const Dashboard: DashboardResolvers = {
  upcomingEvents: ({ now, upcomingCount }, _args, { data }, info) =>
    data.dashboard.upcomingEvents(now, upcomingCount, selectedEventColumns(info, [])),
  eventCountsByStatus: (_request, _args, { data }) => data.dashboard.eventCountsByStatus(),
  artistCount: (_request, _args, { data }) => data.dashboard.artistCount(),
  upcomingTickets: ({ now }, _args, { data }) => data.dashboard.upcomingTickets(now),
};
