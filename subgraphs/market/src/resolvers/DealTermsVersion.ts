import type { DealTermsVersionResolvers } from "../__generated__/resolvers-types.ts";

export const DealTermsVersion: DealTermsVersionResolvers = {
  currency: (version) => version.terms.currency,
  dealType: (version) => version.terms.dealType,
  guarantee: (version) => version.terms.guarantee,
  percentage: (version) => version.terms.percentage?.toFixed() ?? null,
  splitPoint: (version) => version.terms.splitPoint,
  ticketBonuses: (version, _, { market }) => market.deals.ticketBonuses(version),
  offerExpiresAt: (version) => version.terms.offerExpiresAt?.toISOString() ?? null,
  radiusClause: (version) => version.terms.radiusClause,
};
