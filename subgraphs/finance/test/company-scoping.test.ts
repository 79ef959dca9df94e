// Every read and write of the data layer is scoped to the caller's company: another
// company's ids behave exactly like unknown ones, and nothing of theirs changes.
import { GraphQLError } from "graphql";
import { formatMoney, parseDealTerms, type Tenant } from "@marquee/kit";
import { demoCompanies, demoUsers } from "@marquee/kit/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMoney } from "../src/domain/index.ts";
import type { ExpenseRecord, IncomeRecord, SettlementRecord } from "../src/data/records.ts";
import { openFinanceTestDatabase, type FinanceTestDatabase } from "./finance-test-database.ts";

const northwind: Tenant = { companyId: demoCompanies.northwind.id, userId: demoUsers.alice.id };
const harbor: Tenant = { companyId: demoCompanies.harbor.id, userId: demoUsers.hana.id };
const harborEvent = "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0102";
const harborArtist = "3f1a7c52-8d4e-4b6a-9c21-5a0e8b7d0101";
const eur = (amount: string) => parseMoney(amount, "EUR");

const notFound = (id: string) => expect.objectContaining({ extensions: expect.objectContaining({ code: "NOT_FOUND", id }) });

let db: FinanceTestDatabase;
let harborExpense: ExpenseRecord;
let harborIncome: IncomeRecord;
let harborSettlement: SettlementRecord;

beforeAll(async () => {
  db = await openFinanceTestDatabase();
  const hana = db.request(harbor);
  harborExpense = await hana.expenses.record({
    eventId: harborEvent,
    category: "PRODUCTION",
    description: "Sound engineer",
    vendor: null,
    amount: eur("1500.00"),
    incurredOn: "2026-06-01",
  });
  harborIncome = await hana.incomes.record({
    eventId: harborEvent,
    source: "TICKETING",
    description: "Advance ticket sales",
    payer: "Eventim",
    amount: eur("13195.00"),
    receivedOn: "2026-06-01",
  });
  harborSettlement = await hana.settlements.create(harborEvent, {
    currency: "EUR",
    bill: [
      {
        artistId: harborArtist,
        dealTerms: parseDealTerms({ dealType: "DOOR_DEAL", percentage: "70", ticketBonuses: [{ ticketsSold: 150, bonus: { amount: "300.00", currency: "EUR" } }] }, "EUR"),
      },
    ],
    deductions: [{ basis: "FLAT", label: "VAT", amount: eur("863.22") }],
  });
});
afterAll(async () => {
  await db?.close();
});

async function harborRowsAsTheyWere() {
  const hana = db.request(harbor);
  expect(await hana.expenses.find(harborExpense.id)).toEqual(harborExpense);
  expect(await hana.incomes.find(harborIncome.id)).toEqual(harborIncome);
  expect(await hana.settlements.find(harborSettlement.id)).toEqual(harborSettlement);
  const deductions = await hana.settlements.deductions(harborSettlement);
  expect(deductions.map(({ deduction }) => deduction.basis === "FLAT" && `${deduction.label}: ${deduction.amount.currency} ${formatMoney(deduction.amount)}`)).toEqual(["VAT: EUR 863.22"]);
  const [bonus] = harborSettlement.bill[0]!.dealTerms.ticketBonuses;
  expect([bonus?.ticketsSold, bonus && formatMoney(bonus.bonus)]).toEqual([150, "300.00"]);
}

describe("another company's rows", () => {
  it("cannot be read by id", async () => {
    const alice = db.request(northwind);
    expect(await alice.expenses.find(harborExpense.id)).toBeNull();
    expect(await alice.incomes.find(harborIncome.id)).toBeNull();
    expect(await alice.settlements.find(harborSettlement.id)).toBeNull();
  });

  it("are in no list, whatever the filter", async () => {
    const alice = db.request(northwind);
    expect((await alice.expenses.list({}, {})).edges).toEqual([]);
    expect((await alice.expenses.list({ eventId: harborEvent }, {})).edges).toEqual([]);
    expect((await alice.incomes.list({ eventId: harborEvent }, {})).edges).toEqual([]);
    expect((await alice.settlements.list({ eventId: harborEvent }, {})).edges).toEqual([]);
    expect((await alice.settlements.list({ artistId: harborArtist }, {})).edges).toEqual([]);
  });

  it("are not seen through another company's view of the event or artist", async () => {
    const alice = db.request(northwind);
    expect((await alice.expenses.pageOfEvent(harborEvent, {})).edges).toEqual([]);
    expect((await alice.incomes.pageOfEvent(harborEvent, {})).edges).toEqual([]);
    expect(await alice.totals.ofEvent.load(harborEvent)).toEqual([]);
    expect(await alice.expenses.allOfEvent.load(harborEvent)).toEqual([]);
    expect(await alice.incomes.ticketingOfEvent.load(harborEvent)).toEqual([]);
    expect(await alice.settlements.ofEvent.load(harborEvent)).toBeNull();
    expect((await alice.settlements.pageOfArtist(harborArtist, {})).edges).toEqual([]);
    expect(await alice.totals.between(null, null)).toEqual([]);
  });

  it("cannot be changed or deleted: NOT_FOUND, exactly as an unknown id, and nothing changes", async () => {
    const alice = db.request(northwind);
    await expect(alice.expenses.update(harborExpense.id, { description: "Taken over" })).rejects.toEqual(notFound(harborExpense.id));
    await expect(alice.expenses.remove(harborExpense.id)).rejects.toEqual(notFound(harborExpense.id));
    await expect(alice.incomes.update(harborIncome.id, { amount: eur("1.00") })).rejects.toEqual(notFound(harborIncome.id));
    await expect(alice.incomes.remove(harborIncome.id)).rejects.toEqual(notFound(harborIncome.id));
    await expect(alice.settlements.update(harborSettlement.id, { deductions: [] })).rejects.toEqual(notFound(harborSettlement.id));
    await expect(alice.settlements.approve(harborSettlement.id, null)).rejects.toEqual(notFound(harborSettlement.id));
    await expect(alice.settlements.markPaid(harborSettlement.id, { reference: "X", paidOn: "2026-06-02" })).rejects.toEqual(notFound(harborSettlement.id));
    await expect(alice.settlements.remove(harborSettlement.id)).rejects.toEqual(notFound(harborSettlement.id));

    const unknown = crypto.randomUUID();
    await expect(alice.expenses.update(unknown, { description: "Nothing" })).rejects.toEqual(notFound(unknown));
    await expect(alice.settlements.approve(unknown, null)).rejects.toEqual(notFound(unknown));

    await harborRowsAsTheyWere();
  });

  it("and ids that are no uuid read as unknown, never as a database error", async () => {
    const alice = db.request(northwind);
    expect(await alice.expenses.find("not-an-id")).toBeNull();
    expect((await alice.expenses.list({ eventId: "not-an-id" }, {})).edges).toEqual([]);
    expect((await alice.settlements.list({ artistId: "1; DROP TABLE" }, {})).edges).toEqual([]);
    await expect(alice.incomes.remove("42")).rejects.toBeInstanceOf(GraphQLError);
    await expect(alice.settlements.approve("42", null)).rejects.toEqual(notFound("42"));
  });
});

describe("lists", () => {
  it("page newest first by the entry's date, with stable cursors", async () => {
    const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
    const writer = db.request(tenant);
    const days = ["2026-03-01", "2026-03-04", "2026-03-02", "2026-03-04", "2026-03-03"];
    for (const [index, day] of days.entries()) {
      await writer.expenses.record({ eventId: null, category: "OTHER", description: `Entry ${index}`, vendor: null, amount: eur("10.00"), incurredOn: day });
    }
    const reader = db.request(tenant);
    const first = await reader.expenses.list({}, { first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await reader.expenses.list({}, { first: 10, after: first.pageInfo.endCursor });
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const listed = [...first.edges, ...rest.edges].map((edge) => edge.node.incurredOn);
    expect(listed).toEqual(["2026-03-04", "2026-03-04", "2026-03-03", "2026-03-02", "2026-03-01"]);
    expect(new Set([...first.edges, ...rest.edges].map((edge) => edge.node.id)).size).toBe(5);
  });

  it("filter by overhead, category and days, inclusive", async () => {
    const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
    const finance = db.request(tenant);
    const event = crypto.randomUUID();
    const record = (eventId: string | null, category: "OTHER" | "TRAVEL", incurredOn: string) =>
      finance.expenses.record({ eventId, category, description: "Entry", vendor: null, amount: eur("10.00"), incurredOn });
    await record(null, "OTHER", "2026-04-01");
    await record(event, "TRAVEL", "2026-04-02");
    await record(event, "OTHER", "2026-04-03");

    const daysOf = async (filter: Parameters<typeof finance.expenses.list>[0]) =>
      (await finance.expenses.list(filter, {})).edges.map((edge) => edge.node.incurredOn);
    expect(await daysOf({ overheadOnly: true })).toEqual(["2026-04-01"]);
    expect(await daysOf({ overheadOnly: false })).toEqual(["2026-04-03", "2026-04-02"]);
    expect(await daysOf({ category: "OTHER" })).toEqual(["2026-04-03", "2026-04-01"]);
    expect(await daysOf({ incurredFrom: "2026-04-02", incurredTo: "2026-04-02" })).toEqual(["2026-04-02"]);
    expect(await daysOf({ eventId: event, overheadOnly: true })).toEqual([]);
  });
});
