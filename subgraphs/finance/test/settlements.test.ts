// A settlement's lifecycle in the data layer: live figures while a draft, approval exactly
// once (even under 50 concurrent requests), frozen figures after it (the ticket count, the
// promoter profit and the split point with them), no edits once approved, no settlement
// over money in another currency, and the deal forms of the kit's vocabulary on stored
// terms. The data layer is given the event's paid tickets; the resolvers read them from
// Base (ticket-count.test.ts, finance.e2e.test.ts).
import { formatMoney, parseDealTerms, type DealTermsInput, type Tenant } from "@marquee/kit";
import { demoUsers } from "@marquee/kit/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMoney, type ExpenseCategory, type Money, type SettlementTerms } from "../src/domain/index.ts";
import type { FinanceData } from "../src/data/finance-data.ts";
import type { SettlementFiguresRecord } from "../src/data/records.ts";
import { openFinanceTestDatabase, type FinanceTestDatabase } from "./finance-test-database.ts";

const usd = (amount: string) => parseMoney(amount, "USD");
const dollars = (amount: string) => ({ amount, currency: "USD" });
/** Money as a settlement statement prints it. */
const describeMoney = (money: Money) => `${money.currency} ${formatMoney(money)}`;
/** The Chicago show's terms: a one-act bill, the headliner on $8,000 versus 80% of net. */
const chicagoTerms = (headliner: string): SettlementTerms => ({
  currency: "USD",
  bill: [{ artistId: headliner, dealTerms: parseDealTerms({ dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: dollars("8000.00"), percentage: "80" }, "USD") }],
  deductions: [
    { basis: "FLAT", label: "Ticketing fees", amount: usd("1652.40") },
    { basis: "FLAT", label: "Chicago amusement tax", amount: usd("2478.60") },
  ],
});

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
  const settlement = await finance.settlements.create(event, chicagoTerms(artist));
  return { tenant, event, artist, settlement, production, ticketing, request: () => db.request(tenant) };
}

const statusOf = async (finance: FinanceData, id: string) => (await finance.settlements.find(id))?.status;

describe("a draft settlement", () => {
  it("shows the waterfall live, from the event's current ticketing income and expenses", async () => {
    const show = await chicagoShow();
    expect(sheet(await show.request().settlements.figures(show.settlement, null))).toEqual(chicagoSheet);

    await show.request().expenses.update(show.production.id, { amount: usd("3300.00") });
    const figures = await show.request().settlements.figures(show.settlement, null);
    expect(figures.frozen).toBe(false);
    expect(describeMoney(figures.net)).toBe("USD 12019.00");
  });

  it("names the contract an act is paid under, a contract paying one act, whoever races to name it twice", async () => {
    const show = await chicagoShow();
    const contractId = crypto.randomUUID();
    const onContract = (artistId: string) => ({ ...chicagoTerms(artistId), bill: chicagoTerms(artistId).bill.map((act) => ({ ...act, contractId })) });
    // Ten requests race to settle ten shows on one contract: the unique (company, contract) lets one through.
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => show.request().settlements.create(crypto.randomUUID(), onContract(crypto.randomUUID()))),
    );
    const opened = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    expect(opened).toHaveLength(1);
    expect(opened[0]!.bill[0]!.contractId).toBe(contractId);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "bill" } });
    }
    const acts = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM finance.settlement_act WHERE company_id = $1 AND contract_id = $2`, [show.tenant.companyId, contractId]);
    expect(acts[0]!.n).toBe(1);
    const settlements = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM finance.settlement WHERE company_id = $1`, [show.tenant.companyId]);
    // The Chicago draft and the one that won: a refused create leaves no settlement behind.
    expect(settlements[0]!.n).toBe(2);
    const found = await show.request().settlements.actOfContract.load(contractId);
    expect(found?.settlement.id).toBe(opened[0]!.id);
  });

  it("can be edited: parts given replace the old ones, the rest is kept", async () => {
    const show = await chicagoShow();
    const updated = await show.request().settlements.update(show.settlement.id, { deductions: [{ basis: "FLAT", label: "Ticketing fees", amount: usd("1000.00") }] });
    const terms = updated.bill[0]!.dealTerms;
    expect([terms.type, terms.guarantee && describeMoney(terms.guarantee), terms.percentage?.toFixed()]).toEqual(["GUARANTEE_VERSUS_PERCENTAGE_OF_NET", "USD 8000.00", "80"]);
    const figures = await show.request().settlements.figures(updated, null);
    expect(describeMoney(figures.adjustedGross)).toBe("USD 26540.00");
  });

  it("is one per event, whoever asks for a second one, at the same time or not", async () => {
    const show = await chicagoShow();
    const refusal = {
      message: `Event "${show.event}" already has a settlement ("${show.settlement.id}"); a show is settled once, over its whole bill: update that one instead.`,
      extensions: { code: "BAD_USER_INPUT", eventId: show.event, settlementId: show.settlement.id },
    };
    await expect(show.request().settlements.create(show.event, chicagoTerms(crypto.randomUUID()))).rejects.toMatchObject(refusal);

    // Ten requests race to open another show's settlement: the unique (company, event) lets one through.
    const event = crypto.randomUUID();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => show.request().settlements.create(event, chicagoTerms(crypto.randomUUID()))));
    const opened = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    expect(opened).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toMatchObject({ extensions: { code: "BAD_USER_INPUT", settlementId: opened[0]!.id } });
    }
  });
});

describe("approval", () => {
  it("freezes the figures: later changes to the event's expenses and income no longer move them", async () => {
    const show = await chicagoShow();
    const approved = await show.request().settlements.approve(show.settlement.id, null);
    expect(approved.status).toBe("APPROVED");
    expect(approved.approval).toEqual({ approvedAt: expect.any(String), approvedBy: demoUsers.alice.id });

    await show.request().expenses.update(show.production.id, { amount: usd("9999.00") });
    await show.request().incomes.remove(show.ticketing.id);

    const stored = (await show.request().settlements.find(show.settlement.id))!;
    const figures = await show.request().settlements.figures(stored, null);
    expect(figures.frozen).toBe(true);
    expect(sheet(figures)).toEqual(chicagoSheet);
    expect(describeMoney(figures.artistPayouts)).toBe("USD 9695.20");
    expect(describeMoney(figures.promoterResult)).toBe("USD 2423.80");
    // A versus-net deal without a promoter profit or ticket bonuses has none of the three.
    expect([figures.ticketsSold, figures.acts[0]!.promoterProfit, figures.acts[0]!.splitPoint]).toEqual([null, null, null]);
    expect(figures.acts.map((act) => [act.artistId, act.billingPosition, describeMoney(act.payout), act.expensesCounted && describeMoney(act.expensesCounted)])).toEqual([
      [show.artist, 0, "USD 9695.20", "USD 11290.00"],
    ]);
  });

  it("happens exactly once when 50 requests approve the same settlement at the same time", async () => {
    const show = await chicagoShow();
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => show.request().settlements.approve(show.settlement.id, null)));

    const approvals = results.filter((result) => result.status === "fulfilled");
    const refusals = results.flatMap((result) => (result.status === "rejected" ? [result.reason as Error] : []));
    expect(approvals).toHaveLength(1);
    expect(refusals).toHaveLength(49);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ name: "IllegalSettlementTransitionError", from: "APPROVED", to: "APPROVED" });
    }
    // Both sheets, once each: nothing is house only, so the artist's sheet is the promoter's, line for line.
    const lines = await db.sql.query<{ sheet: string; count: number }>(
      `SELECT sheet::text, count(*)::int AS count FROM finance.settlement_line WHERE settlement_id = $1 GROUP BY sheet ORDER BY sheet`,
      [show.settlement.id],
    );
    expect(lines).toEqual([
      { sheet: "ARTIST", count: chicagoSheet.length },
      { sheet: "INTERNAL", count: chicagoSheet.length },
    ]);
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
    await expect(show.request().settlements.figures(show.settlement, null)).rejects.toMatchObject(named);
    await expect(show.request().settlements.approve(show.settlement.id, null)).rejects.toMatchObject(named);

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
    await expect(show.request().settlements.approve(show.settlement.id, null)).rejects.toMatchObject({
      name: "CurrencyMismatchError",
      message: `Ticketing income "${pounds.id}" (UK presale) is in GBP but USD was expected`,
    });
  });
});

describe("an approved settlement", () => {
  it("refuses edits and deletion, naming its state, and stays as it was", async () => {
    const show = await chicagoShow();
    await show.request().settlements.approve(show.settlement.id, null);
    const notEditable = { name: "SettlementNotEditableError", message: "The settlement is APPROVED; only DRAFT settlements can be edited" };
    await expect(show.request().settlements.update(show.settlement.id, { deductions: [] })).rejects.toMatchObject(notEditable);
    await expect(show.request().settlements.remove(show.settlement.id)).rejects.toMatchObject(notEditable);

    // Each deduction as entered, with the amount frozen at approval (a flat one's own).
    const deductions = await show.request().settlements.deductions(show.settlement);
    expect(deductions.map(({ deduction, frozen }) => [deduction.label, frozen && describeMoney(frozen.amount), frozen?.base])).toEqual([
      ["Ticketing fees", "USD 1652.40", null],
      ["Chicago amusement tax", "USD 2478.60", null],
    ]);
    expect(await statusOf(show.request(), show.settlement.id)).toBe("APPROVED");
  });

  it("is marked paid once, its balance recorded as one payment with its reference and day", async () => {
    const show = await chicagoShow();
    await expect(show.request().settlements.markPaid(show.settlement.id, { reference: "WIRE-1", paidOn: "2026-05-20" })).rejects.toMatchObject({
      name: "IllegalSettlementTransitionError",
      message: "A settlement cannot move from DRAFT to PAID: from DRAFT it can only move to APPROVED",
    });
    await show.request().settlements.approve(show.settlement.id, null);
    const paid = await show.request().settlements.markPaid(show.settlement.id, { reference: "WIRE-1", paidOn: "2026-05-20" });
    expect(paid.status).toBe("PAID");
    expect(paid.payment).toEqual({ reference: "WIRE-1", paidOn: "2026-05-20", recordedAt: expect.any(String), recordedBy: demoUsers.alice.id });
    // The headliner's whole net payable (9,695.20, nothing withheld) is recorded as one BALANCE payment.
    const payments = await show.request().settlements.payments(paid);
    expect(payments.map((payment) => [payment.artistId, payment.kind, formatMoney(payment.amount), payment.reference, payment.paidOn])).toEqual([
      [show.artist, "BALANCE", "9695.20", "WIRE-1", "2026-05-20"],
    ]);
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
      message: "The deal is in USD but EUR was expected",
    });
    const eur = (amount: string) => parseMoney(amount, "EUR");
    const eurosWithBonus = parseDealTerms(
      { dealType: "FLAT_GUARANTEE", guarantee: { amount: "7000.00", currency: "EUR" }, ticketBonuses: [{ ticketsSold: 600, bonus: { amount: "500.00", currency: "EUR" } }] },
      "EUR",
    );
    await expect(show.request().settlements.update(show.settlement.id, { currency: "EUR", bill: [{ artistId: show.artist, dealTerms: eurosWithBonus }] })).rejects.toMatchObject({
      message: 'Deduction "Ticketing fees" is in USD but EUR was expected',
    });

    const switched = await show.request().settlements.update(show.settlement.id, {
      currency: "EUR",
      bill: [{ artistId: show.artist, dealTerms: eurosWithBonus }],
      deductions: [{ basis: "FLAT", label: "VAT", amount: eur("100.00") }],
    });
    expect((await show.request().settlements.find(show.settlement.id))?.bill).toEqual(switched.bill);
    expect(switched.bill[0]!.dealTerms.ticketBonuses.map((bonus) => `${bonus.ticketsSold}: ${describeMoney(bonus.bonus)}`)).toEqual(["600: EUR 500.00"]);
    expect(switched.currency).toBe("EUR");
    const deductions = await show.request().settlements.deductions(switched);
    expect(deductions.map(({ deduction }) => deduction.basis === "FLAT" && describeMoney(deduction.amount))).toEqual(["EUR 100.00"]);
  });

  it("are deleted with a deleted draft, which is returned as it was", async () => {
    const show = await chicagoShow();
    const finance = show.request();
    const deleted = await finance.settlements.remove(show.settlement.id);
    expect(deleted.id).toBe(show.settlement.id);
    expect((await finance.settlements.deductions(deleted)).map(({ deduction }) => deduction.label)).toEqual(["Ticketing fees", "Chicago amusement tax"]);
    expect(await show.request().settlements.find(show.settlement.id)).toBeNull();
    const [rows] = await db.sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM finance.settlement_deduction WHERE settlement_id = $1`, [show.settlement.id]);
    expect(rows!.count).toBe(0);
  });
});

/** A company of its own with one show: its ticketing income, deductions and expenses, and a draft settled by `terms` in USD. */
async function showSettledBy(
  ledger: { gross: string; deductions?: [string, string][]; expenses: [ExpenseCategory, string][] },
  terms: DealTermsInput,
) {
  const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
  const event = crypto.randomUUID();
  const finance = db.request(tenant);
  for (const [category, amount] of ledger.expenses) {
    await finance.expenses.record({ eventId: event, category, description: category.toLowerCase(), vendor: null, amount: usd(amount), incurredOn: "2026-05-10" });
  }
  await finance.incomes.record({ eventId: event, source: "TICKETING", description: "Tickets", payer: null, amount: usd(ledger.gross), receivedOn: "2026-05-10" });
  const artist = crypto.randomUUID();
  const settlement = await finance.settlements.create(event, {
    currency: "USD",
    bill: [{ artistId: artist, dealTerms: parseDealTerms(terms, "USD") }],
    deductions: (ledger.deductions ?? []).map(([label, amount]) => ({ basis: "FLAT" as const, label, amount: usd(amount) })),
  });
  return { event, artist, settlement, request: () => db.request(tenant) };
}

/** 1,432 paid tickets at $40: gross 57,280, no deductions; expenses 5,400 + 1,850 + 6,000 = 13,250; net 44,030. */
const warmUpLedger = {
  gross: "57280.00",
  expenses: [
    ["PRODUCTION", "5400.00"],
    ["MARKETING", "1850.00"],
    ["VENUE_RENT", "6000.00"],
  ] as [ExpenseCategory, string][],
};

const warmUpUpToNet = [
  "GROSS_TICKET_SALES Gross ticket sales: USD 57280.00",
  "ADJUSTED_GROSS Adjusted gross: USD 57280.00",
  "EXPENSE Production: USD 5400.00",
  "EXPENSE Marketing: USD 1850.00",
  "EXPENSE Venue rent: USD 6000.00",
  "TOTAL_EXPENSES Total expenses: USD 13250.00",
  "NET Net: USD 44030.00",
];

/** Gross 40,000 less 4,000 of fees: adjusted gross 36,000; expenses 8,000 + 6,000 = 14,000; net 22,000. */
const theatreLedger = {
  gross: "40000.00",
  deductions: [["Ticketing fees", "4000.00"]] as [string, string][],
  expenses: [
    ["PRODUCTION", "8000.00"],
    ["MARKETING", "6000.00"],
  ] as [ExpenseCategory, string][],
};

const plusWithPromoterProfit: DealTermsInput = {
  dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT",
  guarantee: dollars("12000.00"),
  percentage: "85",
  promoterProfit: { percentageOfExpenses: "15" },
};

describe("the deal forms, on stored terms", () => {
  it("pays a PER_TICKET deal by the paid tickets it is given: the larger of them and the guarantee", async () => {
    const show = await showSettledBy(warmUpLedger, { dealType: "PER_TICKET", perTicket: dollars("12.00"), guarantee: dollars("15000.00") });
    const stored = (await show.request().settlements.find(show.settlement.id))!;
    expect([stored.bill[0]!.dealTerms.type, stored.bill[0]!.dealTerms.perTicket && describeMoney(stored.bill[0]!.dealTerms.perTicket), stored.bill[0]!.dealTerms.guarantee && describeMoney(stored.bill[0]!.dealTerms.guarantee)]).toEqual([
      "PER_TICKET",
      "USD 12.00",
      "USD 15000.00",
    ]);

    // 12 × 1,432 = 17,184 > 15,000; promoter 44,030 − 17,184 = 26,846.
    const sold = await show.request().settlements.figures(stored, 1432);
    expect(sheet(sold)).toEqual([
      ...warmUpUpToNet,
      "ARTIST_PAYOUT USD 12.00 × 1432 paid tickets (USD 17184.00) exceeds guarantee (USD 15000.00): USD 17184.00",
      "PROMOTER_RESULT Promoter profit: USD 26846.00",
    ]);
    expect(sold.ticketsSold).toBe(1432);

    // 12 × 1,200 = 14,400 < 15,000: the guarantee; promoter 44,030 − 15,000 = 29,030.
    const fewer = await show.request().settlements.figures(stored, 1200);
    expect(sheet(fewer).slice(-2)).toEqual([
      "ARTIST_PAYOUT Guarantee (USD 15000.00) exceeds USD 12.00 × 1200 paid tickets (USD 14400.00): USD 15000.00",
      "PROMOTER_RESULT Promoter profit: USD 29030.00",
    ]);
    expect([fewer.ticketsSold, describeMoney(fewer.artistPayouts)]).toEqual([1200, "USD 15000.00"]);
  });

  it("pays each ticket bonus reached on top of the deal, one line each", async () => {
    const show = await showSettledBy(warmUpLedger, {
      dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS",
      guarantee: dollars("10000.00"),
      percentage: "25",
      ticketBonuses: [
        { ticketsSold: 1000, bonus: dollars("1000.00") },
        { ticketsSold: 1400, bonus: dollars("1500.00") },
        { ticketsSold: 1500, bonus: dollars("2000.00") },
      ],
    });
    const stored = (await show.request().settlements.find(show.settlement.id))!;
    expect(stored.bill[0]!.dealTerms.ticketBonuses.map((bonus) => `${bonus.ticketsSold}: ${describeMoney(bonus.bonus)}`)).toEqual(["1000: USD 1000.00", "1400: USD 1500.00", "1500: USD 2000.00"]);

    // 25% × 57,280 = 14,320 > 10,000; 1,432 tickets reach the 1,000 and 1,400 bonuses: 14,320 + 1,000 + 1,500 = 16,820.
    // Promoter: 44,030 − 16,820 = 27,210.
    const figures = await show.request().settlements.figures(stored, 1432);
    expect(sheet(figures)).toEqual([
      ...warmUpUpToNet,
      "ARTIST_PAYOUT 25% of adjusted gross (USD 14320.00) exceeds guarantee (USD 10000.00): USD 14320.00",
      "ARTIST_BONUS Bonus at 1000 paid tickets: USD 1000.00",
      "ARTIST_BONUS Bonus at 1400 paid tickets: USD 1500.00",
      "PROMOTER_RESULT Promoter profit: USD 27210.00",
    ]);
    expect([figures.ticketsSold, describeMoney(figures.artistPayouts), describeMoney(figures.promoterResult)]).toEqual([1432, "USD 16820.00", "USD 27210.00"]);
  });

  it("pays a plus deal with a promoter profit of 15% of expenses above its split point: 17,185", async () => {
    const show = await showSettledBy(theatreLedger, plusWithPromoterProfit);
    const stored = (await show.request().settlements.find(show.settlement.id))!;
    const profit = stored.bill[0]!.dealTerms.promoterProfit;
    expect(profit?.kind === "PERCENTAGE_OF_EXPENSES" && profit.percentage.toFixed()).toBe("15");

    // Promoter profit 15% × (14,000 + 12,000) = 3,900; split point 14,000 + 12,000 + 3,900 = 29,900;
    // 85% × (36,000 − 29,900) = 5,185; artist 12,000 + 5,185 = 17,185; promoter 22,000 − 17,185 = 4,815.
    const figures = await show.request().settlements.figures(stored, null);
    expect(sheet(figures)).toEqual([
      "GROSS_TICKET_SALES Gross ticket sales: USD 40000.00",
      "DEDUCTION Ticketing fees: USD 4000.00",
      "ADJUSTED_GROSS Adjusted gross: USD 36000.00",
      "EXPENSE Production: USD 8000.00",
      "EXPENSE Marketing: USD 6000.00",
      "TOTAL_EXPENSES Total expenses: USD 14000.00",
      "NET Net: USD 22000.00",
      "ARTIST_PAYOUT Guarantee (USD 12000.00) plus 85% of adjusted gross above the USD 29900.00 split point (USD 5185.00): USD 17185.00",
      "PROMOTER_RESULT Promoter profit: USD 4815.00",
    ]);
    expect([figures.ticketsSold, figures.acts[0]!.promoterProfit && describeMoney(figures.acts[0]!.promoterProfit), figures.acts[0]!.splitPoint && describeMoney(figures.acts[0]!.splitPoint)]).toEqual([
      null,
      "USD 3900.00",
      "USD 29900.00",
    ]);
    expect(describeMoney(figures.artistPayouts)).toBe("USD 17185.00");
  });

  it("pays nothing on a 70% door deal after expenses when the show loses 180", async () => {
    const show = await showSettledBy(
      { gross: "1950.00", deductions: [["Ticketing fees", "130.00"]], expenses: [["VENUE_RENT", "1200.00"], ["STAFFING", "800.00"]] },
      { dealType: "DOOR_DEAL_AFTER_EXPENSES", percentage: "70" },
    );

    // Adjusted gross 1,820 − expenses 2,000 = −180: 70% of a loss is nothing, and the promoter carries it.
    const figures = await show.request().settlements.figures(show.settlement, null);
    expect(sheet(figures).slice(-4)).toEqual([
      "TOTAL_EXPENSES Total expenses: USD 2000.00",
      "NET Net: USD -180.00",
      "ARTIST_PAYOUT 70% of net after expenses (USD 0.00): USD 0.00",
      "PROMOTER_RESULT Promoter loss: USD -180.00",
    ]);
    expect([describeMoney(figures.artistPayouts), describeMoney(figures.promoterResult)]).toEqual(["USD 0.00", "USD -180.00"]);
  });
});

describe("approving a deal paid by the tickets sold", () => {
  const plusWithBonus: DealTermsInput = { ...plusWithPromoterProfit, ticketBonuses: [{ ticketsSold: 1000, bonus: dollars("500.00") }] };

  it("freezes the ticket count, the promoter profit and the split point with the sheet", async () => {
    const show = await showSettledBy(theatreLedger, plusWithBonus);
    await show.request().settlements.approve(show.settlement.id, 1200);

    // Later sales, costs and counts move nothing: the count given to a later read is not used.
    await show.request().expenses.record({ eventId: show.event, category: "OTHER", description: "Late invoice", vendor: null, amount: usd("999.00"), incurredOn: "2026-05-11" });
    const stored = (await show.request().settlements.find(show.settlement.id))!;
    const figures = await show.request().settlements.figures(stored, 5);

    // 17,185 as above, plus the 500 bonus reached at 1,000 tickets: 17,685; promoter 22,000 − 17,685 = 4,315.
    expect(figures.frozen).toBe(true);
    expect(sheet(figures).slice(-4)).toEqual([
      "NET Net: USD 22000.00",
      "ARTIST_PAYOUT Guarantee (USD 12000.00) plus 85% of adjusted gross above the USD 29900.00 split point (USD 5185.00): USD 17185.00",
      "ARTIST_BONUS Bonus at 1000 paid tickets: USD 500.00",
      "PROMOTER_RESULT Promoter profit: USD 4315.00",
    ]);
    expect({
      ticketsSold: figures.ticketsSold,
      promoterProfit: figures.acts[0]!.promoterProfit && describeMoney(figures.acts[0]!.promoterProfit),
      splitPoint: figures.acts[0]!.splitPoint && describeMoney(figures.acts[0]!.splitPoint),
      artistPayout: describeMoney(figures.artistPayouts),
      promoterResult: describeMoney(figures.promoterResult),
    }).toEqual({ ticketsSold: 1200, promoterProfit: "USD 3900.00", splitPoint: "USD 29900.00", artistPayout: "USD 17685.00", promoterResult: "USD 4315.00" });

    const [row] = await db.sql.query(
      `SELECT s.frozen_tickets_sold, a.frozen_promoter_profit::text, a.frozen_split_point::text, s.frozen_artist_payouts::text, a.frozen_payout::text, a.frozen_bonuses::text
       FROM finance.settlement s JOIN finance.settlement_act a ON a.settlement_id = s.id WHERE s.id = $1`,
      [show.settlement.id],
    );
    expect(row).toEqual({
      frozen_tickets_sold: 1200,
      frozen_promoter_profit: "3900.0000",
      frozen_split_point: "29900.0000",
      frozen_artist_payouts: "17685.0000",
      frozen_payout: "17685.0000",
      frozen_bonuses: "500.0000",
    });
  });

  it("is refused, writing nothing, when no ticket count comes with it (the deal changed under the caller)", async () => {
    const show = await showSettledBy(warmUpLedger, { dealType: "PER_TICKET", perTicket: dollars("12.00") });
    await expect(show.request().settlements.approve(show.settlement.id, null)).rejects.toMatchObject({
      message: "The settlement's deal changed while it was being approved; approve it again.",
      extensions: { code: "BAD_USER_INPUT", id: show.settlement.id },
    });
    expect(await statusOf(show.request(), show.settlement.id)).toBe("DRAFT");
    const [lines] = await db.sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM finance.settlement_line WHERE settlement_id = $1`, [show.settlement.id]);
    expect(lines!.count).toBe(0);
  });

  it("keeps no ticket count for a deal that is not paid by one", async () => {
    const show = await showSettledBy(theatreLedger, plusWithPromoterProfit);
    await show.request().settlements.approve(show.settlement.id, null);
    const [row] = await db.sql.query(
      `SELECT s.frozen_tickets_sold, a.frozen_split_point::text FROM finance.settlement s JOIN finance.settlement_act a ON a.settlement_id = s.id WHERE s.id = $1`,
      [show.settlement.id],
    );
    expect(row).toEqual({ frozen_tickets_sold: null, frozen_split_point: "29900.0000" });
  });
});

describe("a draft's ticket bonuses", () => {
  it("are replaced whole with new terms and deleted with the draft", async () => {
    const show = await showSettledBy(warmUpLedger, {
      dealType: "FLAT_GUARANTEE",
      guarantee: dollars("10000.00"),
      ticketBonuses: [
        { ticketsSold: 1000, bonus: dollars("1000.00") },
        { ticketsSold: 1400, bonus: dollars("1500.00") },
      ],
    });
    const bonusRows = async () =>
      db.sql.query<{ position: number; tickets_sold: number; bonus: string }>(
        `SELECT position, tickets_sold, bonus::text FROM finance.settlement_ticket_bonus WHERE settlement_id = $1 ORDER BY position`,
        [show.settlement.id],
      );
    expect(await bonusRows()).toEqual([
      { position: 0, tickets_sold: 1000, bonus: "1000.0000" },
      { position: 1, tickets_sold: 1400, bonus: "1500.0000" },
    ]);

    const updated = await show.request().settlements.update(show.settlement.id, {
      bill: [{ artistId: show.artist, dealTerms: parseDealTerms({ dealType: "FLAT_GUARANTEE", guarantee: dollars("10000.00"), ticketBonuses: [{ ticketsSold: 1500, bonus: dollars("2500.00") }] }, "USD") }],
    });
    expect(await bonusRows()).toEqual([{ position: 0, tickets_sold: 1500, bonus: "2500.0000" }]);
    expect(sheet(await show.request().settlements.figures(updated, 1432)).slice(-2)).toEqual([
      "ARTIST_PAYOUT Flat guarantee (USD 10000.00): USD 10000.00",
      "PROMOTER_RESULT Promoter profit: USD 34030.00",
    ]);

    const deleted = await show.request().settlements.remove(show.settlement.id);
    expect(deleted.bill[0]!.dealTerms.ticketBonuses.map((bonus) => bonus.ticketsSold)).toEqual([1500]);
    expect(await bonusRows()).toEqual([]);
  });
});

describe("an artist's settlements", () => {
  it("are the show settlements whose bill lists the artist, headliner or support, in keyset pages", async () => {
    const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
    const [headliner, support] = [crypto.randomUUID(), crypto.randomUUID()];
    const flat = (amount: string) => parseDealTerms({ dealType: "FLAT_GUARANTEE", guarantee: dollars(amount) }, "USD");
    const finance = db.request(tenant);
    const first = await finance.settlements.create(crypto.randomUUID(), { currency: "USD", bill: [{ artistId: headliner, dealTerms: flat("5000.00") }], deductions: [] });
    const second = await finance.settlements.create(crypto.randomUUID(), {
      currency: "USD",
      bill: [
        { artistId: headliner, dealTerms: flat("6000.00") },
        { artistId: support, dealTerms: flat("800.00") },
      ],
      deductions: [],
    });

    const request = db.request(tenant);
    const [headlinerPage, supportPage] = await Promise.all([request.settlements.pageOfArtist(headliner, { first: 1 }), request.settlements.pageOfArtist(support, { first: 1 })]);
    expect(headlinerPage.edges.map((edge) => edge.node.id)).toEqual([second.id]);
    expect(headlinerPage.pageInfo.hasNextPage).toBe(true);
    expect(supportPage.edges.map((edge) => edge.node.bill.map((act) => [act.artistId, act.billingPosition]))).toEqual([
      [
        [headliner, 0],
        [support, 1],
      ],
    ]);
    const next = await request.settlements.pageOfArtist(headliner, { first: 1, after: headlinerPage.pageInfo.endCursor });
    expect([next.edges.map((edge) => edge.node.id), next.pageInfo.hasNextPage]).toEqual([[first.id], false]);

    // The filter finds a show by any act on its bill.
    expect((await request.settlements.list({ artistId: support }, {})).edges.map((edge) => edge.node.id)).toEqual([second.id]);
    expect((await request.settlements.list({ artistId: headliner }, {})).edges.map((edge) => edge.node.id)).toEqual([second.id, first.id]);
  });
});
