import { parseDealTerms } from "@marquee/kit";
import { describe, expect, it } from "vitest";
import { parseMoney } from "./money.ts";
import { assertSettlementTerms } from "./settlement-terms.ts";

const usd = (amount: string) => parseMoney(amount, "USD");
const flatGuarantee = parseDealTerms({ dealType: "FLAT_GUARANTEE", guarantee: { amount: "5000.00", currency: "USD" } }, "USD");

describe("assertSettlementTerms", () => {
  it("accepts terms and deductions all in the settlement's currency", () => {
    expect(() =>
      assertSettlementTerms({
        currency: "USD",
        bill: [{ artistId: "headliner", dealTerms: flatGuarantee }],
        deductions: [{ basis: "FLAT", label: "Ticketing fees", amount: usd("310.00") }, { basis: "FLAT", label: "Sales tax", amount: usd("0.00") }],
      }),
    ).not.toThrow();
  });

  it("names the deal when it is in another currency", () => {
    expect(() => assertSettlementTerms({ currency: "EUR", bill: [{ artistId: "headliner", dealTerms: flatGuarantee }], deductions: [] })).toThrow(
      expect.objectContaining({ name: "CurrencyMismatchError", item: "The deal", message: "The deal is in USD but EUR was expected" }),
    );
  });

  it("names the deduction in another currency", () => {
    const deductions = [{ basis: "FLAT" as const, label: "Ticketing fees", amount: parseMoney("310.00", "EUR") }];
    expect(() => assertSettlementTerms({ currency: "USD", bill: [{ artistId: "headliner", dealTerms: flatGuarantee }], deductions })).toThrow(
      expect.objectContaining({ name: "CurrencyMismatchError", message: 'Deduction "Ticketing fees" is in EUR but USD was expected' }),
    );
  });

  it("refuses a negative deduction", () => {
    const deductions = [{ basis: "FLAT" as const, label: "Refunds", amount: usd("-1.00") }];
    expect(() => assertSettlementTerms({ currency: "USD", bill: [{ artistId: "headliner", dealTerms: flatGuarantee }], deductions })).toThrow(
      expect.objectContaining({ name: "InvalidSettlementInputError", message: 'Deduction "Refunds" cannot be negative' }),
    );
  });

  it("refuses a currency that is not ISO 4217", () => {
    expect(() => assertSettlementTerms({ currency: "XYZ", bill: [{ artistId: "headliner", dealTerms: flatGuarantee }], deductions: [] })).toThrow(
      expect.objectContaining({ name: "UnsupportedCurrencyError" }),
    );
  });
});
