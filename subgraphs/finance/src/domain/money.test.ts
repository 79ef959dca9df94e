import { formatMoney } from "@marquee/kit";
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import {
  addMoney,
  minorUnitsOf,
  parseMoney,
  roundToMinorUnits,
  subtractMoney,
  sumMoney,
} from "./money.ts";

const usd = (amount: string) => parseMoney(amount, "USD");

describe("minorUnitsOf", () => {
  it("follows ISO 4217: yen has no cents, euros have two, Bahraini dinars three", () => {
    expect(minorUnitsOf("JPY")).toBe(0);
    expect(minorUnitsOf("EUR")).toBe(2);
    expect(minorUnitsOf("BHD")).toBe(3);
  });

  it("refuses codes that are not real currencies", () => {
    for (const code of ["XYZ", "usd", "US", ""]) {
      expect(() => minorUnitsOf(code)).toThrow(
        expect.objectContaining({ name: "UnsupportedCurrencyError", reason: "UNSUPPORTED_CURRENCY", currency: code }),
      );
    }
  });
});

describe("parseMoney", () => {
  it("keeps the amount exactly as written", () => {
    const money = parseMoney("1200.50", "USD");
    expect(money.currency).toBe("USD");
    expect(money.amount.equals(new Decimal("1200.5"))).toBe(true);
  });

  it("accepts negative amounts and amounts up to the currency's minor units", () => {
    expect(formatMoney(usd("-643.75"))).toBe("-643.75");
    expect(formatMoney(parseMoney("3400000", "JPY"))).toBe("3400000");
    expect(formatMoney(parseMoney("12.345", "BHD"))).toBe("12.345");
  });

  it("refuses anything that is not a plain decimal number", () => {
    const garbage = ["", " ", "abc", "NaN", "Infinity", "-Infinity", "1e3", "1E-2", "0x10", "+5", "1,200.50", "1 200"];
    const malformed = [" 12", "12.", ".5", "--1", "1_000"];
    for (const amount of [...garbage, ...malformed]) {
      expect(() => usd(amount), amount).toThrow(
        expect.objectContaining({ name: "InvalidAmountError", reason: "INVALID_AMOUNT" }),
      );
    }
  });

  it("refuses more decimals than the currency is paid in", () => {
    expect(() => usd("10.005")).toThrow("USD allows at most 2 decimal place(s)");
    expect(() => parseMoney("1500.5", "JPY")).toThrow("JPY allows at most 0 decimal place(s)");
    expect(() => parseMoney("1.2345", "BHD")).toThrow("BHD allows at most 3 decimal place(s)");
  });

  it("ignores trailing zeros, which do not change the amount", () => {
    expect(formatMoney(parseMoney("1500.00", "JPY"))).toBe("1500");
    expect(formatMoney(usd("1200.5000"))).toBe("1200.50");
  });

  it("refuses an unknown currency", () => {
    expect(() => parseMoney("10.00", "XXX")).toThrow(expect.objectContaining({ reason: "UNSUPPORTED_CURRENCY" }));
  });
});

describe("arithmetic", () => {
  it("adds, subtracts and sums exactly, with no floating-point drift", () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point.
    expect(formatMoney(addMoney(usd("0.10"), usd("0.20")))).toBe("0.30");
    expect(formatMoney(subtractMoney(usd("24500.00"), usd("8300.00")))).toBe("16200.00");
    expect(formatMoney(sumMoney("USD", [usd("1400.00"), usd("2100.00"), usd("0.01")]))).toBe("3500.01");
  });

  it("stays exact beyond the 20 significant digits decimal.js keeps by default", () => {
    const huge = usd("123456789012345678901234.89");
    expect(formatMoney(addMoney(huge, usd("0.01")))).toBe("123456789012345678901234.90");
  });

  it("sums an empty list to zero in the given currency", () => {
    const nothing = sumMoney("EUR", []);
    expect([nothing.currency, formatMoney(nothing)]).toEqual(["EUR", "0.00"]);
  });

  it("refuses to mix currencies, naming both", () => {
    const euros = parseMoney("10.00", "EUR");
    const mismatch = expect.objectContaining({
      name: "CurrencyMismatchError",
      reason: "CURRENCY_MISMATCH",
      expectedCurrency: "USD",
      actualCurrency: "EUR",
      message: "Cannot combine USD and EUR amounts",
    });
    expect(() => addMoney(usd("10.00"), euros)).toThrow(mismatch);
    expect(() => subtractMoney(usd("10.00"), euros)).toThrow(mismatch);
    expect(() => sumMoney("USD", [usd("1.00"), euros])).toThrow(mismatch);
  });
});

describe("roundToMinorUnits", () => {
  const exact = (amount: string, currency: string) => ({ amount: new Decimal(amount), currency });

  it("rounds half up (away from zero), not to even as banker's rounding would", () => {
    // Banker's rounding would give 1049.32 because 2 is even.
    expect(formatMoney(roundToMinorUnits(exact("1049.325", "USD")))).toBe("1049.33");
    expect(formatMoney(roundToMinorUnits(exact("1018.52025", "USD")))).toBe("1018.52");
    expect(formatMoney(roundToMinorUnits(exact("-0.005", "USD")))).toBe("-0.01");
  });

  it("rounds to whole yen and to thousandths of a dinar", () => {
    expect(formatMoney(roundToMinorUnits(exact("1590272.65", "JPY")))).toBe("1590273");
    expect(formatMoney(roundToMinorUnits(exact("12.3455", "BHD")))).toBe("12.346");
  });
});
