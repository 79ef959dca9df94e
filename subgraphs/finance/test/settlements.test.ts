// A settlement's lifecycle in the data layer: live figures while a draft, approval exactly
// once (even under 50 concurrent requests), frozen figures after it, no edits once
// approved, and no settlement over money in another currency.
import { type Tenant } from "@marquee/kit";
import { demoUsers } from "@marquee/kit/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeMoney, parseDealTerms, parseMoney, type Money } from "../src/domain/index.ts";
import type { FinanceData } from "../src/data/finance-data.ts";
import type { SettlementFiguresRecord } from "../src/data/records.ts";
import { openFinanceTestDatabase, type FinanceTestDatabase } from "./finance-test-database.ts";

const usd = (amount: string) => parseMoney(amount, "USD");
const chicagoTerms = {
  currency: "USD",
  dealTerms: parseDealTerms({ type: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: usd("8000.00"), percentage: "80" }),
  deductions: [
    { label: "Ticketing fees", amount: usd("1652.40") },
    { label: "Chicago amusement tax", amount: usd("2478.60") },
  ],
};

/** The sheet as a settlement statement prints it. */
const sheet = (figures: SettlementFiguresRecord) => figures.lines.map((line) => `${line.kind} ${line.label}: ${describeMoney(line.amount)}`);

const chicagoSheet = [
  "GROSS_TICKET_SALES Gross ticket sales: USD 27540.00",
  "DEDUCTION Ticketing fees: USD 1652.40",
  "DEDUCTION Chicago amusement tax: USD 2478.60",
  "ADJUSTED_GROSS Adjusted gross: USD 23409.00",
  "EXPENSE Production: USD 3200.00",
  "EXPENSE Marketing: USD 1150.00",
  "EXPENSE Hospitality: USD 640.00",
  "EXPENSE Staffing: USD 1800.00",
  "EXPENSE Venue rent: USD 4500.00",
  "TOTAL_EXPENSES Total expenses: USD 11290.00",
  "NET Net: USD 12119.00",
  "ARTIST_PAYOUT 80% of net (USD 9695.20) exceeds guarantee (USD 8000.00): USD 9695.20",
  "PROMOTER_RESULT Promoter profit: USD 2423.80",
];

let db: FinanceTestDatabase;
beforeAll(async () => {
  db = await openFinanceTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

/** A company of its own with the demo's Chicago show: its ticketing, its expenses, and a draft settlement with the headliner. */
async function chicagoShow() {
  const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
  const event = crypto.randomUUID();
  const artist = crypto.randomUUID();
  const finance = db.request(tenant);
  const spend = (category: "PRODUCTION" | "MARKETING" | "HOSPITALITY" | "STAFFING" | "VENUE_RENT", amount: Money) =>
    finance.expenses.record({ eventId: event, category, description: category.toLowerCase(), vendor: null, amount, incurredOn: "2026-05-10" });
  const production = await spend("PRODUCTION", usd("3200.00"));
  await spend("MARKETING", usd("1150.00"));
  await spend("HOSPITALITY", usd("640.00"));
  await spend("STAFFING", usd("1800.00"));
  await spend("VENUE_RENT", usd("4500.00"));
  const ticketing = await finance.incomes.record({
    eventId: event,
    source: "TICKETING",
    description: "Advance ticket sales",
    payer: "AXS",
    amount: usd("27540.00"),
    receivedOn: "2026-05-03",
  });
  // Bar takings are income, but not gross ticket sales: they stay off the sheet.
  await finance.incomes.record({ eventId: event, source: "BAR", description: "Bar", payer: null, amount: usd("5000.00"), receivedOn: "2026-05-10" });
  const settlement = await finance.settlements.create(event, artist, chicagoTerms);
  return { tenant, event, artist, settlement, production, ticketing, request: () => db.request(tenant) };
}

const statusOf = async (finance: FinanceData, id: string) => (await finance.settlements.find(id))?.status;

describe("a draft settlement", () => {
  it("shows the waterfall live, from the event's current ticketing income and expenses", async () => {
    const show = await chicagoShow();
    expect(sheet(await show.request().settlements.figures(show.settlement))).toEqual(chicagoSheet);

    await show.request().expenses.update(show.production.id, { amount: usd("3300.00") });
    const figures = await show.request().settlements.figures(show.settlement);
    expect(figures.frozen).toBe(false);
    expect(describeMoney(figures.net)).toBe("USD 12019.00");
  });

  it("can be edited: parts given replace the old ones, the rest is kept", async () => {
    const show = await chicagoShow();
    const updated = await show.request().settlements.update(show.settlement.id, { deductions: [{ label: "Ticketing fees", amount: usd("1000.00") }] });
    const terms = updated.dealTerms;
    expect(terms.type === "GUARANTEE_VERSUS_PERCENTAGE_OF_NET" && [describeMoney(terms.guarantee), terms.percentage.toFixed()]).toEqual(["USD 8000.00", "80"]);
    const figures = await show.request().settlements.figures(updated);
    expect(describeMoney(figures.adjustedGross)).toBe("USD 26540.00");
  });

  it("is one per event and artist", async () => {
    const show = await chicagoShow();
    await expect(show.request().settlements.create(show.event, show.artist, chicagoTerms)).rejects.toMatchObject({
      message: `Artist "${show.artist}" already has a settlement for event "${show.event}"; update that one instead.`,
      extensions: { code: "BAD_USER_INPUT" },
    });
  });
});

describe("approval", () => {
  it("freezes the figures: later changes to the event's expenses and income no longer move them", async () => {
    const show = await chicagoShow();
    const approved = await show.request().settlements.approve(show.settlement.id);
    expect(approved.status).toBe("APPROVED");
    expect(approved.approval).toEqual({ approvedAt: expect.any(String), approvedBy: demoUsers.alice.id });

    await show.request().expenses.update(show.production.id, { amount: usd("9999.00") });
    await show.request().incomes.remove(show.ticketing.id);

    const stored = (await show.request().settlements.find(show.settlement.id))!;
    const figures = await show.request().settlements.figures(stored);
    expect(figures.frozen).toBe(true);
    expect(sheet(figures)).toEqual(chicagoSheet);
    expect(describeMoney(figures.artistPayout)).toBe("USD 9695.20");
    expect(describeMoney(figures.promoterResult)).toBe("USD 2423.80");
  });

  it("happens exactly once when 50 requests approve the same settlement at the same time", async () => {
    const show = await chicagoShow();
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => show.request().settlements.approve(show.settlement.id)));

    const approvals = results.filter((result) => result.status === "fulfilled");
    const refusals = results.flatMap((result) => (result.status === "rejected" ? [result.reason as Error] : []));
    expect(approvals).toHaveLength(1);
    expect(refusals).toHaveLength(49);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ name: "IllegalSettlementTransitionError", from: "APPROVED", to: "APPROVED" });
    }
    const [lines] = await db.sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM finance.settlement_line WHERE settlement_id = $1`, [show.settlement.id]);
    expect(lines!.count).toBe(chicagoSheet.length);
  });

  it("refuses a settlement whose event has an expense in another currency, naming it, and writes nothing", async () => {
    const show = await chicagoShow();
    const euros = await show.request().expenses.record({
      eventId: show.event,
      category: "TRAVEL",
      description: "Flights from Berlin",
      vendor: null,
      amount: parseMoney("900.00", "EUR"),
      incurredOn: "2026-05-08",
    });
    const named = { name: "CurrencyMismatchError", message: `Expense "${euros.id}" (Flights from Berlin) is in EUR but USD was expected` };
    await expect(show.request().settlements.figures(show.settlement)).rejects.toMatchObject(named);
    await expect(show.request().settlements.approve(show.settlement.id)).rejects.toMatchObject(named);

    expect(await statusOf(show.request(), show.settlement.id)).toBe("DRAFT");
    const [lines] = await db.sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM finance.settlement_line WHERE settlement_id = $1`, [show.settlement.id]);
    expect(lines!.count).toBe(0);
  });

  it("refuses ticketing income in another currency, naming it", async () => {
    const show = await chicagoShow();
    const pounds = await show.request().incomes.record({
      eventId: show.event,
      source: "TICKETING",
      description: "UK presale",
      payer: null,
      amount: parseMoney("500.00", "GBP"),
      receivedOn: "2026-05-01",
    });
    await expect(show.request().settlements.approve(show.settlement.id)).rejects.toMatchObject({
      name: "CurrencyMismatchError",
      message: `Ticketing income "${pounds.id}" (UK presale) is in GBP but USD was expected`,
    });
  });
});

describe("an approved settlement", () => {
  it("refuses edits and deletion, naming its state, and stays as it was", async () => {
    const show = await chicagoShow();
    await show.request().settlements.approve(show.settlement.id);
    const notEditable = { name: "SettlementNotEditableError", message: "The settlement is APPROVED; only DRAFT settlements can be edited" };
    await expect(show.request().settlements.update(show.settlement.id, { deductions: [] })).rejects.toMatchObject(notEditable);
    await expect(show.request().settlements.remove(show.settlement.id)).rejects.toMatchObject(notEditable);

    const deductions = await show.request().settlements.deductions(show.settlement);
    expect(deductions.map((deduction) => deduction.label)).toEqual(["Ticketing fees", "Chicago amusement tax"]);
    expect(await statusOf(show.request(), show.settlement.id)).toBe("APPROVED");
  });

  it("is marked paid once, with its payment's reference and day", async () => {
    const show = await chicagoShow();
    await expect(show.request().settlements.markPaid(show.settlement.id, { reference: "WIRE-1", paidOn: "2026-05-20" })).rejects.toMatchObject({
      name: "IllegalSettlementTransitionError",
      message: "A settlement cannot move from DRAFT to PAID: from DRAFT it can only move to APPROVED",
    });
    await show.request().settlements.approve(show.settlement.id);
    const paid = await show.request().settlements.markPaid(show.settlement.id, { reference: "WIRE-1", paidOn: "2026-05-20" });
    expect(paid.status).toBe("PAID");
    expect(paid.payment).toEqual({ reference: "WIRE-1", paidOn: "2026-05-20", recordedAt: expect.any(String), recordedBy: demoUsers.alice.id });
    await expect(show.request().settlements.markPaid(show.settlement.id, { reference: "WIRE-2", paidOn: "2026-05-21" })).rejects.toMatchObject({
      message: "A settlement cannot move from PAID to PAID: PAID is final",
    });
    expect((await show.request().settlements.find(show.settlement.id))?.payment?.reference).toBe("WIRE-1");
  });
});

describe("a draft's terms", () => {
  it("stay in the settlement's currency: a new currency must come with terms in it", async () => {
    const show = await chicagoShow();
    await expect(show.request().settlements.update(show.settlement.id, { currency: "EUR" })).rejects.toMatchObject({
      name: "CurrencyMismatchError",
      message: "The deal's guarantee is in USD but EUR was expected",
    });
    const eur = (amount: string) => parseMoney(amount, "EUR");
    await expect(
      show.request().settlements.update(show.settlement.id, {
        currency: "EUR",
        dealTerms: parseDealTerms({ type: "FLAT_GUARANTEE", guarantee: eur("7000.00") }),
      }),
    ).rejects.toMatchObject({ message: 'Deduction "Ticketing fees" is in USD but EUR was expected' });

    const switched = await show.request().settlements.update(show.settlement.id, {
      currency: "EUR",
      dealTerms: parseDealTerms({ type: "FLAT_GUARANTEE", guarantee: eur("7000.00") }),
      deductions: [{ label: "VAT", amount: eur("100.00") }],
    });
    expect(switched.currency).toBe("EUR");
    const deductions = await show.request().settlements.deductions(switched);
    expect(deductions.map((deduction) => describeMoney(deduction.amount))).toEqual(["EUR 100.00"]);
  });

  it("are deleted with a deleted draft, which is returned as it was", async () => {
    const show = await chicagoShow();
    const finance = show.request();
    const deleted = await finance.settlements.remove(show.settlement.id);
    expect(deleted.id).toBe(show.settlement.id);
    expect((await finance.settlements.deductions(deleted)).map((deduction) => deduction.label)).toEqual(["Ticketing fees", "Chicago amusement tax"]);
    expect(await show.request().settlements.find(show.settlement.id)).toBeNull();
    const [rows] = await db.sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM finance.settlement_deduction WHERE settlement_id = $1`, [show.settlement.id]);
    expect(rows!.count).toBe(0);
  });
});
