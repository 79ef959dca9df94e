import type { MoneyResolvers } from "../__generated__/resolvers-types.ts";
import { formatAmount } from "../domain/index.ts";

export const Money: MoneyResolvers = {
  // Exactly the currency's minor digits: "1250.50", "3400000" for JPY.
  amount: (money) => formatAmount(money),
  currency: (money) => money.currency,
};
