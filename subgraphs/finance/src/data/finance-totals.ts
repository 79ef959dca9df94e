// Totals per currency from the sums of expenses and of income: amounts in different
// currencies are never added together, so each currency gets its own totals.
import { moneyOf } from "@marquee/kit";
import { subtractMoney, sumMoney, type Money } from "../domain/index.ts";
import type { Prisma } from "../__generated__/prisma/client.ts";
import type { FinanceTotalsRecord } from "./records.ts";

/** One entry per currency found in either list, by currency code. */
export function totalsPerCurrency(expenseSums: readonly Money[], incomeSums: readonly Money[]): FinanceTotalsRecord[] {
  const currencies = [...new Set([...expenseSums, ...incomeSums].map((sum) => sum.currency))].sort();
  const inCurrency = (sums: readonly Money[], currency: string) => sumMoney(currency, sums.filter((sum) => sum.currency === currency));
  return currencies.map((currency) => {
    const totalExpenses = inCurrency(expenseSums, currency);
    const totalIncome = inCurrency(incomeSums, currency);
    return { currency, totalExpenses, totalIncome, net: subtractMoney(totalIncome, totalExpenses) };
  });
}

/** The sums of a `groupBy` on currency (a group always has rows, so its sum is never null). */
export function sumsPerCurrency(groups: readonly { currency: string; _sum: { amount: Prisma.Decimal | null } }[]): Money[] {
  return groups.flatMap((group) => (group._sum.amount === null ? [] : [moneyOf(group._sum.amount, group.currency)]));
}
