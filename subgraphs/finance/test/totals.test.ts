// The company's totals per currency, expenses and income summed in one statement: per
// event (Event.financeTotals) and over a period (Query.financeSummary). Every figure here
// is worked by hand from the entries below.
import { countQueries, type Tenant } from "@marquee/kit";
import { demoUsers } from "@marquee/kit/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMoney } from "../src/domain/index.ts";
import type { FinanceTotalsRecord } from "../src/data/records.ts";
import { openFinanceTestDatabase, type FinanceTestDatabase } from "./finance-test-database.ts";

let db: FinanceTestDatabase;
let statements: ReturnType<typeof countQueries>;
const northwind: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
const harbor: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.hana.id };
const concert = crypto.randomUUID();
const festival = crypto.randomUUID();
const quietNight = crypto.randomUUID();

/** Totals as plain figures: currency, expenses, income, net, each with the currency's minor digits. */
const figures = (totals: FinanceTotalsRecord[]) =>
  totals.map((each) => [each.currency, each.totalExpenses.amount.toFixed(2), each.totalIncome.amount.toFixed(2), each.net.amount.toFixed(2)]);

beforeAll(async () => {
  db = await openFinanceTestDatabase();
  statements = countQueries(db.prisma);
  const finance = db.request(northwind);
  const expense = (eventId: string | null, amount: string, currency: string, incurredOn: string) =>
    finance.expenses.record({ eventId, category: "PRODUCTION", description: "Costs", vendor: null, amount: parseMoney(amount, currency), incurredOn });
  const income = (eventId: string | null, amount: string, currency: string, receivedOn: string) =>
    finance.incomes.record({ eventId, source: "TICKETING", description: "Tickets", payer: null, amount: parseMoney(amount, currency), receivedOn });
  // The concert: USD only. Expenses 1,200.50 + 799.50 = 2,000.00; income 5,000.25; net 3,000.25.
  await expense(concert, "1200.50", "USD", "2026-05-01");
  await expense(concert, "799.50", "USD", "2026-05-02");
  await income(concert, "5000.25", "USD", "2026-05-03");
  // The festival: EUR and JPY, never added together. EUR: expenses 300.00, income 0.00, net −300.00;
  // JPY: expenses 0, income 150,000, net 150,000.
  await expense(festival, "300.00", "EUR", "2026-06-01");
  await income(festival, "150000", "JPY", "2026-06-30");
  // Company overhead (no event), USD: an expense of 100.00 on 2026-05-31.
  await expense(null, "100.00", "USD", "2026-05-31");
  // Another company's entries on the same event id: never in Northwind's totals.
  await db.request(harbor).expenses.record({ eventId: concert, category: "PRODUCTION", description: "Theirs", vendor: null, amount: parseMoney("999.00", "USD"), incurredOn: "2026-05-01" });
});

afterAll(async () => {
  await db?.close();
});

describe("an event's totals", () => {
  it("sum both ledgers per currency, for every event asked at once in one statement", async () => {
    const totals = db.request(northwind).totals;
    statements.reset();
    const [ofConcert, ofFestival, ofQuietNight] = await Promise.all([concert, festival, quietNight].map((event) => totals.ofEvent.load(event)));
    expect(statements.count()).toBe(1);
    expect(figures(ofConcert!)).toEqual([["USD", "2000.00", "5000.25", "3000.25"]]);
    expect(figures(ofFestival!)).toEqual([
      ["EUR", "300.00", "0.00", "-300.00"],
      ["JPY", "0.00", "150000.00", "150000.00"],
    ]);
    expect(ofQuietNight).toEqual([]);
  });

  it("are empty for an id that is no uuid, without a statement", async () => {
    const totals = db.request(northwind).totals;
    statements.reset();
    expect(await totals.ofEvent.load("not-an-event")).toEqual([]);
    expect(statements.count()).toBe(0);
  });

  it("count only the asking company's entries", async () => {
    expect(figures(await db.request(harbor).totals.ofEvent.load(concert))).toEqual([["USD", "999.00", "0.00", "-999.00"]]);
  });
});

describe("the totals over a period", () => {
  it("count every entry, events and overhead alike, when no day bounds them", async () => {
    // USD: expenses 2,000.00 + 100.00 = 2,100.00, income 5,000.25, net 2,900.25.
    expect(figures(await db.request(northwind).totals.between(null, null))).toEqual([
      ["EUR", "300.00", "0.00", "-300.00"],
      ["JPY", "0.00", "150000.00", "150000.00"],
      ["USD", "2100.00", "5000.25", "2900.25"],
    ]);
  });

  it("count both bounding days, each ledger on its own day column", async () => {
    // 2026-05-02 to 2026-05-31: the 799.50 expense, the 5,000.25 income (05-03) and the overhead (05-31).
    expect(figures(await db.request(northwind).totals.between("2026-05-02", "2026-05-31"))).toEqual([["USD", "899.50", "5000.25", "4100.75"]]);
    // From 2026-06-30: the festival's JPY income only. Up to 2026-05-01: the first expense only.
    expect(figures(await db.request(northwind).totals.between("2026-06-30", null))).toEqual([["JPY", "0.00", "150000.00", "150000.00"]]);
    expect(figures(await db.request(northwind).totals.between(null, "2026-05-01"))).toEqual([["USD", "1200.50", "0.00", "-1200.50"]]);
  });

  it("are empty for a company without entries, in one statement", async () => {
    statements.reset();
    expect(await db.request({ companyId: crypto.randomUUID(), userId: demoUsers.alice.id }).totals.between(null, null)).toEqual([]);
    expect(statements.count()).toBe(1);
  });
});
