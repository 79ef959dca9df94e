import { formatLocalIso, formatMoney } from "@marquee/kit";
import type { EventResolvers } from "../__generated__/resolvers-types.ts";
import { nextStatuses } from "../domain/event-lifecycle.ts";

export const Event: EventResolvers = {
  // Other modules' references, batched: one statement per batch, scoped to the caller's company.
  __resolveReference: ({ id }, { data }) => data.loaders.eventById.load(id),
  nextStatuses: (event) => nextStatuses(event, new Date()),
  startsAtLocal: (event) => formatLocalIso(event.startsAt, event.timeZone),
  endsAtLocal: (event) => formatLocalIso(event.endsAt, event.timeZone),
  location: ({ venueName, city, country, latitude, longitude, timeZone }) => ({ venueName, city, country, latitude, longitude, timeZone }),
  ticketPrice: ({ ticketPrice, currency }) => ({ amount: formatMoney({ amount: ticketPrice.toString(), currency }), currency }),
  lineup: async ({ id }, _args, { data }) => {
    const artistIds = await data.loaders.lineupOfEvent.load(id);
    const artists = await Promise.all(artistIds.map((artistId) => data.loaders.artistById.load(artistId)));
    // Lineup rows keep their artists from being deleted; a gap only means the lineup changed meanwhile.
    return artists.filter((artist) => artist !== null);
  },
};
