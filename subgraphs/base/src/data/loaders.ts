// Per-request batch loaders: however many events, artists, lineups or tiers one GraphQL
// request resolves (a list, a federation batch of references), each kind costs one
// round of statements, not one per parent.
import DataLoader from "dataloader";
import { rowPerKey, type Connection } from "@marquee/kit";
import type { ArtistReads } from "./artist-reads.ts";
import type { ArtistEventsRequest, EventReads } from "./event-reads.ts";
import type { ArtistRecord, EventRecord, TicketTierRecord } from "./records.ts";

export function createLoaders(events: EventReads, artists: ArtistReads) {
  return {
    eventById: new DataLoader<string, EventRecord | null>(async (ids) => rowPerKey(ids, await events.byIds(ids), (event) => event.id)),
    artistById: new DataLoader<string, ArtistRecord | null>(async (ids) => rowPerKey(ids, await artists.byIds(ids), (artist) => artist.id)),
    lineupOfEvent: new DataLoader<string, string[]>((eventIds) => events.lineupArtistIds(eventIds)),
    ticketTiersOfEvent: new DataLoader<string, TicketTierRecord[]>((eventIds) => events.ticketTiersOf(eventIds)),
    eventsOfArtist: new DataLoader<ArtistEventsRequest, Connection<EventRecord>, string>((requests) => events.pagesOfArtists(requests), {
      cacheKeyFn: ({ artistId, page }) => JSON.stringify([artistId, page.take, page.after]),
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** After a write, what this request read before may be stale. */
export function forgetReads(loaders: Loaders): void {
  for (const loader of Object.values(loaders)) loader.clearAll();
}
