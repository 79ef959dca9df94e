import { describe, expect, it } from "vitest";
import { computeArtistPayout } from "./artist-payout.ts";
import { parseDealTerms, type DealTermsInput } from "./deal-terms.ts";
import { formatMoney } from "@marquee/kit";
import { parseMoney } from "./money.ts";

const usd = (amount: string) => parseMoney(amount, "USD");

/** The payout line as printed: explanation and amount. */
function payout(terms: DealTermsInput, revenue: { adjustedGross: string; net: string }): [string, string] {
  const { explanation, amount } = computeArtistPayout(parseDealTerms(terms), {
    adjustedGross: usd(revenue.adjustedGross),
    net: usd(revenue.net),
  });
  return [explanation, formatMoney(amount)];
}

const fiveThousandVersusEightyPercent: DealTermsInput = {
  type: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET",
  guarantee: usd("5000.00"),
  percentage: "80",
};

const fiveThousandPlusEightyFiveAboveSevenThousand: DealTermsInput = {
  type: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT",
  guarantee: usd("5000.00"),
  percentage: "85",
  splitPoint: usd("7000.00"),
};

describe("computeArtistPayout edge cases", () => {
  it("guarantee versus percentage: a tie pays the guarantee and says so", () => {
    // 80% × 6,250 = 5,000, exactly the guarantee.
    expect(payout(fiveThousandVersusEightyPercent, { adjustedGross: "9000.00", net: "6250.00" })).toEqual([
      "Guarantee (USD 5000.00) equals 80% of net (USD 5000.00)",
      "5000.00",
    ]);
  });

  it("guarantee versus percentage: compares the rounded share the artist would actually be paid", () => {
    // 80% × 6,250.01 = 5,000.008 → 5,000.01, which beats the 5,000 guarantee by a cent.
    expect(payout(fiveThousandVersusEightyPercent, { adjustedGross: "9000.00", net: "6250.01" })).toEqual([
      "80% of net (USD 5000.01) exceeds guarantee (USD 5000.00)",
      "5000.01",
    ]);
  });

  it("split deal: net exactly at the split point earns no bonus", () => {
    expect(payout(fiveThousandPlusEightyFiveAboveSevenThousand, { adjustedGross: "15300.00", net: "7000.00" })).toEqual([
      "Guarantee (USD 5000.00) only: net (USD 7000.00) does not exceed the USD 7000.00 split point",
      "5000.00",
    ]);
  });

  it("split deal: a loss still pays the guarantee", () => {
    expect(payout(fiveThousandPlusEightyFiveAboveSevenThousand, { adjustedGross: "7656.25", net: "-643.75" })).toEqual([
      "Guarantee (USD 5000.00) only: net (USD -643.75) does not exceed the USD 7000.00 split point",
      "5000.00",
    ]);
  });

  it("door deal: deductions larger than gross never make the artist owe the promoter", () => {
    expect(payout({ type: "DOOR_DEAL", percentage: "80" }, { adjustedGross: "-20.00", net: "-320.00" })).toEqual([
      "80% of adjusted gross (USD 0.00)",
      "0.00",
    ]);
  });
});
