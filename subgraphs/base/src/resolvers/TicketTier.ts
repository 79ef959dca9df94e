import { moneyOf } from "@marquee/kit";
import type { TicketTierResolvers } from "../__generated__/resolvers-types.ts";
import type { PricedTicketTier } from "../data/records.ts";
import { availableOf, grossPotentialOf, grossSalesOf, type PricedTierCounts } from "../domain/ticket-tiers.ts";

/** The tier's counts and its price's exact amount, as the domain's figures take them. */
export const pricedCounts = ({ price, allocation, kills, comps, sold }: PricedTicketTier): PricedTierCounts => ({ price: price.toFixed(), allocation, kills, comps, sold });

export const TicketTier: TicketTierResolvers = {
  price: (tier) => moneyOf(tier.price, tier.currency),
  available: (tier) => availableOf(tier),
  grossPotential: (tier) => moneyOf(grossPotentialOf(pricedCounts(tier)), tier.currency),
  grossSales: (tier) => moneyOf(grossSalesOf(pricedCounts(tier)), tier.currency),
};
