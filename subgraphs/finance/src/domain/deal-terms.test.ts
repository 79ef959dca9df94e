import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { parseDealTerms } from "./deal-terms.ts";
import { parseMoney } from "./money.ts";

const usd = (amount: string) => parseMoney(amount, "USD");

const invalidTerms = (field: string, message: string) =>
  expect.objectContaining({ name: "InvalidDealTermsError", reason: "INVALID_DEAL_TERMS", field, message });

describe("parseDealTerms", () => {
  it("accepts each deal type with exactly the fields it needs", () => {
    expect(parseDealTerms({ type: "FLAT_GUARANTEE", guarantee: usd("5000.00") })).toEqual({
      type: "FLAT_GUARANTEE",
      guarantee: usd("5000.00"),
    });

    expect(
      parseDealTerms({ type: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: usd("5000.00"), percentage: "80" }),
    ).toEqual({ type: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: usd("5000.00"), percentage: new Decimal("80") });

    expect(
      parseDealTerms({
        type: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT",
        guarantee: usd("5000.00"),
        percentage: "85",
        splitPoint: usd("7000.00"),
      }),
    ).toEqual({
      type: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT",
      guarantee: usd("5000.00"),
      percentage: new Decimal("85"),
      splitPoint: usd("7000.00"),
    });

    expect(parseDealTerms({ type: "DOOR_DEAL", percentage: "82.5" })).toEqual({
      type: "DOOR_DEAL",
      percentage: new Decimal("82.5"),
    });
  });

  it("treats null like an absent field, as GraphQL inputs send it", () => {
    expect(parseDealTerms({ type: "DOOR_DEAL", guarantee: null, percentage: "70", splitPoint: null })).toMatchObject({
      type: "DOOR_DEAL",
    });
  });

  it("accepts a free show's zero guarantee and the full 100%", () => {
    expect(() => parseDealTerms({ type: "FLAT_GUARANTEE", guarantee: usd("0.00") })).not.toThrow();
    expect(() => parseDealTerms({ type: "DOOR_DEAL", percentage: "100" })).not.toThrow();
    expect(() => parseDealTerms({ type: "DOOR_DEAL", percentage: "0.01" })).not.toThrow();
  });

  it("requires a guarantee on every guaranteed deal", () => {
    expect(() => parseDealTerms({ type: "FLAT_GUARANTEE" })).toThrow(
      invalidTerms("guarantee", "A FLAT_GUARANTEE deal requires a guarantee"),
    );
    expect(() => parseDealTerms({ type: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", percentage: "80" })).toThrow(
      invalidTerms("guarantee", "A GUARANTEE_VERSUS_PERCENTAGE_OF_NET deal requires a guarantee"),
    );
  });

  it("requires a percentage on percentage deals and a split point on split deals", () => {
    expect(() => parseDealTerms({ type: "DOOR_DEAL" })).toThrow(
      invalidTerms("percentage", "A DOOR_DEAL deal requires a percentage"),
    );
    expect(() =>
      parseDealTerms({ type: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", guarantee: usd("5000.00"), percentage: "85" }),
    ).toThrow(invalidTerms("splitPoint", "A GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT deal requires a splitPoint"));
  });

  it("refuses a percentage of 0 or above 100", () => {
    for (const percentage of ["0", "0.00", "100.01", "120"]) {
      expect(() => parseDealTerms({ type: "DOOR_DEAL", percentage })).toThrow(
        invalidTerms("percentage", `The percentage must be above 0 and at most 100, got ${percentage}`),
      );
    }
  });

  it("refuses a percentage that is not a plain number with at most 2 decimals", () => {
    for (const percentage of ["", "-5", "85%", "85.125", "8.5e1", "0.85 ", "NaN"]) {
      expect(() => parseDealTerms({ type: "DOOR_DEAL", percentage }), percentage).toThrow(
        expect.objectContaining({ reason: "INVALID_DEAL_TERMS", field: "percentage" }),
      );
    }
  });

  it("refuses fields the deal type does not use", () => {
    expect(() =>
      parseDealTerms({ type: "FLAT_GUARANTEE", guarantee: usd("5000.00"), splitPoint: usd("7000.00") }),
    ).toThrow(invalidTerms("splitPoint", "A FLAT_GUARANTEE deal does not take a splitPoint"));
    expect(() => parseDealTerms({ type: "FLAT_GUARANTEE", guarantee: usd("5000.00"), percentage: "80" })).toThrow(
      invalidTerms("percentage", "A FLAT_GUARANTEE deal does not take a percentage"),
    );
    expect(() =>
      parseDealTerms({
        type: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET",
        guarantee: usd("5000.00"),
        percentage: "80",
        splitPoint: usd("7000.00"),
      }),
    ).toThrow(invalidTerms("splitPoint", "A GUARANTEE_VERSUS_PERCENTAGE_OF_NET deal does not take a splitPoint"));
    expect(() => parseDealTerms({ type: "DOOR_DEAL", guarantee: usd("500.00"), percentage: "70" })).toThrow(
      invalidTerms("guarantee", "A DOOR_DEAL deal does not take a guarantee"),
    );
  });

  it("refuses a negative guarantee or split point", () => {
    expect(() => parseDealTerms({ type: "FLAT_GUARANTEE", guarantee: usd("-1.00") })).toThrow(
      invalidTerms("guarantee", "The guarantee cannot be negative"),
    );
    expect(() =>
      parseDealTerms({
        type: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT",
        guarantee: usd("5000.00"),
        percentage: "85",
        splitPoint: usd("-0.01"),
      }),
    ).toThrow(invalidTerms("splitPoint", "The split point cannot be negative"));
  });

  it("refuses a split point in another currency than the guarantee", () => {
    expect(() =>
      parseDealTerms({
        type: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT",
        guarantee: usd("5000.00"),
        percentage: "85",
        splitPoint: parseMoney("7000.00", "EUR"),
      }),
    ).toThrow(
      expect.objectContaining({
        name: "CurrencyMismatchError",
        item: "The split point",
        message: "The split point is in EUR but USD was expected",
      }),
    );
  });
});
