import type { DealTermsResolvers } from "../__generated__/resolvers-types.ts";

export const DealTerms: DealTermsResolvers = {
  dealType: (terms) => terms.type,
  guarantee: (terms) => ("guarantee" in terms ? terms.guarantee : null),
  percentage: (terms) => ("percentage" in terms ? terms.percentage.toFixed() : null),
  splitPoint: (terms) => ("splitPoint" in terms ? terms.splitPoint : null),
};
