// An offer's figures (domain/offer-pricing.ts) on its deal's event as Base keeps it now: the
// ticket tiers are Base's, read with the caller's credentials and never copied here. Read
// only when `pricing` is asked for, and batched: every version priced in one request waits
// for one read of the deals, one of the bonuses and one call to Base for all their events.
import DataLoader from "dataloader";
import { Decimal } from "decimal.js";
import type { MarketContext } from "./context.ts";
import type { TermsVersionRecord } from "./data/records.ts";
import { priceOffer, type OfferPricing, type PricedTier } from "./domain/index.ts";

export type OfferPricingUnavailableReason = "NO_EVENT" | "EVENT_NOT_FOUND" | "OTHER_CURRENCY";

export type OfferPricingResult = { readonly pricing: OfferPricing; readonly unavailable: null } | { readonly pricing: null; readonly unavailable: OfferPricingUnavailableReason };

interface EventTiers {
  id: string;
  ticketTiers: { price: { amount: string; currency: string }; allocation: number; kills: number; comps: number }[];
}

/** What Market reads of an event to price an offer: one selection, so that every event of a request goes in one call. */
export const eventTiersSelection = "ticketTiers { price { amount currency } allocation kills comps }";

// One loader per request: the context is made per request, so nothing is cached beyond it.
const loaders = new WeakMap<MarketContext, DataLoader<TermsVersionRecord, OfferPricingResult, string>>();

/** The version's figures on its deal's event, or why there are none. */
export function offerPricingOf(context: MarketContext, version: TermsVersionRecord): Promise<OfferPricingResult> {
  let loader = loaders.get(context);
  if (!loader) {
    loader = new DataLoader((versions: readonly TermsVersionRecord[]) => priceVersions(context, versions), { cacheKeyFn: (version) => version.id });
    loaders.set(context, loader);
  }
  return loader.load(version);
}

async function priceVersions(context: MarketContext, versions: readonly TermsVersionRecord[]): Promise<OfferPricingResult[]> {
  const { deals } = context.market;
  const [dealsOfVersions, bonuses, buyouts] = await Promise.all([
    Promise.all(versions.map((version) => deals.load(version.dealId))),
    Promise.all(versions.map((version) => deals.ticketBonuses(version))),
    Promise.all(versions.map((version) => deals.buyouts(version))),
  ]);
  const eventIds = [...new Set(dealsOfVersions.flatMap((deal) => (deal?.eventId ? [deal.eventId] : [])))];
  const events = eventIds.length === 0 ? [] : await context.base.load<EventTiers>("Event", eventTiersSelection, eventIds);
  const eventById = new Map(events.flatMap((event) => (event ? [[event.id, event] as const] : [])));

  return versions.map((version, index): OfferPricingResult => {
    // A version is only ever read through its deal, which a version never outlives.
    const eventId = dealsOfVersions[index]?.eventId;
    if (!eventId) return { pricing: null, unavailable: "NO_EVENT" };
    const event = eventById.get(eventId);
    if (!event) return { pricing: null, unavailable: "EVENT_NOT_FOUND" };
    const { deal, estimatedExpenses } = version.terms;
    // Base prices every tier of an event in the event's one currency.
    if (event.ticketTiers.some((tier) => tier.price.currency !== deal.currency)) return { pricing: null, unavailable: "OTHER_CURRENCY" };
    const tiers: PricedTier[] = event.ticketTiers.map((tier) => ({
      price: { amount: new Decimal(tier.price.amount), currency: tier.price.currency },
      allocation: tier.allocation,
      kills: tier.kills,
      comps: tier.comps,
    }));
    return { pricing: priceOffer({ ...deal, ticketBonuses: bonuses[index]!, buyouts: buyouts[index]! }, estimatedExpenses, tiers), unavailable: null };
  });
}
