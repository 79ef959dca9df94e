// The radius check run when terms are put on the table, both ways: the artist's other
// accepted deals whose events fall inside the new terms' radius clause, and those whose
// own accepted radius clause the new show would breach. Where and when each event is
// comes from Base, in one batched read, never from a copy kept here.
import type { MarketContext } from "./context.ts";
import type { DealRecord } from "./data/records.ts";
import { clauseBreaches, radiusConflicts, type RadiusClause, type RadiusConflict } from "./domain/index.ts";

/** Whose radius clause a warning is about: the terms just put on the table, or the other accepted deal's. */
export type BreachedClause = "THIS_DEAL" | "CONFLICTING_DEAL";

export interface RadiusWarningRecord {
  message: string;
  breachedClause: BreachedClause;
  clause: RadiusClause;
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
  if (!deal.eventId) return [];
  const accepted = await context.market.deals.acceptedForEvents(deal.artistId, deal.id);
  if (accepted.length === 0) return [];
  // Batched: the deal's version and every accepted version in one read.
  const [offeredTerms, ...acceptedTerms] = await Promise.all([deal.currentVersionId, ...accepted.map((other) => other.currentVersionId)].map((id) => context.market.deals.version(id)));
  const ownClause = offeredTerms!.terms.radiusClause;
  const others = accepted.map((other, index) => ({ deal: other, clause: acceptedTerms[index]!.terms.radiusClause }));
  const checked = ownClause ? others : others.filter((other) => other.clause !== null);
  if (checked.length === 0) return [];

  const places = await context.base.load<EventPlace>("Event", "startsAt location { latitude longitude }", [deal.eventId, ...checked.map((other) => other.deal.eventId!)]);
  const [offeredPlace, ...otherPlaces] = places.map((place) => place && { location: place.location, startsAt: new Date(place.startsAt) });
  if (!offeredPlace) return [];
  const shows = checked.flatMap((other, index) => {
    const place = otherPlaces[index];
    return place ? [{ ...place, ...other }] : [];
  });
  const ownClauseWarnings = ownClause ? radiusConflicts(offeredPlace, ownClause, shows).map((found) => warning(found, "THIS_DEAL", ownClause)) : [];
  const withClauses = shows.flatMap((show) => (show.clause ? [{ ...show, clause: show.clause }] : []));
  const theirClauseWarnings = clauseBreaches(offeredPlace, withClauses).map((found) => warning(found, "CONFLICTING_DEAL", found.other.clause));
  return [...ownClauseWarnings, ...theirClauseWarnings];
}

function warning({ other, distanceKm, daysApart }: RadiusConflict<{ deal: DealRecord }>, breachedClause: BreachedClause, clause: RadiusClause): RadiusWarningRecord {
  const when = daysApart === 0 ? "within a day of this one" : `${Math.abs(daysApart)} day(s) ${daysApart > 0 ? "after" : "before"} this one`;
  const terms = `(${clause.kilometres} km, ${clause.daysBefore} days before, ${clause.daysAfter} days after)`;
  const message =
    breachedClause === "THIS_DEAL"
      ? `An accepted show ${distanceKm.toFixed(1)} km away, ${when}, is inside the radius clause ${terms}.`
      : `An accepted show ${distanceKm.toFixed(1)} km away, ${when}, has a radius clause ${terms} that this show would breach.`;
  return { message, breachedClause, clause, conflictingDeal: other.deal, distanceKm, daysApart };
}

/** What an offer or counter-offer answers: the deal as it stands, and the warnings. */
export interface DealOfferRecord {
  deal: DealRecord;
  warnings: RadiusWarningRecord[];
}
