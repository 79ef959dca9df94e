import { describe, expect, it } from "vitest";
import { RuleViolation } from "../errors/rule-violation.ts";
import { DEAL_TYPES, TERMS_OF_DEAL_TYPE, dealNeedsTicketCount } from "./deal-terms.ts";
import { parseDealTerms, type DealTermsInput } from "./parse-deal-terms.ts";

const usd = (amount: string) => ({ amount, currency: "USD" });

/** The refusal's field and message, or null when the terms pass. */
function refusal(input: DealTermsInput, currency = "USD"): { field: unknown; message: string } | null {
  try {
    parseDealTerms(input, currency);
    return null;
  } catch (error) {
    if (!(error instanceof RuleViolation)) throw error;
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_DEAL_TERMS" });
    return { field: error.extensions["field"], message: error.message };
  }
}

/** A value for each term, valid for any deal type that takes it. */
const anyValue = {
  guarantee: usd("1000"),
  percentage: "80",
  perTicket: usd("5"),
  promoterProfit: { percentageOfExpenses: "15" },
  expenseCap: usd("8000"),
  deposit: usd("2500"),
  withholdingRate: "30",
  buyouts: [{ label: "Catering buyout", amount: usd("500") }],
} as const;

describe("parseDealTerms", () => {
  it("takes each deal type with exactly its required terms, and with each optional one", () => {
    for (const dealType of DEAL_TYPES) {
      const { required, optional } = TERMS_OF_DEAL_TYPE[dealType];
      const minimal = Object.fromEntries(required.map((term) => [term, anyValue[term]]));
      expect(refusal({ dealType, ...minimal }), dealType).toBeNull();
      for (const term of optional) expect(refusal({ dealType, ...minimal, [term]: anyValue[term] }), `${dealType} + ${term}`).toBeNull();
    }
  });

  it("refuses a missing required term and any term the type does not take, naming it", () => {
    for (const dealType of DEAL_TYPES) {
      const { required, optional } = TERMS_OF_DEAL_TYPE[dealType];
      const minimal = Object.fromEntries(required.map((term) => [term, anyValue[term]]));
      for (const term of required) {
        expect(refusal({ dealType, ...minimal, [term]: null })).toEqual({ field: term, message: `A ${dealType} deal requires ${term === "expenseCap" ? "an" : "a"} ${term}.` });
      }
      for (const term of Object.keys(anyValue) as (keyof typeof anyValue)[]) {
        if (required.includes(term) || optional.includes(term)) continue;
        expect(refusal({ dealType, ...minimal, [term]: anyValue[term] })).toEqual({ field: term, message: `A ${dealType} deal does not take ${term === "expenseCap" ? "an" : "a"} ${term}.` });
      }
    }
  });

  it("keeps the figures exactly as written, in the deal's currency", () => {
    const terms = parseDealTerms(
      { dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", guarantee: usd("12000.50"), percentage: "82.5", promoterProfit: { amount: usd("0") }, expenseCap: usd("15000") },
      "USD",
    );
    expect({
      guarantee: terms.guarantee?.amount.toFixed(),
      percentage: terms.percentage?.toFixed(),
      promoterProfit: terms.promoterProfit?.kind === "AMOUNT" ? terms.promoterProfit.amount.amount.toFixed() : null,
      expenseCap: terms.expenseCap?.amount.toFixed(),
      currency: terms.currency,
      ticketBonuses: terms.ticketBonuses,
    }).toEqual({ guarantee: "12000.5", percentage: "82.5", promoterProfit: "0", expenseCap: "15000", currency: "USD", ticketBonuses: [] });
  });

  it("refuses a promoter profit with both or neither of its forms", () => {
    const deal = { dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: usd("1000"), percentage: "80" } as const;
    const message = "The promoter profit takes exactly one of percentageOfExpenses and amount.";
    expect(refusal({ ...deal, promoterProfit: {} })).toEqual({ field: "promoterProfit", message });
    expect(refusal({ ...deal, promoterProfit: { percentageOfExpenses: "15", amount: usd("100") } })).toEqual({ field: "promoterProfit", message });
    expect(refusal({ ...deal, promoterProfit: { percentageOfExpenses: "0" } })?.field).toBe("promoterProfit.percentageOfExpenses");
  });

  it("refuses amounts in another currency, finer than the currency, negative or too large", () => {
    const flat = (guarantee: { amount: string; currency: string }) => refusal({ dealType: "FLAT_GUARANTEE", guarantee });
    expect(flat({ amount: "100", currency: "EUR" })).toEqual({ field: "guarantee", message: "The guarantee is in EUR but the deal is in USD." });
    expect(flat(usd("100.005"))?.message).toBe(`The guarantee "100.005" has more decimals than USD's 2.`);
    expect(flat(usd("-1"))?.field).toBe("guarantee");
    expect(flat(usd("1e5"))?.field).toBe("guarantee");
    expect(flat(usd("1000000000000000"))?.message).toBe(`The guarantee "1000000000000000" is too large.`);
    expect(refusal({ dealType: "FLAT_GUARANTEE", guarantee: { amount: "1500.5", currency: "JPY" } }, "JPY")?.message).toBe(`The guarantee "1500.5" has more decimals than JPY's 0.`);
    expect(refusal({ dealType: "PER_TICKET", perTicket: usd("0") })).toEqual({ field: "perTicket", message: "The perTicket must be more than zero." });
    expect(refusal({ dealType: "FLAT_GUARANTEE", guarantee: usd("1") }, "XYZ")).toEqual({ field: "currency", message: `"XYZ" is not a supported ISO 4217 currency code.` });
  });

  it("refuses percentages out of range or finer than hundredths", () => {
    for (const percentage of ["0", "100.01", "85.555", "-5", "eighty"]) {
      expect(refusal({ dealType: "DOOR_DEAL", percentage })?.field, percentage).toBe("percentage");
    }
    expect(refusal({ dealType: "DOOR_DEAL", percentage: "100" })).toBeNull();
  });

  it("takes ticket bonuses on every deal type, thresholds strictly rising, bonuses above zero", () => {
    const bonuses = (ticketBonuses: DealTermsInput["ticketBonuses"]) => refusal({ dealType: "DOOR_DEAL", percentage: "70", ticketBonuses });
    expect(bonuses([{ ticketsSold: 500, bonus: usd("250") }, { ticketsSold: 750, bonus: usd("500") }])).toBeNull();
    expect(bonuses([{ ticketsSold: 500, bonus: usd("250") }, { ticketsSold: 500, bonus: usd("500") }])).toEqual({
      field: "ticketBonuses[1].ticketsSold",
      message: "ticketBonuses[1].ticketsSold (500) must be higher than the bonus before it (500).",
    });
    expect(bonuses([{ ticketsSold: 0, bonus: usd("250") }])?.field).toBe("ticketBonuses[0].ticketsSold");
    expect(bonuses([{ ticketsSold: 1_000_001, bonus: usd("250") }])?.field).toBe("ticketBonuses[0].ticketsSold");
    expect(bonuses([{ ticketsSold: 10, bonus: usd("0") }])?.field).toBe("ticketBonuses[0].bonus");
    expect(bonuses(Array.from({ length: 21 }, (_, index) => ({ ticketsSold: index + 1, bonus: usd("1") })))?.field).toBe("ticketBonuses");
  });

  it("takes a deposit and a withholding rate on every deal type, and checks them", () => {
    for (const dealType of DEAL_TYPES) expect(TERMS_OF_DEAL_TYPE[dealType].optional).toEqual(expect.arrayContaining(["deposit", "withholdingRate"]));
    const terms = parseDealTerms({ dealType: "FLAT_GUARANTEE", guarantee: usd("10000"), deposit: usd("2500"), withholdingRate: "30" }, "USD");
    expect({ deposit: terms.deposit?.amount.toFixed(), withholdingRate: terms.withholdingRate?.toFixed() }).toEqual({ deposit: "2500", withholdingRate: "30" });
    const flat = { dealType: "FLAT_GUARANTEE", guarantee: usd("10000") } as const;
    expect(refusal({ ...flat, deposit: usd("0") })).toBeNull();
    expect(refusal({ ...flat, deposit: { amount: "2500", currency: "EUR" } })).toEqual({ field: "deposit", message: "The deposit is in EUR but the deal is in USD." });
    expect(refusal({ ...flat, deposit: usd("-1") })?.field).toBe("deposit");
    expect(refusal({ ...flat, deposit: usd("0.001") })?.field).toBe("deposit");
    for (const withholdingRate of ["0", "100.01", "30.125", "-30", "thirty"]) expect(refusal({ ...flat, withholdingRate })?.field, withholdingRate).toBe("withholdingRate");
    expect(refusal({ ...flat, withholdingRate: "100" })).toBeNull();
  });

  it("takes buyouts on every deal type: at most 10, labels of 1 to 100 characters, amounts above zero in the deal's currency", () => {
    for (const dealType of DEAL_TYPES) expect(TERMS_OF_DEAL_TYPE[dealType].optional).toContain("buyouts");
    const terms = parseDealTerms(
      { dealType: "DOOR_DEAL", percentage: "70", buyouts: [{ label: "  Catering buyout ", amount: usd("500") }, { label: "Hotel buyout", amount: usd("300.25") }] },
      "USD",
    );
    expect(terms.buyouts.map(({ label, amount }) => `${label}: ${amount.amount.toFixed()} ${amount.currency}`)).toEqual(["Catering buyout: 500 USD", "Hotel buyout: 300.25 USD"]);
    expect(parseDealTerms({ dealType: "DOOR_DEAL", percentage: "70" }, "USD").buyouts).toEqual([]);
    const buyouts = (list: DealTermsInput["buyouts"]) => refusal({ dealType: "FLAT_GUARANTEE", guarantee: usd("1000"), buyouts: list });
    expect(buyouts([{ label: "Catering buyout", amount: usd("500") }, { label: "Hotel buyout", amount: usd("0") }])).toEqual({
      field: "buyouts[1].amount",
      message: "The buyouts[1].amount must be more than zero.",
    });
    expect(buyouts([{ label: "Hotel", amount: { amount: "300", currency: "EUR" } }])).toEqual({ field: "buyouts[0].amount", message: "The buyouts[0].amount is in EUR but the deal is in USD." });
    expect(buyouts([{ label: "Hotel", amount: usd("-300") }])?.field).toBe("buyouts[0].amount");
    expect(buyouts([{ label: "Hotel", amount: usd("300.001") }])?.field).toBe("buyouts[0].amount");
    expect(buyouts([{ label: "   ", amount: usd("300") }])?.field).toBe("buyouts[0].label");
    expect(buyouts([{ label: "x".repeat(101), amount: usd("300") }])?.field).toBe("buyouts[0].label");
    expect(buyouts([{ label: "x".repeat(100), amount: usd("300") }])).toBeNull();
    expect(buyouts(Array.from({ length: 11 }, (_, index) => ({ label: `Buyout ${index}`, amount: usd("1") })))?.field).toBe("buyouts");
    expect(buyouts(Array.from({ length: 10 }, (_, index) => ({ label: `Buyout ${index}`, amount: usd("1") })))).toBeNull();
  });

  it("says which deals are paid by a ticket count", () => {
    expect(dealNeedsTicketCount(parseDealTerms({ dealType: "PER_TICKET", perTicket: usd("5") }, "USD"))).toBe(true);
    expect(dealNeedsTicketCount(parseDealTerms({ dealType: "DOOR_DEAL", percentage: "70", ticketBonuses: [{ ticketsSold: 10, bonus: usd("5") }] }, "USD"))).toBe(true);
    expect(dealNeedsTicketCount(parseDealTerms({ dealType: "DOOR_DEAL", percentage: "70" }, "USD"))).toBe(false);
  });
});
