import { isUuid, rowsPerKey, toConnection, type Connection, type PageRequest, type SortKey } from "@marquee/kit";
import type { EventStatus, Prisma } from "../__generated__/prisma/client.ts";
import type { CompanyScope } from "./company-scope.ts";
import type { BasePrismaClient } from "./prisma-client.ts";
import type { EventRecord, TicketTierRecord } from "./records.ts";
import { containsText, equalsText, searchTerm } from "./text-search.ts";

/** Events are listed by start, then id: the cursor is the last event's pair (an instant cursor). */
export const eventCursorOf = (event: EventRecord): SortKey => [event.startsAt.toISOString(), event.id];

const eventOrder: Prisma.EventOrderByWithRelationInput[] = [{ startsAt: "asc" }, { id: "asc" }];

function after(cursor: SortKey | null): Prisma.EventWhereInput {
  if (!cursor) return {};
  const startsAt = new Date(cursor[0]);
  return { OR: [{ startsAt: { gt: startsAt } }, { startsAt, id: { gt: cursor[1] } }] };
}

export interface EventFilter {
  statuses?: EventStatus[] | null;
  startsFrom?: Date | null;
  startsBefore?: Date | null;
  city?: string | null;
  artistId?: string | null;
  search?: string | null;
}

/** One page of an artist's events, as Artist.events asks for it. */
export interface ArtistEventsRequest {
  artistId: string;
  page: PageRequest<SortKey>;
}

/**
 * The columns a list read or a read by id fetches: those the selected fields read
 * (resolvers/Event.ts, eventColumns); undefined for every column.
 */
export type EventColumns = Record<keyof EventRecord, true> | undefined;

/** Reads of one company's events; nothing here can see another company's rows. */
export function eventReads(prisma: BasePrismaClient, scope: CompanyScope) {
  async function byIds(ids: readonly string[], columns?: EventColumns): Promise<EventRecord[]> {
    const { companyId } = scope;
    const rowIds = ids.filter(isUuid);
    if (rowIds.length === 0) return [];
    return prisma.event.findMany({ where: { companyId, id: { in: rowIds } }, ...(columns ? { select: columns } : {}) });
  }

  return {
    byIds,

    async page(filter: EventFilter, page: PageRequest<SortKey>, columns?: EventColumns): Promise<Connection<EventRecord>> {
      const { companyId } = scope;
      if (filter.artistId && !isUuid(filter.artistId)) return toConnection([], page.take, eventCursorOf);
      const city = searchTerm(filter.city);
      const search = searchTerm(filter.search);
      const rows = await prisma.event.findMany({
        where: {
          companyId,
          ...(filter.statuses ? { status: { in: filter.statuses } } : {}),
          startsAt: { gte: filter.startsFrom ?? undefined, lt: filter.startsBefore ?? undefined },
          ...(city ? { city: equalsText(city) } : {}),
          ...(filter.artistId ? { lineup: { some: { artistId: filter.artistId } } } : {}),
          AND: [
            search ? { OR: [{ name: containsText(search) }, { venueName: containsText(search) }, { city: containsText(search) }] } : {},
            after(page.after),
          ],
        },
        orderBy: eventOrder,
        take: page.take + 1,
        ...(columns ? { select: columns } : {}),
      });
      return toConnection(rows, page.take, eventCursorOf);
    },

    /** The lineup of each event, as artist ids in billing order. */
    async lineupArtistIds(eventIds: readonly string[]): Promise<string[][]> {
      const { companyId } = scope;
      const rowIds = eventIds.filter(isUuid);
      const slots =
        rowIds.length === 0
          ? []
          : await prisma.eventLineup.findMany({
              where: { companyId, eventId: { in: rowIds } },
              orderBy: [{ eventId: "asc" }, { position: "asc" }],
              select: { eventId: true, artistId: true },
            });
      return rowsPerKey(eventIds, slots, (slot) => slot.eventId).map((lineup) => lineup.map((slot) => slot.artistId));
    },

    /** The ticket tiers of each event, in display order, in one statement however many events. */
    async ticketTiersOf(eventIds: readonly string[]): Promise<TicketTierRecord[][]> {
      const { companyId } = scope;
      const rowIds = eventIds.filter(isUuid);
      const tiers =
        rowIds.length === 0
          ? []
          : await prisma.ticketTier.findMany({ where: { companyId, eventId: { in: rowIds } }, orderBy: [{ eventId: "asc" }, { position: "asc" }] });
      return rowsPerKey(eventIds, tiers, (tier) => tier.eventId);
    },

    /**
     * A page of events for each request, in two statements however many artists ask:
     * one finds each page's event ids (a LATERAL subquery per request, each with its own
     * cursor and size), the other loads those events.
     */
    async pagesOfArtists(requests: readonly ArtistEventsRequest[]): Promise<Connection<EventRecord>[]> {
      const { companyId } = scope;
      const asked = requests.filter((request) => isUuid(request.artistId));
      const pageIds =
        asked.length === 0
          ? []
          : await prisma.$queryRaw<{ request: number; id: string }[]>`
              SELECT request.ordinal::int AS request, page.id
              FROM unnest(
                ${asked.map((request) => request.artistId)}::uuid[],
                ${asked.map((request) => request.page.after?.[0] ?? null)}::timestamptz[],
                ${asked.map((request) => request.page.after?.[1] ?? null)}::uuid[],
                ${asked.map((request) => request.page.take + 1)}::int[]
              ) WITH ORDINALITY AS request(artist_id, after_starts_at, after_id, row_limit, ordinal)
              CROSS JOIN LATERAL (
                SELECT event.id, event.starts_at
                FROM base.event_lineup slot
                JOIN base.event event ON event.company_id = slot.company_id AND event.id = slot.event_id
                WHERE slot.company_id = ${companyId}::uuid
                  AND slot.artist_id = request.artist_id
                  AND (request.after_id IS NULL OR (event.starts_at, event.id) > (request.after_starts_at, request.after_id))
                ORDER BY event.starts_at, event.id
                LIMIT request.row_limit
              ) page
              ORDER BY request.ordinal, page.starts_at, page.id`;
      const events = new Map((await byIds([...new Set(pageIds.map((row) => row.id))])).map((event) => [event.id, event]));
      // `request` is the ordinal of the request in `asked`, counted from 1.
      const pages = new Map<ArtistEventsRequest, EventRecord[]>();
      for (const row of pageIds) {
        const request = asked[row.request - 1]!;
        const event = events.get(row.id);
        // An event deleted between the two statements is simply left out.
        if (!event) continue;
        const page = pages.get(request) ?? [];
        page.push(event);
        pages.set(request, page);
      }
      return requests.map((request) => toConnection(pages.get(request) ?? [], request.page.take, eventCursorOf));
    },
  };
}

export type EventReads = ReturnType<typeof eventReads>;
