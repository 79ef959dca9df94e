import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { formatMoney, parseDealTerms } from "@marquee/kit";
import { parseMoney, type Money } from "./money.ts";
import { assertDeduction, computeDeductions, type Deduction } from "./settlement-deductions.ts";
import { computeSettlement } from "./settlement-waterfall.ts";

const eur = (amount: string) => parseMoney(amount, "EUR");
const usd = (amount: string) => parseMoney(amount, "USD");
const rate = (percent: string) => new Decimal(percent);
const shown = (money: Money | null) => money && `${money.currency} ${formatMoney(money)}`;
/** Each deduction as the sheet prints it: its line, its base, its amount. */
const worked = (gross: Money, deductions: readonly Deduction[], ticketsSold: number | null = null) =>
  computeDeductions(gross, deductions, ticketsSold).map((figures) => [figures.line, shown(figures.base), shown(figures.amount)]);

/** The Harbor Hall demo's jazz night: EUR 13,195.00 of tickets, a 3% ticketing fee, then 7% VAT included in the price. */
const harborGross = eur("13195.00");
const harborFees: Deduction = { label: "Ticketing fees", basis: "PERCENTAGE_OF_GROSS", rate: rate("3") };
const harborVat: Deduction = { label: "VAT", basis: "TAX_INCLUDED_IN_PRICE", rate: rate("7") };

describe("deductions worked out from a rate", () => {
  it("take VAT included in the price off the gross less the fees above it: the Harbor Hall demo's 837.33", () => {
    // Fees: 3% × 13,195.00 = 395.85 exactly.
    // VAT: the base is 13,195.00 − 395.85 = 12,799.15; VAT inside a price is base × 7 / 107
    // = 89,594.05 / 107 = 837.3275700… → 837.33 (half up to cents).
    expect(worked(harborGross, [harborFees, harborVat])).toEqual([
      ["Ticketing fees (3% of EUR 13195.00)", "EUR 13195.00", "EUR 395.85"],
      ["VAT (7% included in EUR 12799.15)", "EUR 12799.15", "EUR 837.33"],
    ]);
    // Entered before the fees, the VAT would be charged on them too: 13,195.00 × 7 / 107 =
    // 92,365 / 107 = 863.2242990… → 863.22, the figure the demo used to take as a flat amount.
    expect(worked(harborGross, [harborVat, harborFees])).toEqual([
      ["VAT (7% included in EUR 13195.00)", "EUR 13195.00", "EUR 863.22"],
      ["Ticketing fees (3% of EUR 12331.78)", "EUR 12331.78", "EUR 369.95"],
    ]);
  });

  it("settle the Harbor Hall door deal on them: adjusted gross 11,961.82, the quartet 8,373.27, the promoter 1,488.55", () => {
    const waterfall = computeSettlement({
      bill: [{ artistId: "elbe-quartet", dealTerms: parseDealTerms({ dealType: "DOOR_DEAL", percentage: "70" }, "EUR") }],
      currency: "EUR",
      grossTicketSales: harborGross,
      deductions: [harborFees, harborVat],
      expenses: [
        { id: "print", category: "MARKETING", description: "Print ads and flyers", amount: eur("600.00") },
        { id: "sound", category: "PRODUCTION", description: "Sound engineer and backline", amount: eur("1500.00") },
      ],
      ticketsSold: null,
    });
    // Deductions 395.85 + 837.33 = 1,233.18; adjusted gross 13,195.00 − 1,233.18 = 11,961.82;
    // the quartet 70% × 11,961.82 = 8,373.274 → 8,373.27; expenses 600 + 1,500 = 2,100;
    // net 11,961.82 − 2,100 = 9,861.82; promoter 9,861.82 − 8,373.27 = 1,488.55.
    expect(waterfall.lines.map((line) => [line.kind, line.label, formatMoney(line.amount)])).toEqual([
      ["GROSS_TICKET_SALES", "Gross ticket sales", "13195.00"],
      ["DEDUCTION", "Ticketing fees (3% of EUR 13195.00)", "395.85"],
      ["DEDUCTION", "VAT (7% included in EUR 12799.15)", "837.33"],
      ["ADJUSTED_GROSS", "Adjusted gross", "11961.82"],
      ["EXPENSE", "Production", "1500.00"],
      ["EXPENSE", "Marketing", "600.00"],
      ["TOTAL_EXPENSES", "Total expenses", "2100.00"],
      ["NET", "Net", "9861.82"],
      ["ARTIST_PAYOUT", "70% of adjusted gross (EUR 8373.27)", "8373.27"],
      ["PROMOTER_RESULT", "Promoter profit", "1488.55"],
    ]);
    expect([shown(waterfall.deductions), waterfall.deductionFigures.map((figures) => shown(figures.base))]).toEqual(["EUR 1233.18", ["EUR 13195.00", "EUR 12799.15"]]);
    // No deal or deduction reads the paid tickets.
    expect(waterfall.ticketsSold).toBeNull();
  });

  it("add a tax charged on top of the takings as rate × base / 100, after the fees", () => {
    // Chicago's tickets: 27,540.00; fees 6% = 1,652.40; a 9% amusement tax on 27,540.00 − 1,652.40
    // = 25,887.60 is 2,329.884 → 2,329.88.
    expect(
      worked(usd("27540.00"), [
        { label: "Ticketing fees", basis: "PERCENTAGE_OF_GROSS", rate: rate("6") },
        { label: "Chicago amusement tax", basis: "TAX_ADDED_TO_PRICE", rate: rate("9") },
      ]),
    ).toEqual([
      ["Ticketing fees (6% of USD 27540.00)", "USD 27540.00", "USD 1652.40"],
      ["Chicago amusement tax (9% on USD 25887.60)", "USD 25887.60", "USD 2329.88"],
    ]);
  });

  it("take a rate of the gross less every deduction above it, flat and per ticket ones included", () => {
    // 10,000.00 − 500.00 flat − 1.50 × 400 = 600.00 per ticket = 8,900.00; 10% of it = 890.00.
    expect(
      worked(
        usd("10000.00"),
        [
          { label: "Facility charge", basis: "FLAT", amount: usd("500.00") },
          { label: "Restoration fee", basis: "PER_TICKET", perTicket: usd("1.50") },
          { label: "Booking fee", basis: "PERCENTAGE_OF_GROSS", rate: rate("10") },
        ],
        400,
      ),
    ).toEqual([
      ["Facility charge", null, "USD 500.00"],
      ["Restoration fee (USD 1.50 × 400 paid tickets)", null, "USD 600.00"],
      ["Booking fee (10% of USD 8900.00)", "USD 8900.00", "USD 890.00"],
    ]);
  });

  it("round each amount half up to the currency's minor units as it is produced", () => {
    // 0.5% of 1.00 = 0.005 → 0.01; the next base is 1.00 − 0.01 = 0.99, and 0.5% of it 0.00495 → 0.00.
    const half: Deduction = { label: "Levy", basis: "PERCENTAGE_OF_GROSS", rate: rate("0.5") };
    expect(worked(usd("1.00"), [half, half])).toEqual([
      ["Levy (0.5% of USD 1.00)", "USD 1.00", "USD 0.01"],
      ["Levy (0.5% of USD 0.99)", "USD 0.99", "USD 0.00"],
    ]);
    // Yen have no minor units: 7% VAT inside ¥10,000 is 70,000 / 107 = 654.2056… → ¥654.
    expect(worked(parseMoney("10000", "JPY"), [{ label: "Consumption tax", basis: "TAX_INCLUDED_IN_PRICE", rate: rate("7") }])).toEqual([
      ["Consumption tax (7% included in JPY 10000)", "JPY 10000", "JPY 654"],
    ]);
  });

  it("take nothing of nothing: a base the deductions above have passed counts as zero", () => {
    expect(worked(usd("100.00"), [{ label: "Guarantee to the hall", basis: "FLAT", amount: usd("120.00") }, { label: "VAT", basis: "TAX_INCLUDED_IN_PRICE", rate: rate("19") }])).toEqual([
      ["Guarantee to the hall", null, "USD 120.00"],
      ["VAT (19% included in USD 0.00)", "USD 0.00", "USD 0.00"],
    ]);
  });
});

describe("a deduction per paid ticket", () => {
  it("reads the event's paid tickets, which the sheet then shows even when no deal does", () => {
    const waterfall = computeSettlement({
      bill: [{ artistId: "headliner", dealTerms: parseDealTerms({ dealType: "FLAT_GUARANTEE", guarantee: { amount: "5000.00", currency: "USD" } }, "USD") }],
      currency: "USD",
      grossTicketSales: usd("27540.00"),
      deductions: [{ label: "Facility fee", basis: "PER_TICKET", perTicket: usd("1.25") }],
      expenses: [],
      ticketsSold: 612,
    });
    // 1.25 × 612 = 765.00; adjusted gross 27,540.00 − 765.00 = 26,775.00.
    expect([waterfall.lines[1]?.label, shown(waterfall.deductions), shown(waterfall.adjustedGross), waterfall.ticketsSold]).toEqual([
      "Facility fee (USD 1.25 × 612 paid tickets)",
      "USD 765.00",
      "USD 26775.00",
      612,
    ]);
  });

  it("is never worked out on a guess: without the count the computation stops", () => {
    expect(() =>
      computeSettlement({
        bill: [{ artistId: "headliner", dealTerms: parseDealTerms({ dealType: "FLAT_GUARANTEE", guarantee: { amount: "5000.00", currency: "USD" } }, "USD") }],
        currency: "USD",
        grossTicketSales: usd("1000.00"),
        deductions: [{ label: "Facility fee", basis: "PER_TICKET", perTicket: usd("1.25") }],
        expenses: [],
        ticketsSold: null,
      }),
    ).toThrow("A deduction per paid ticket was settled without a ticket count.");
  });
});

describe("a deduction's terms", () => {
  const refused = (deduction: Deduction, message: string) =>
    expect(() => assertDeduction(deduction, "USD")).toThrow(expect.objectContaining({ reason: expect.stringMatching(/INVALID_SETTLEMENT_INPUT|CURRENCY_MISMATCH/), message }));

  it("take a rate above 0 and at most 100, with at most 2 decimals", () => {
    expect(() => assertDeduction({ label: "VAT", basis: "TAX_INCLUDED_IN_PRICE", rate: rate("100") }, "USD")).not.toThrow();
    expect(() => assertDeduction({ label: "VAT", basis: "TAX_INCLUDED_IN_PRICE", rate: rate("0.01") }, "USD")).not.toThrow();
    refused({ label: "VAT", basis: "TAX_INCLUDED_IN_PRICE", rate: rate("0") }, 'Deduction "VAT" must have a rate above 0 and at most 100, with at most 2 decimals (got 0)');
    refused({ label: "VAT", basis: "TAX_ADDED_TO_PRICE", rate: rate("100.01") }, 'Deduction "VAT" must have a rate above 0 and at most 100, with at most 2 decimals (got 100.01)');
    refused({ label: "Fees", basis: "PERCENTAGE_OF_GROSS", rate: rate("2.125") }, 'Deduction "Fees" must have a rate above 0 and at most 100, with at most 2 decimals (got 2.125)');
  });

  it("take an amount per ticket above zero, and amounts in the settlement's currency", () => {
    refused({ label: "Facility fee", basis: "PER_TICKET", perTicket: usd("0.00") }, 'Deduction "Facility fee" must take more than zero per paid ticket');
    refused({ label: "Facility fee", basis: "PER_TICKET", perTicket: eur("1.00") }, 'Deduction "Facility fee" is in EUR but USD was expected');
    refused({ label: "Fees", basis: "FLAT", amount: eur("1.00") }, 'Deduction "Fees" is in EUR but USD was expected');
    refused({ label: "Refunds", basis: "FLAT", amount: usd("-1.00") }, 'Deduction "Refunds" cannot be negative');
  });
});
