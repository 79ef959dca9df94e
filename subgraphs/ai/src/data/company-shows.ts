// The company's events, read from Base as shows (domain/show.ts): listed a period at a
// time through Base's `sharedEvents` (a page of 100 per call, up to a bound), or loaded
// by id through the kit's BaseReader. Base scopes both to the caller's company.
import type { BaseReader } from "@marquee/kit";
import type { Show, ShowStatus } from "../domain/index.ts";

/** The fields of Base's Event a show is made of. */
const showFields = "status startsAt startsAtLocal createdAt updatedAt capacity ticketsSold location { city } lineup { id }";
const pageSize = 100;
/** At most this many pages (5,000 events) are read for one question, however long the history. */
const maxPages = 50;

interface BaseEvent {
  id: string;
  status: ShowStatus;
  startsAt: string;
  startsAtLocal: string;
  createdAt: string;
  updatedAt: string;
  capacity: number;
  ticketsSold: number;
  location: { city: string };
  lineup: { id: string }[];
}

interface SharedEventsPage {
  sharedEvents: { edges: { node: BaseEvent }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const sharedEventsQuery = `query SharedEvents($startsFrom: DateTime, $startsBefore: DateTime, $first: Int, $after: String) {
  sharedEvents(startsFrom: $startsFrom, startsBefore: $startsBefore, first: $first, after: $after) {
    edges { node { id ${showFields} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

function showOf(event: BaseEvent): Show {
  return {
    id: event.id,
    status: event.status,
    startsAt: new Date(event.startsAt),
    localDate: event.startsAtLocal.slice(0, 10),
    createdAt: new Date(event.createdAt),
    updatedAt: new Date(event.updatedAt),
    capacity: event.capacity,
    ticketsSold: event.ticketsSold,
    city: event.location.city,
    lineup: event.lineup.map((artist) => artist.id),
  };
}

export interface Period {
  startsFrom?: Date | null;
  startsBefore?: Date | null;
}

/** The company's events starting in the period, earliest first. */
export async function listShows(base: BaseReader, period: Period): Promise<Show[]> {
  const shows: Show[] = [];
  let after: string | null = null;
  for (let page = 0; page < maxPages; page += 1) {
    const answer: SharedEventsPage = await base.query<SharedEventsPage>(sharedEventsQuery, {
      startsFrom: period.startsFrom?.toISOString() ?? null,
      startsBefore: period.startsBefore?.toISOString() ?? null,
      first: pageSize,
      after,
    });
    shows.push(...answer.sharedEvents.edges.map((edge) => showOf(edge.node)));
    if (!answer.sharedEvents.pageInfo.hasNextPage) break;
    after = answer.sharedEvents.pageInfo.endCursor;
  }
  return shows;
}

/** The shows with these ids, in order; null where the company has no such event. */
export async function loadShows(base: BaseReader, ids: readonly string[]): Promise<(Show | null)[]> {
  const events = await base.load<BaseEvent>("Event", showFields, ids);
  return events.map((event) => (event ? showOf(event) : null));
}
