// The resolvers of the shared deal types, the same in every subgraph that shows deal terms.
import type { PromoterProfit } from "./deal-terms.ts";

/** The kit's promoter profit is one of two kinds; the API shows it as two fields, exactly one of them set. */
export const promoterProfitResolvers = {
  percentageOfExpenses: (profit: PromoterProfit) => (profit.kind === "PERCENTAGE_OF_EXPENSES" ? profit.percentage.toFixed() : null),
  amount: (profit: PromoterProfit) => (profit.kind === "AMOUNT" ? profit.amount : null),
};
