import { describe, expect, it } from "vitest";
import { compareDealTerms } from "./compare-deal-terms.ts";
import { parseDealTerms, type DealTermsInput } from "./parse-deal-terms.ts";

const usd = (amount: string) => ({ amount, currency: "USD" });
const terms = (input: DealTermsInput, currency = "USD") => parseDealTerms(input, currency);

describe("compareDealTerms", () => {
  it("finds nothing between a contract and a settlement on the same terms, however the amounts are written", () => {
    const contract = terms({ dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: usd("9000"), percentage: "85", promoterProfit: { percentageOfExpenses: "15" } });
    const settled = terms({ dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: usd("9000.00"), percentage: "85.00", promoterProfit: { percentageOfExpenses: "15.0" }, ticketBonuses: [] });
    expect(compareDealTerms(contract, settled)).toEqual([]);
  });

  it("names each term that differs, in deal order, printed as the sheet prints it (the Chicago demo)", () => {
    const contract = terms({
      dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET",
      guarantee: usd("9000"),
      percentage: "85",
      ticketBonuses: [{ ticketsSold: 1500, bonus: usd("500") }],
      deposit: usd("2000"),
    });
    const settled = terms({ dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: usd("8000"), percentage: "80", promoterProfit: { amount: usd("1000") }, deposit: usd("2000") });
    expect(compareDealTerms(contract, settled)).toEqual([
      { term: "GUARANTEE", contract: "USD 9000.00", settlement: "USD 8000.00" },
      { term: "PERCENTAGE", contract: "85%", settlement: "80%" },
      { term: "PROMOTER_PROFIT", contract: null, settlement: "USD 1000.00" },
      { term: "TICKET_BONUSES", contract: "USD 500.00 at 1500 tickets", settlement: null },
    ]);
  });

  it("compares the buyouts together, each printed with its amount and label", () => {
    const contract = terms({ dealType: "FLAT_GUARANTEE", guarantee: usd("8000"), buyouts: [{ label: "Catering buyout", amount: usd("500") }, { label: "Hotel buyout", amount: usd("300") }] });
    const settled = terms({ dealType: "FLAT_GUARANTEE", guarantee: usd("8000"), buyouts: [{ label: "Catering buyout", amount: usd("500.00") }] });
    expect(compareDealTerms(contract, settled)).toEqual([{ term: "BUYOUTS", contract: "USD 500.00 Catering buyout; USD 300.00 Hotel buyout", settlement: "USD 500.00 Catering buyout" }]);
    expect(compareDealTerms(settled, terms({ dealType: "FLAT_GUARANTEE", guarantee: usd("8000") }))).toEqual([{ term: "BUYOUTS", contract: "USD 500.00 Catering buyout", settlement: null }]);
    expect(compareDealTerms(settled, terms({ dealType: "FLAT_GUARANTEE", guarantee: usd("8000"), buyouts: [{ label: "Catering buyout", amount: usd("500") }] }))).toEqual([]);
  });

  it("says when the deal form or the currency differs, and every term that changes with them", () => {
    const contract = terms({ dealType: "FLAT_GUARANTEE", guarantee: { amount: "1500000", currency: "JPY" }, withholdingRate: "20.42" }, "JPY");
    const settled = terms({ dealType: "DOOR_DEAL", percentage: "70", withholdingRate: "20.42" });
    expect(compareDealTerms(contract, settled)).toEqual([
      { term: "CURRENCY", contract: "JPY", settlement: "USD" },
      { term: "DEAL_TYPE", contract: "FLAT_GUARANTEE", settlement: "DOOR_DEAL" },
      { term: "GUARANTEE", contract: "JPY 1500000", settlement: null },
      { term: "PERCENTAGE", contract: null, settlement: "70%" },
    ]);
  });
});
