// The radius check run when terms are put on the table: the artist's other accepted deals
// whose events fall inside the new terms' radius clause. Where and when each event is
// comes from Base, in one batched read, never from a copy kept here.
import type { MarketContext } from "./context.ts";
import type { DealRecord } from "./data/records.ts";
import { radiusConflicts, type RadiusClause } from "./domain/index.ts";

export interface RadiusWarningRecord {
  message: string;
  conflictingDeal: DealRecord;
  distanceKm: number;
  daysApart: number;
}

interface EventPlace {
  id: string;
  startsAt: string;
  location: { latitude: number; longitude: number };
}

export async function radiusWarnings(context: MarketContext, deal: DealRecord): Promise<RadiusWarningRecord[]> {
  const { radiusClause } = (await context.market.deals.version(deal.currentVersionId)).terms;
  if (!deal.eventId || !radiusClause) return [];
  const accepted = await context.market.deals.acceptedForEvents(deal.artistId, deal.id);
  if (accepted.length === 0) return [];

  const places = await context.base.load<EventPlace>("Event", "startsAt location { latitude longitude }", [deal.eventId, ...accepted.map((other) => other.eventId!)]);
  const [offered, ...others] = places.map((place) => place && { location: place.location, startsAt: new Date(place.startsAt) });
  if (!offered) return [];
  const shows = accepted.flatMap((other, index) => {
    const show = others[index];
    return show ? [{ ...show, deal: other }] : [];
  });
  return radiusConflicts(offered, radiusClause, shows).map(({ other, distanceKm, daysApart }) => ({
    message: describeConflict(distanceKm, daysApart, radiusClause),
    conflictingDeal: other.deal,
    distanceKm,
    daysApart,
  }));
}

function describeConflict(distanceKm: number, daysApart: number, clause: RadiusClause): string {
  const when = daysApart === 0 ? "within a day of this one" : `${Math.abs(daysApart)} day(s) ${daysApart > 0 ? "after" : "before"} this one`;
  return (
    `An accepted show ${distanceKm.toFixed(1)} km away, ${when}, is inside the radius clause ` +
    `(${clause.kilometres} km, ${clause.daysBefore} days before, ${clause.daysAfter} days after).`
  );
}

/** What an offer or counter-offer answers: the deal as it stands, and the warnings. */
export interface DealOfferRecord {
  deal: DealRecord;
  warnings: RadiusWarningRecord[];
}
