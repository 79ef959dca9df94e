import { describe, expect, it } from "vitest";
import { minorUnitsOf, supportedCurrencies } from "./currencies.ts";

describe("currencies", () => {
  it("knows each currency's minor units", () => {
    expect([minorUnitsOf("USD"), minorUnitsOf("JPY"), minorUnitsOf("KWD"), minorUnitsOf("SEK")]).toEqual([2, 0, 3, 2]);
  });

  it("knows no minor units for a code that is not a currency", () => {
    expect(minorUnitsOf("XYZ")).toBeUndefined();
    expect(supportedCurrencies.has("usd")).toBe(false);
  });
});
