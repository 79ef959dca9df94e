// Per-request batch loaders: however many events, artists, lineups or tiers one GraphQL
// request resolves (a list, a federation batch of references), each kind costs one
// round of statements, not one per parent.
import DataLoader from "dataloader";
import { rowPerKey, type Connection } from "@marquee/kit";
import type { ArtistReads } from "./artist-reads.ts";
import type { ArtistEventsRequest, EventColumns, EventReads } from "./event-reads.ts";
import type { ArtistRecord, EventRecord, TicketTierRecord } from "./records.ts";

/**
 * Events by id, one DataLoader per column set (issue #8): a reference or `event(id:)` reads
 * the columns of the fields it selects, and every Event reference of one `_entities` call
 * shares one selection, so the batch is still one statement. Without columns, every column.
 */
function eventsById(events: EventReads) {
  const loaders = new Map<string, DataLoader<string, EventRecord | null>>();
  function loaderOf(columns: EventColumns): DataLoader<string, EventRecord | null> {
    const key = columns ? Object.keys(columns).sort().join(",") : "*";
    let loader = loaders.get(key);
    if (loader === undefined) {
      loader = new DataLoader(async (ids) => rowPerKey(ids, await events.byIds(ids, columns), (event) => event.id));
      loaders.set(key, loader);
    }
    return loader;
  }
  return {
    load: (id: string, columns?: EventColumns) => loaderOf(columns).load(id),
    clearAll(): void {
      for (const loader of loaders.values()) loader.clearAll();
    },
  };
}

export function createLoaders(events: EventReads, artists: ArtistReads) {
  return {
    eventById: eventsById(events),
    artistById: new DataLoader<string, ArtistRecord | null>(async (ids) => rowPerKey(ids, await artists.byIds(ids), (artist) => artist.id)),
    lineupOfEvent: new DataLoader<string, string[]>((eventIds) => events.lineupArtistIds(eventIds)),
    ticketTiersOfEvent: new DataLoader<string, TicketTierRecord[]>((eventIds) => events.ticketTiersOf(eventIds)),
    eventsOfArtist: new DataLoader<ArtistEventsRequest, Connection<EventRecord>, string>((requests) => events.pagesOfArtists(requests), {
      cacheKeyFn: ({ artistId, page }) => JSON.stringify([artistId, page.take, page.after]),
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** After a write, what this request read before may be stale (eventById: each column set's loader). */
export function forgetReads(loaders: Loaders): void {
  for (const loader of Object.values(loaders)) loader.clearAll();
}
