import { formatLocalIso, moneyOf, selectedColumns, type FieldColumns } from "@marquee/kit";
import type { GraphQLResolveInfo } from "graphql";
import type { EventResolvers } from "../__generated__/resolvers-types.ts";
import type { BaseContext } from "../context.ts";
import type { EventRecord, PricedTicketTier } from "../data/records.ts";
import { nextStatuses } from "../domain/event-lifecycle.ts";
import { ticketTotalsOf } from "../domain/ticket-tiers.ts";
import { pricedCounts } from "./TicketTier.ts";

/** The event's tiers, batched over every event of the request, priced in the event's currency. */
async function tiersOf({ id, currency }: EventRecord, { data }: BaseContext): Promise<PricedTicketTier[]> {
  return (await data.loaders.ticketTiersOfEvent.load(id)).map((tier) => ({ ...tier, currency }));
}

type EventField = Exclude<keyof EventResolvers, `__${string}`>;

/**
 * The columns of an event's row each field reads (the kit's selectedColumns): a list of
 * events reads those of the fields the request selects, and `alwaysReadEventColumns`. The
 * type names every field of Event; test/event-columns.test.ts proves each entry.
 */
export const eventColumns: FieldColumns<EventField, keyof EventRecord> = {
  id: ["id"],
  name: ["name"],
  description: ["description"],
  status: ["status"],
  nextStatuses: ["status", "endsAt"],
  startsAt: ["startsAt"],
  endsAt: ["endsAt"],
  timeZone: ["timeZone"],
  startsAtLocal: ["startsAt", "timeZone"],
  endsAtLocal: ["endsAt", "timeZone"],
  location: ["venueName", "city", "country", "latitude", "longitude", "timeZone"],
  capacity: ["capacity"],
  ticketsSold: ["ticketsSold"],
  ticketPrice: ["ticketPrice", "currency"],
  ticketTiers: ["id", "currency"],
  grossPotential: ["id", "currency"],
  grossSales: ["id", "currency"],
  sellThrough: ["id", "currency"],
  lineup: ["id"],
  createdAt: ["createdAt"],
  updatedAt: ["updatedAt"],
};

/** The row's key, its company and the list order's sort key (a page's cursors). */
const alwaysReadEventColumns: readonly (keyof EventRecord)[] = ["id", "companyId", "startsAt"];

/** The columns a list of events reads for the events at `path` below the field resolved ([] for a plain list). */
export const selectedEventColumns = (info: GraphQLResolveInfo, path: readonly string[]) => selectedColumns(info, path, eventColumns, alwaysReadEventColumns);

/**
 * The columns an event read by id reads: `event(id:)`'s selection, or a reference's, whose
 * `_entities` items are the union `_Entity`, hence the type named.
 */
export const selectedEventColumnsById = (info: GraphQLResolveInfo) => selectedColumns(info, [], eventColumns, alwaysReadEventColumns, "Event");

const totalsOf = async (event: EventRecord, context: BaseContext) => ticketTotalsOf((await tiersOf(event, context)).map(pricedCounts));

export const Event: EventResolvers = {
  // Other modules' references, batched: one statement per batch, scoped to the caller's company.
  __resolveReference: ({ id }, { data }, info) => data.loaders.eventById.load(id, selectedEventColumnsById(info)),
  nextStatuses: (event) => nextStatuses(event, new Date()),
  startsAtLocal: (event) => formatLocalIso(event.startsAt, event.timeZone),
  endsAtLocal: (event) => formatLocalIso(event.endsAt, event.timeZone),
  location: ({ venueName, city, country, latitude, longitude, timeZone }) => ({ venueName, city, country, latitude, longitude, timeZone }),
  ticketPrice: ({ ticketPrice, currency }) => moneyOf(ticketPrice, currency),
  ticketTiers: (event, _args, context) => tiersOf(event, context),
  grossPotential: async (event, _args, context) => moneyOf((await totalsOf(event, context)).grossPotential, event.currency),
  grossSales: async (event, _args, context) => moneyOf((await totalsOf(event, context)).grossSales, event.currency),
  sellThrough: async (event, _args, context) => (await totalsOf(event, context)).sellThrough,
  lineup: async ({ id }, _args, { data }) => {
    const artistIds = await data.loaders.lineupOfEvent.load(id);
    const artists = await Promise.all(artistIds.map((artistId) => data.loaders.artistById.load(artistId)));
    // Lineup rows keep their artists from being deleted; a gap only means the lineup changed meanwhile.
    return artists.filter((artist) => artist !== null);
  },
};
