import { Decimal } from "decimal.js";
import { minorUnitsOf as currencyMinorUnits } from "@marquee/kit";

/** An exact amount in one currency; the amount is a decimal string, never a float. */
export interface Money {
  amount: string;
  currency: string;
}

/** Digits after the decimal point the currency is paid in; the CurrencyCode scalar has already refused unknown codes. */
function minorUnitsOf(currency: string): number {
  return currencyMinorUnits(currency) ?? 2;
}

/**
 * Why `price`, given as `field`, cannot be a ticket price; null when it can. A price
 * finer than the currency's minor unit ("12.505" USD) cannot be charged as written, so
 * it is refused rather than rounded.
 */
export function ticketPriceProblem(price: Money, field = "ticketPrice"): string | null {
  const amount = new Decimal(price.amount);
  if (amount.isNegative() && !amount.isZero()) return `${field} must not be negative (got ${price.amount}).`;
  const minorUnits = minorUnitsOf(price.currency);
  if (amount.decimalPlaces() > minorUnits) {
    return `${field} ${price.amount} ${price.currency} has more decimals than ${price.currency} allows (${minorUnits}).`;
  }
  return null;
}
