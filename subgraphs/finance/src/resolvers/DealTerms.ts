import type { DealTermsResolvers } from "../__generated__/resolvers-types.ts";

export const DealTerms: DealTermsResolvers = {
  dealType: (terms) => terms.type,
  percentage: (terms) => terms.percentage?.toFixed() ?? null,
  withholdingRate: (terms) => terms.withholdingRate?.toFixed() ?? null,
};
