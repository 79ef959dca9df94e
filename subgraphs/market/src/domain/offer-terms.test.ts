import { formatMoney } from "@marquee/kit";
import { describe, expect, it } from "vitest";
import { assertOfferStillOpen, parseOfferTerms, type OfferTermsInput } from "./offer-terms.ts";

const usd = (amount: string) => ({ amount, currency: "USD" });
const refusal = (field: string, message: string) =>
  expect.objectContaining({ message, extensions: { code: "BAD_USER_INPUT", reason: "INVALID_OFFER_TERMS", field } });

describe("offer terms", () => {
  it("keep exactly the money each deal type is computed from", () => {
    const split = parseOfferTerms({
      dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT",
      currency: "USD",
      guarantee: usd("9000.50"),
      percentage: "82.5",
      splitPoint: usd("20000"),
      ticketBonuses: [{ ticketsSold: 700, bonus: usd("1000") }, { ticketsSold: 800, bonus: usd("1500.25") }],
      offerExpiresAt: new Date("2026-06-01T00:00:00Z"),
      radiusClause: { kilometres: 300, daysBefore: 30, daysAfter: 15 },
    });
    expect([formatMoney(split.guarantee!), split.percentage!.toFixed(), formatMoney(split.splitPoint!)]).toEqual(["9000.50", "82.5", "20000.00"]);
    expect(split.ticketBonuses.map(({ ticketsSold, bonus }) => `${ticketsSold}: ${formatMoney(bonus)}`)).toEqual(["700: 1000.00", "800: 1500.25"]);
    expect(split.radiusClause).toEqual({ kilometres: 300, daysBefore: 30, daysAfter: 15 });

    const door = parseOfferTerms({ dealType: "DOOR_DEAL", currency: "JPY", percentage: "70" });
    expect([door.guarantee, door.splitPoint, door.ticketBonuses, door.offerExpiresAt, door.radiusClause]).toEqual([null, null, [], null, null]);
    expect(formatMoney(parseOfferTerms({ dealType: "FLAT_GUARANTEE", currency: "JPY", guarantee: { amount: "3400000", currency: "JPY" } }).guarantee!)).toBe("3400000");
  });

  const cases: [string, OfferTermsInput, string, string][] = [
    ["a flat guarantee without guarantee", { dealType: "FLAT_GUARANTEE", currency: "USD" }, "guarantee", "A FLAT_GUARANTEE deal requires a guarantee."],
    ["a flat guarantee with a percentage", { dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("1"), percentage: "10" }, "percentage", "A FLAT_GUARANTEE deal does not take a percentage."],
    ["a versus deal without percentage", { dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", currency: "USD", guarantee: usd("1") }, "percentage", "A GUARANTEE_VERSUS_PERCENTAGE_OF_NET deal requires a percentage."],
    ["a versus deal with a split point", { dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", currency: "USD", guarantee: usd("1"), percentage: "80", splitPoint: usd("1") }, "splitPoint", "A GUARANTEE_VERSUS_PERCENTAGE_OF_NET deal does not take a splitPoint."],
    ["a split deal without split point", { dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", currency: "USD", guarantee: usd("1"), percentage: "80" }, "splitPoint", "A GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT deal requires a splitPoint."],
    ["a door deal with a guarantee", { dealType: "DOOR_DEAL", currency: "USD", guarantee: usd("1"), percentage: "70" }, "guarantee", "A DOOR_DEAL deal does not take a guarantee."],
    ["an unknown currency", { dealType: "DOOR_DEAL", currency: "XYZ", percentage: "70" }, "currency", '"XYZ" is not a supported ISO 4217 currency code.'],
    ["a guarantee in another currency", { dealType: "FLAT_GUARANTEE", currency: "EUR", guarantee: usd("1") }, "guarantee", "The guarantee is in USD but the terms are in EUR."],
    ["cents of yen", { dealType: "FLAT_GUARANTEE", currency: "JPY", guarantee: { amount: "100.5", currency: "JPY" } }, "guarantee", `The guarantee "100.5" has more decimals than JPY's 0.`],
    ["a negative guarantee", { dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("-1") }, "guarantee", `The guarantee "-1" must be a plain decimal number of zero or more, e.g. "1200.50".`],
    ["a guarantee numeric(19,4) cannot hold", { dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("1000000000000000") }, "guarantee", `The guarantee "1000000000000000" is too large.`],
    ["a percentage above 100", { dealType: "DOOR_DEAL", currency: "USD", percentage: "100.01" }, "percentage", "The percentage must be above 0 and at most 100, got 100.01."],
    ["a percentage of zero", { dealType: "DOOR_DEAL", currency: "USD", percentage: "0" }, "percentage", "The percentage must be above 0 and at most 100, got 0."],
    ["a percentage with 3 decimals", { dealType: "DOOR_DEAL", currency: "USD", percentage: "70.125" }, "percentage", `The percentage "70.125" must be a decimal number of percent with at most 2 decimals, e.g. "85" or "82.5".`],
    ["bonus thresholds that do not rise", { dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("1"), ticketBonuses: [{ ticketsSold: 500, bonus: usd("1") }, { ticketsSold: 500, bonus: usd("2") }] }, "ticketBonuses[1]", "ticketBonuses[1].ticketsSold (500) must be higher than the bonus before it (500)."],
    ["a bonus of zero", { dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("1"), ticketBonuses: [{ ticketsSold: 500, bonus: usd("0") }] }, "ticketBonuses[0].bonus", "The ticketBonuses[0].bonus must be more than zero."],
    ["a bonus at zero tickets", { dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("1"), ticketBonuses: [{ ticketsSold: 0, bonus: usd("1") }] }, "ticketBonuses[0]", "ticketBonuses[0].ticketsSold must be a whole number from 1 to 1000000 (got 0)."],
    ["a bonus past any event's capacity", { dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("1"), ticketBonuses: [{ ticketsSold: 2 ** 31 - 1, bonus: usd("1") }] }, "ticketBonuses[0]", "ticketBonuses[0].ticketsSold must be a whole number from 1 to 1000000 (got 2147483647)."],
    ["a radius of 0 km", { dealType: "DOOR_DEAL", currency: "USD", percentage: "70", radiusClause: { kilometres: 0, daysBefore: 1, daysAfter: 1 } }, "radiusClause.kilometres", "The radius must be 1 to 20000 km (got 0)."],
    ["a radius over a year", { dealType: "DOOR_DEAL", currency: "USD", percentage: "70", radiusClause: { kilometres: 10, daysBefore: 1, daysAfter: 366 } }, "radiusClause.daysAfter", "radiusClause.daysAfter must be 0 to 365 (got 366)."],
  ];

  it.each(cases)("refuse %s, naming the field", (_, input, field, message) => {
    expect(() => parseOfferTerms(input)).toThrow(refusal(field, message));
  });

  it("can be put on the table only before their expiry", () => {
    const terms = parseOfferTerms({ dealType: "DOOR_DEAL", currency: "USD", percentage: "70", offerExpiresAt: new Date("2026-05-01T12:00:00.000Z") });
    expect(() => assertOfferStillOpen(terms, new Date("2026-05-01T11:59:59.999Z"))).not.toThrow();
    expect(() => assertOfferStillOpen(terms, new Date("2026-05-01T12:00:00.000Z"))).toThrow(
      refusal("offerExpiresAt", "The offer would expire at 2026-05-01T12:00:00.000Z, which is not after now (2026-05-01T12:00:00.000Z)."),
    );
  });
});
