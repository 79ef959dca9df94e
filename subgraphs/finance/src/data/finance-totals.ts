// Totals per currency from the sums of expenses and of income: amounts in different
// currencies are never added together, so each currency gets its own totals.
import { subtractMoney, sumMoney, type Money } from "../domain/index.ts";
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
