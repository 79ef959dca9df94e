import type { DealTermsVersionResolvers } from "../__generated__/resolvers-types.ts";
import { offerPricingOf } from "../offer-pricing.ts";

export const DealTermsVersion: DealTermsVersionResolvers = {
  currency: (version) => version.terms.deal.currency,
  dealType: (version) => version.terms.deal.type,
  guarantee: (version) => version.terms.deal.guarantee,
  percentage: (version) => version.terms.deal.percentage?.toFixed() ?? null,
  perTicket: (version) => version.terms.deal.perTicket,
  promoterProfit: (version) => version.terms.deal.promoterProfit,
  expenseCap: (version) => version.terms.deal.expenseCap,
  deposit: (version) => version.terms.deal.deposit,
  withholdingRate: (version) => version.terms.deal.withholdingRate?.toFixed() ?? null,
  ticketBonuses: (version, _, { market }) => market.deals.ticketBonuses(version),
  buyouts: (version, _, { market }) => market.deals.buyouts(version),
  offerExpiresAt: (version) => version.terms.offerExpiresAt?.toISOString() ?? null,
  radiusClause: (version) => version.terms.radiusClause,
  estimatedExpenses: (version) => version.terms.estimatedExpenses,
  pricing: async (version, _, context) => (await offerPricingOf(context, version)).pricing,
  pricingUnavailableReason: async (version, _, context) => (await offerPricingOf(context, version)).unavailable,
};
