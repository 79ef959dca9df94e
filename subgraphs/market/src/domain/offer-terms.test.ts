import { formatMoney, type DealTerms } from "@marquee/kit";
import { describe, expect, it } from "vitest";
import { assertOfferStillOpen, parseOfferTerms, type OfferTermsInput } from "./offer-terms.ts";

const usd = (amount: string) => ({ amount, currency: "USD" });
const refusal = (reason: "INVALID_DEAL_TERMS" | "INVALID_OFFER_TERMS", field: string, message: string) =>
  expect.objectContaining({ message, extensions: { code: "BAD_USER_INPUT", reason, field } });

/** The deal's terms in words, every term shown (null when not set). */
const shown = ({ type, currency, guarantee, percentage, perTicket, promoterProfit, expenseCap, ticketBonuses }: DealTerms) => ({
  type,
  currency,
  guarantee: guarantee && formatMoney(guarantee),
  percentage: percentage?.toFixed() ?? null,
  perTicket: perTicket && formatMoney(perTicket),
  promoterProfit: promoterProfit && (promoterProfit.kind === "AMOUNT" ? `${formatMoney(promoterProfit.amount)} ${promoterProfit.amount.currency}` : `${promoterProfit.percentage.toFixed()}% of expenses`),
  expenseCap: expenseCap && formatMoney(expenseCap),
  ticketBonuses: ticketBonuses.map(({ ticketsSold, bonus }) => `${ticketsSold}: ${formatMoney(bonus)} ${bonus.currency}`),
});

const none = { guarantee: null, percentage: null, perTicket: null, promoterProfit: null, expenseCap: null, ticketBonuses: [] };

describe("offer terms", () => {
  it("hold the deal as the kit parsed it, with the offer's expiry and radius clause", () => {
    const terms = parseOfferTerms({
      dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT",
      currency: "USD",
      guarantee: usd("9000.50"),
      percentage: "82.5",
      promoterProfit: { percentageOfExpenses: "15" },
      expenseCap: usd("12000"),
      ticketBonuses: [{ ticketsSold: 700, bonus: usd("1000") }, { ticketsSold: 800, bonus: usd("1500.25") }],
      offerExpiresAt: new Date("2026-06-01T00:00:00Z"),
      radiusClause: { kilometres: 300, daysBefore: 30, daysAfter: 15 },
    });
    expect(shown(terms.deal)).toEqual({
      type: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT",
      currency: "USD",
      guarantee: "9000.50",
      percentage: "82.5",
      perTicket: null,
      promoterProfit: "15% of expenses",
      expenseCap: "12000.00",
      ticketBonuses: ["700: 1000.00 USD", "800: 1500.25 USD"],
    });
    expect(terms.offerExpiresAt).toEqual(new Date("2026-06-01T00:00:00Z"));
    expect(terms.radiusClause).toEqual({ kilometres: 300, daysBefore: 30, daysAfter: 15 });

    const door = parseOfferTerms({ dealType: "DOOR_DEAL", currency: "JPY", percentage: "70" });
    expect([shown(door.deal), door.offerExpiresAt, door.radiusClause]).toEqual([{ ...none, type: "DOOR_DEAL", currency: "JPY", percentage: "70" }, null, null]);
  });

  const accepted: [string, OfferTermsInput, ReturnType<typeof shown>][] = [
    ["a flat guarantee", { dealType: "FLAT_GUARANTEE", currency: "JPY", guarantee: { amount: "3400000", currency: "JPY" } }, { ...none, type: "FLAT_GUARANTEE", currency: "JPY", guarantee: "3400000" }],
    [
      "a versus-net deal with a promoter profit amount and an expense cap",
      { dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", currency: "USD", guarantee: usd("8000"), percentage: "80", promoterProfit: { amount: usd("2500") }, expenseCap: usd("15000") },
      { ...none, type: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", currency: "USD", guarantee: "8000.00", percentage: "80", promoterProfit: "2500.00 USD", expenseCap: "15000.00" },
    ],
    [
      "a versus-gross deal",
      { dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS", currency: "EUR", guarantee: { amount: "6000", currency: "EUR" }, percentage: "60" },
      { ...none, type: "GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS", currency: "EUR", guarantee: "6000.00", percentage: "60" },
    ],
    [
      "a plus deal with neither promoter profit nor cap",
      { dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", currency: "USD", guarantee: usd("0"), percentage: "100" },
      { ...none, type: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", currency: "USD", guarantee: "0.00", percentage: "100" },
    ],
    [
      "a door deal after expenses with an expense cap",
      { dealType: "DOOR_DEAL_AFTER_EXPENSES", currency: "USD", percentage: "75.25", expenseCap: usd("0") },
      { ...none, type: "DOOR_DEAL_AFTER_EXPENSES", currency: "USD", percentage: "75.25", expenseCap: "0.00" },
    ],
    ["a door deal after expenses without cap", { dealType: "DOOR_DEAL_AFTER_EXPENSES", currency: "USD", percentage: "70" }, { ...none, type: "DOOR_DEAL_AFTER_EXPENSES", currency: "USD", percentage: "70" }],
    [
      "a per-ticket deal with a bonus",
      { dealType: "PER_TICKET", currency: "USD", perTicket: usd("4.50"), ticketBonuses: [{ ticketsSold: 500, bonus: usd("300") }] },
      { ...none, type: "PER_TICKET", currency: "USD", perTicket: "4.50", ticketBonuses: ["500: 300.00 USD"] },
    ],
    [
      "a per-ticket deal with a guarantee",
      { dealType: "PER_TICKET", currency: "USD", perTicket: usd("5"), guarantee: usd("2000") },
      { ...none, type: "PER_TICKET", currency: "USD", perTicket: "5.00", guarantee: "2000.00" },
    ],
  ];

  it.each(accepted)("accept %s, keeping exactly its terms", (_, input, expected) => {
    expect(shown(parseOfferTerms(input).deal)).toEqual(expected);
  });

  const refusedDeals: [string, OfferTermsInput, string, string][] = [
    ["a flat guarantee without guarantee", { dealType: "FLAT_GUARANTEE", currency: "USD" }, "guarantee", "A FLAT_GUARANTEE deal requires a guarantee."],
    ["a flat guarantee with a percentage", { dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("1"), percentage: "10" }, "percentage", "A FLAT_GUARANTEE deal does not take a percentage."],
    ["a flat guarantee with a per-ticket amount", { dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("1"), perTicket: usd("1") }, "perTicket", "A FLAT_GUARANTEE deal does not take a perTicket."],
    ["a versus-net deal without percentage", { dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", currency: "USD", guarantee: usd("1") }, "percentage", "A GUARANTEE_VERSUS_PERCENTAGE_OF_NET deal requires a percentage."],
    [
      "a versus-gross deal with a promoter profit",
      { dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS", currency: "USD", guarantee: usd("1"), percentage: "80", promoterProfit: { percentageOfExpenses: "15" } },
      "promoterProfit",
      "A GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS deal does not take a promoterProfit.",
    ],
    [
      "a versus-gross deal with an expense cap",
      { dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS", currency: "USD", guarantee: usd("1"), percentage: "80", expenseCap: usd("1") },
      "expenseCap",
      "A GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS deal does not take an expenseCap.",
    ],
    ["a plus deal without guarantee", { dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", currency: "USD", percentage: "80" }, "guarantee", "A GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT deal requires a guarantee."],
    ["a door deal with a guarantee", { dealType: "DOOR_DEAL", currency: "USD", guarantee: usd("1"), percentage: "70" }, "guarantee", "A DOOR_DEAL deal does not take a guarantee."],
    ["a door deal with an expense cap", { dealType: "DOOR_DEAL", currency: "USD", percentage: "70", expenseCap: usd("5000") }, "expenseCap", "A DOOR_DEAL deal does not take an expenseCap."],
    [
      "a door deal after expenses with a promoter profit",
      { dealType: "DOOR_DEAL_AFTER_EXPENSES", currency: "USD", percentage: "70", promoterProfit: { amount: usd("100") } },
      "promoterProfit",
      "A DOOR_DEAL_AFTER_EXPENSES deal does not take a promoterProfit.",
    ],
    ["a door deal after expenses without percentage", { dealType: "DOOR_DEAL_AFTER_EXPENSES", currency: "USD", expenseCap: usd("1") }, "percentage", "A DOOR_DEAL_AFTER_EXPENSES deal requires a percentage."],
    ["a per-ticket deal without perTicket", { dealType: "PER_TICKET", currency: "USD", guarantee: usd("2000") }, "perTicket", "A PER_TICKET deal requires a perTicket."],
    ["a per-ticket deal with a percentage", { dealType: "PER_TICKET", currency: "USD", perTicket: usd("5"), percentage: "10" }, "percentage", "A PER_TICKET deal does not take a percentage."],
    ["a per-ticket amount of zero", { dealType: "PER_TICKET", currency: "USD", perTicket: usd("0") }, "perTicket", "The perTicket must be more than zero."],
    [
      "a promoter profit with both a percentage and an amount",
      { dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", currency: "USD", guarantee: usd("1"), percentage: "80", promoterProfit: { percentageOfExpenses: "15", amount: usd("100") } },
      "promoterProfit",
      "The promoter profit takes exactly one of percentageOfExpenses and amount.",
    ],
    [
      "a promoter profit with neither",
      { dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", currency: "USD", guarantee: usd("1"), percentage: "80", promoterProfit: {} },
      "promoterProfit",
      "The promoter profit takes exactly one of percentageOfExpenses and amount.",
    ],
    [
      "a promoter profit of 0% of expenses",
      { dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", currency: "USD", guarantee: usd("1"), percentage: "80", promoterProfit: { percentageOfExpenses: "0" } },
      "promoterProfit.percentageOfExpenses",
      "The promoterProfit.percentageOfExpenses must be above 0 and at most 100, got 0.",
    ],
    [
      "an expense cap in another currency",
      { dealType: "DOOR_DEAL_AFTER_EXPENSES", currency: "EUR", percentage: "70", expenseCap: usd("1") },
      "expenseCap",
      "The expenseCap is in USD but the deal is in EUR.",
    ],
    ["an unknown currency", { dealType: "DOOR_DEAL", currency: "XYZ", percentage: "70" }, "currency", '"XYZ" is not a supported ISO 4217 currency code.'],
    ["cents of yen", { dealType: "FLAT_GUARANTEE", currency: "JPY", guarantee: { amount: "100.5", currency: "JPY" } }, "guarantee", `The guarantee "100.5" has more decimals than JPY's 0.`],
    ["a negative guarantee", { dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("-1") }, "guarantee", `The guarantee "-1" must be a plain decimal number of zero or more, e.g. "1200.50".`],
    ["a percentage above 100", { dealType: "DOOR_DEAL", currency: "USD", percentage: "100.01" }, "percentage", "The percentage must be above 0 and at most 100, got 100.01."],
    [
      "bonus thresholds that do not rise",
      { dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("1"), ticketBonuses: [{ ticketsSold: 500, bonus: usd("1") }, { ticketsSold: 500, bonus: usd("2") }] },
      "ticketBonuses[1].ticketsSold",
      "ticketBonuses[1].ticketsSold (500) must be higher than the bonus before it (500).",
    ],
    ["a bonus of zero", { dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("1"), ticketBonuses: [{ ticketsSold: 500, bonus: usd("0") }] }, "ticketBonuses[0].bonus", "The ticketBonuses[0].bonus must be more than zero."],
  ];

  it.each(refusedDeals)("refuse %s, naming the field (the kit's check)", (_, input, field, message) => {
    expect(() => parseOfferTerms(input)).toThrow(refusal("INVALID_DEAL_TERMS", field, message));
  });

  const refusedOffers: [string, OfferTermsInput, string, string][] = [
    ["a radius of 0 km", { dealType: "DOOR_DEAL", currency: "USD", percentage: "70", radiusClause: { kilometres: 0, daysBefore: 1, daysAfter: 1 } }, "radiusClause.kilometres", "The radius must be 1 to 20000 km (got 0)."],
    ["a radius over a year", { dealType: "DOOR_DEAL", currency: "USD", percentage: "70", radiusClause: { kilometres: 10, daysBefore: 1, daysAfter: 366 } }, "radiusClause.daysAfter", "radiusClause.daysAfter must be 0 to 365 (got 366)."],
    ["estimated expenses in another currency", { dealType: "DOOR_DEAL", currency: "EUR", percentage: "70", estimatedExpenses: usd("100") }, "estimatedExpenses", "The estimated expenses are in USD but the terms are in EUR."],
    ["negative estimated expenses", { dealType: "DOOR_DEAL", currency: "USD", percentage: "70", estimatedExpenses: usd("-0.01") }, "estimatedExpenses", `The estimated expenses "-0.01" must be a plain decimal number of zero or more, e.g. "14000.50".`],
    ["estimated expenses in cents of yen", { dealType: "DOOR_DEAL", currency: "JPY", percentage: "70", estimatedExpenses: { amount: "0.5", currency: "JPY" } }, "estimatedExpenses", `The estimated expenses "0.5" have more decimals than JPY's 0.`],
    ["estimated expenses beyond the column", { dealType: "DOOR_DEAL", currency: "USD", percentage: "70", estimatedExpenses: usd("1000000000000000") }, "estimatedExpenses", `The estimated expenses "1000000000000000" are too large.`],
  ];

  it.each(refusedOffers)("refuse %s, naming the field (Market's own check)", (_, input, field, message) => {
    expect(() => parseOfferTerms(input)).toThrow(refusal("INVALID_OFFER_TERMS", field, message));
  });

  it("keep the estimated expenses, exactly, when given, on any deal type", () => {
    const plus = parseOfferTerms({ dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", currency: "USD", guarantee: usd("12000"), percentage: "85", estimatedExpenses: usd("14000.5") });
    const door = parseOfferTerms({ dealType: "DOOR_DEAL", currency: "JPY", percentage: "70", estimatedExpenses: { amount: "0", currency: "JPY" } });
    const flat = parseOfferTerms({ dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("8000") });
    expect([plus.estimatedExpenses && formatMoney(plus.estimatedExpenses), door.estimatedExpenses && formatMoney(door.estimatedExpenses), flat.estimatedExpenses]).toEqual(["14000.50", "0", null]);
  });

  it("can be put on the table only before their expiry", () => {
    const terms = parseOfferTerms({ dealType: "DOOR_DEAL", currency: "USD", percentage: "70", offerExpiresAt: new Date("2026-05-01T12:00:00.000Z") });
    expect(() => assertOfferStillOpen(terms, new Date("2026-05-01T11:59:59.999Z"))).not.toThrow();
    expect(() => assertOfferStillOpen(terms, new Date("2026-05-01T12:00:00.000Z"))).toThrow(
      refusal("INVALID_OFFER_TERMS", "offerExpiresAt", "The offer would expire at 2026-05-01T12:00:00.000Z, which is not after now (2026-05-01T12:00:00.000Z)."),
    );
  });
});
