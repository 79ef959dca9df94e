import { isInstantKey, isTextKey, pageRequest, unauthenticated } from "@marquee/kit";
import type { GraphQLResolveInfo } from "graphql";
import type { QueryResolvers } from "../__generated__/resolvers-types.ts";
import { dashboardRequest } from "./Dashboard.ts";
import { selectedEventColumns, selectedEventColumnsById } from "./Event.ts";

/** The columns of the events a page's selection reads. */
const pageColumns = (info: GraphQLResolveInfo) => selectedEventColumns(info, ["edges", "node"]);

const instant = (value: string | null | undefined) => (value ? new Date(value) : null);

export const Query: QueryResolvers = {
  events: (_parent, { filter, first, after }, { data }, info) =>
    data.events.page(
      {
        statuses: filter?.status,
        startsFrom: instant(filter?.startsFrom),
        startsBefore: instant(filter?.startsBefore),
        city: filter?.city,
        artistId: filter?.artistId,
        search: filter?.search,
      },
      pageRequest({ first, after }, isInstantKey),
      pageColumns(info),
    ),
  sharedEvents: (_parent, { startsFrom, startsBefore, first, after }, { data }, info) =>
    data.events.page({ startsFrom: instant(startsFrom), startsBefore: instant(startsBefore) }, pageRequest({ first, after }, isInstantKey), pageColumns(info)),
  event: (_parent, { id }, { data }, info) => data.loaders.eventById.load(id, selectedEventColumnsById(info)),
  artists: (_parent, { filter, first, after }, { data }) => data.artists.page(filter ?? {}, pageRequest({ first, after }, isTextKey)),
  artist: (_parent, { id }, { data }) => data.loaders.artistById.load(id),
  dashboard: (_parent, { upcomingCount }) => dashboardRequest(upcomingCount, new Date()),
  viewer: (_parent, _args, { authentication }) => {
    // The access rule has admitted only authenticated callers; this narrows the type.
    if (authentication.status !== "authenticated") throw unauthenticated();
    return { id: authentication.userId, email: authentication.email ?? null };
  },
};
