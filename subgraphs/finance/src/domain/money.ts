import { Decimal } from "decimal.js";
import { minorUnitsOf as currencyMinorUnits, type Money } from "@marquee/kit";
import { CurrencyMismatchError, InvalidAmountError, UnsupportedCurrencyError } from "./errors.ts";

export type { Money };

/**
 * decimal.js rounds every arithmetic result to 20 significant digits by default,
 * which would silently corrupt very large amounts. 50 digits keeps every sum and
 * percentage of any realistic amount exact. A clone leaves the global Decimal
 * configuration, shared with other modules, untouched.
 */
const ExactDecimal = Decimal.clone({ precision: 50 });

/** Plain decimal notation only: no exponent, no sign other than "-", no stray spaces. */
const DECIMAL_STRING = /^-?\d+(?:\.\d+)?$/;

export function assertSupportedCurrency(currency: string): void {
  minorUnitsOf(currency);
}

/** Digits after the decimal point the currency is paid in: JPY 0, EUR 2, BHD 3. */
export function minorUnitsOf(currency: string): number {
  const minorUnits = currencyMinorUnits(currency);
  if (minorUnits === undefined) throw new UnsupportedCurrencyError(currency);
  return minorUnits;
}

/**
 * Parses an amount such as "1200.50". Anything finer than the currency's minor
 * units ("1200.505" USD, "1500.5" JPY) is refused rather than rounded away: an
 * amount that cannot be paid as written is a data-entry mistake. Trailing zeros
 * change nothing, so "1500.00" JPY and a database's "1200.5000" USD are accepted.
 */
export function parseMoney(amount: string, currency: string): Money {
  if (!DECIMAL_STRING.test(amount)) {
    throw new InvalidAmountError(amount, 'expected a plain decimal number such as "1200.50"');
  }
  const minorUnits = minorUnitsOf(currency);
  const exactAmount = new ExactDecimal(amount);
  if (exactAmount.decimalPlaces() > minorUnits) {
    throw new InvalidAmountError(amount, `${currency} allows at most ${minorUnits} decimal place(s)`);
  }
  return { amount: exactAmount, currency };
}

export function zeroMoney(currency: string): Money {
  assertSupportedCurrency(currency);
  return { amount: new ExactDecimal(0), currency };
}

/** Throws unless `money` is in `currency`, naming `item` so the user can find the culprit. */
export function assertCurrency(money: Money, currency: string, item: string): void {
  if (money.currency !== currency) {
    throw new CurrencyMismatchError(currency, money.currency, item);
  }
}

export function addMoney(left: Money, right: Money): Money {
  assertSameCurrency(left, right);
  return { amount: ExactDecimal.add(left.amount, right.amount), currency: left.currency };
}

export function subtractMoney(left: Money, right: Money): Money {
  assertSameCurrency(left, right);
  return { amount: ExactDecimal.sub(left.amount, right.amount), currency: left.currency };
}

/** The currency is explicit so that an empty list still has a well-defined total. */
export function sumMoney(currency: string, amounts: readonly Money[]): Money {
  return amounts.reduce(addMoney, zeroMoney(currency));
}

export function isNegative(money: Money): boolean {
  return money.amount.lessThan(0);
}

/**
 * Rounds to the currency's minor units, half away from zero (decimal.js
 * ROUND_HALF_UP). Half-up, not banker's rounding, is the norm on settlement
 * sheets and is what promoters and artists check the figures against.
 */
export function roundToMinorUnits(money: Money): Money {
  return {
    amount: money.amount.toDecimalPlaces(minorUnitsOf(money.currency), Decimal.ROUND_HALF_UP),
    currency: money.currency,
  };
}

/** numeric(19,4), the type every amount is stored in, keeps 15 digits before the point. */
const largestStorableAmount = new ExactDecimal("999999999999999.9999");

/**
 * Whether an amount can be stored. Each amount the API takes can (the Decimal scalar allows
 * 15 digits), but a sum of them, such as a settlement's gross or its expenses, may not.
 */
export function isStorable(money: Money): boolean {
  return money.amount.abs().lessThanOrEqualTo(largestStorableAmount);
}

function assertSameCurrency(left: Money, right: Money): void {
  if (left.currency !== right.currency) {
    throw new CurrencyMismatchError(left.currency, right.currency);
  }
}
