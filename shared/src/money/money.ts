// Money as the modules hold it and as the API shows it (the `Money` value type every
// subgraph shares): an exact decimal amount, never a float, and its ISO 4217 currency,
// shown with exactly the currency's minor digits.
import { Decimal } from "decimal.js";
import { minorUnitsOf } from "./currencies.ts";

export interface Money {
  readonly amount: Decimal;
  /** ISO 4217 code, e.g. "USD". */
  readonly currency: string;
}

/** Money read from a decimal column (Prisma's Decimal) and its currency column. */
export function moneyOf(amount: { toFixed(): string }, currency: string): Money {
  return { amount: new Decimal(amount.toFixed()), currency };
}

/**
 * Fixed notation with exactly the currency's minor digits: "1200.50", "3400000" for JPY,
 * "12.346" for BHD, rounded half away from zero. Rounding first also keeps decimal.js
 * from printing a tiny negative such as -0.004 as "-0.00": the rounded value prints as
 * "0.00".
 */
export function formatMoney(money: { readonly amount: Decimal.Value; readonly currency: string }): string {
  const minorUnits = minorUnitsOf(money.currency);
  if (minorUnits === undefined) throw new Error(`"${money.currency}" is not a supported currency.`);
  return new Decimal(money.amount).toDecimalPlaces(minorUnits, Decimal.ROUND_HALF_UP).toFixed(minorUnits);
}

/** The resolvers of the shared `Money` type. */
export const moneyResolvers = {
  amount: (money: Money) => formatMoney(money),
  currency: (money: Money) => money.currency,
};
