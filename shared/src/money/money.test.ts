import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { formatMoney, moneyOf, moneyResolvers } from "./money.ts";

const usd = (amount: string) => ({ amount: new Decimal(amount), currency: "USD" });

describe("formatMoney", () => {
  it("always prints exactly the currency's minor digits", () => {
    expect(formatMoney(usd("1200.5"))).toBe("1200.50");
    expect(formatMoney(usd("7"))).toBe("7.00");
    expect(formatMoney(usd("-643.75"))).toBe("-643.75");
    expect(formatMoney({ amount: "3", currency: "BHD" })).toBe("3.000");
    expect(formatMoney({ amount: "3400000", currency: "JPY" })).toBe("3400000");
  });

  it("shows stored amounts with the currency's minor units, exactly", () => {
    expect(formatMoney({ amount: "45.5", currency: "EUR" })).toBe("45.50");
    expect(formatMoney({ amount: "4500", currency: "JPY" })).toBe("4500");
    expect(formatMoney({ amount: "999999999999999.99", currency: "USD" })).toBe("999999999999999.99");
    expect(formatMoney({ amount: "1200.5000", currency: "USD" })).toBe("1200.50");
    expect(formatMoney(usd("123456789012345678901234.9"))).toBe("123456789012345678901234.90");
  });

  it("rounds half away from zero", () => {
    expect(formatMoney(usd("1049.325"))).toBe("1049.33");
    expect(formatMoney(usd("-0.005"))).toBe("-0.01");
    expect(formatMoney({ amount: "1590272.5", currency: "JPY" })).toBe("1590273");
  });

  it("never prints a negative zero", () => {
    expect(formatMoney(usd("-0.004"))).toBe("0.00");
  });

  it("refuses a currency it does not know", () => {
    expect(() => formatMoney({ amount: "1", currency: "XYZ" })).toThrow('"XYZ" is not a supported currency.');
  });
});

describe("Money", () => {
  it("reads a decimal column exactly", () => {
    const money = moneyOf({ toFixed: () => "1200.5000" }, "USD");
    expect([money.amount.toFixed(), money.currency]).toEqual(["1200.5", "USD"]);
  });

  it("resolves as the API shows it", () => {
    const money = usd("8000");
    expect([moneyResolvers.amount(money), moneyResolvers.currency(money)]).toEqual(["8000.00", "USD"]);
  });
});
