// ISO 4217 currencies as the runtime knows them (Intl), shared by every module that
// handles money: which codes exist and how many decimals each is paid in.

/** Every currency code Intl knows, e.g. USD, EUR, JPY. */
export const supportedCurrencies: ReadonlySet<string> = new Set(Intl.supportedValuesOf("currency"));

/** Building an Intl.NumberFormat is slow next to a map lookup, and every money line asks. */
const minorUnitsByCurrency = new Map<string, number>();

/**
 * Digits after the decimal point the currency is paid in: JPY 0, EUR 2, BHD 3.
 * Undefined for a code that is not a supported currency.
 */
export function minorUnitsOf(currency: string): number | undefined {
  if (!supportedCurrencies.has(currency)) return undefined;
  let minorUnits = minorUnitsByCurrency.get(currency);
  if (minorUnits === undefined) {
    // Intl resolves fraction digits for every currency format; the type allows for other styles.
    minorUnits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits;
    if (minorUnits === undefined) return undefined;
    minorUnitsByCurrency.set(currency, minorUnits);
  }
  return minorUnits;
}
