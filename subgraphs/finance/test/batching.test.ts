// What the gateway asks Finance for a list of events (their expenses, income, totals,
// settlements with the sheet and each act's figures, the acts' artists' settlements) costs
// the same number of SQL statements for 10 events as for 100: every per-event read goes
// through a per-request loader.
import { countQueries, parseDealTerms, type Tenant } from "@marquee/kit";
import { demoUsers } from "@marquee/kit/demo";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseMoney } from "../src/domain/index.ts";
import { openFinanceTestDatabase, type FinanceTestDatabase } from "./finance-test-database.ts";

const usd = (amount: string) => parseMoney(amount, "USD");

let db: FinanceTestDatabase;
let statements: ReturnType<typeof countQueries>;
beforeAll(async () => {
  db = await openFinanceTestDatabase();
  statements = countQueries(db.prisma);
});
afterAll(async () => {
  await db?.close();
});

/** A company with `count` events, each with an expense, ticketing income and a draft settlement of a two-act bill. */
async function companyWithEvents(count: number): Promise<{ tenant: Tenant; events: string[] }> {
  const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
  const finance = db.request(tenant);
  const events = Array.from({ length: count }, () => crypto.randomUUID());
  for (const event of events) {
    await finance.expenses.record({ eventId: event, category: "PRODUCTION", description: "Sound", vendor: null, amount: usd("1000.00"), incurredOn: "2026-05-01" });
    await finance.incomes.record({ eventId: event, source: "TICKETING", description: "Tickets", payer: null, amount: usd("5000.00"), receivedOn: "2026-05-01" });
    // A two-act bill: the support's flat 500 is a cost before the headliner's 50% of net.
    await finance.settlements.create(event, {
      currency: "USD",
      bill: [
        { artistId: crypto.randomUUID(), dealTerms: parseDealTerms({ dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: { amount: "1000.00", currency: "USD" }, percentage: "50" }, "USD") },
        { artistId: crypto.randomUUID(), dealTerms: parseDealTerms({ dealType: "FLAT_GUARANTEE", guarantee: { amount: "500.00", currency: "USD" } }, "USD") },
      ],
      deductions: [{ basis: "FLAT", label: "Ticketing fees", amount: usd("250.00") }],
    });
  }
  return { tenant, events };
}

/** The statements one request sends to resolve Finance's fields on every event, as the resolvers do. */
async function statementsToResolve({ tenant, events }: { tenant: Tenant; events: string[] }): Promise<number> {
  const finance = db.request(tenant);
  statements.reset();
  const resolved = await Promise.all(
    events.map(async (event) => {
      const [expenses, income, totals, settlement] = await Promise.all([
        finance.expenses.pageOfEvent(event, { first: 5 }),
        finance.incomes.pageOfEvent(event, { first: 5 }),
        finance.totals.ofEvent.load(event),
        finance.settlements.ofEvent.load(event),
      ]);
      // The show's sheet and each act's figures, as Settlement.figures and SettlementAct.figures ask for them, and
      // each act's artist's settlements, as Artist.settlements does.
      const [figures, artistPages] = await Promise.all([
        Promise.all([settlement!, ...settlement!.bill.map(() => settlement!)].map((each) => finance.settlements.figures(each, null))),
        Promise.all(settlement!.bill.map((act) => finance.settlements.pageOfArtist(act.artistId, { first: 5 }))),
      ]);
      expect(artistPages.map((page) => page.edges.map((edge) => edge.node.id))).toEqual([[settlement!.id], [settlement!.id]]);
      return { expenses: expenses.edges.length, income: income.edges.length, totals: totals.map((each) => [each.currency, each.net.amount.toFixed()]), figures };
    }),
  );
  for (const event of resolved) {
    expect(event).toMatchObject({ expenses: 1, income: 1, totals: [["USD", "4000"]] });
    // Adjusted gross 5,000 − 250 = 4,750, net 3,750; the support 500; the headliner 50% × 3,250 = 1,625; promoter 1,625.
    expect(event.figures.map((figures) => [figures.promoterResult.amount.toFixed(), ...figures.acts.map((act) => act.payout.amount.toFixed())])).toEqual([
      ["1625", "1625", "500"],
      ["1625", "1625", "500"],
      ["1625", "1625", "500"],
    ]);
  }
  return statements.count();
}

it("resolves 10 and 100 events' finance in the same number of statements", async () => {
  const ten = await statementsToResolve(await companyWithEvents(10));
  const hundred = await statementsToResolve(await companyWithEvents(100));
  expect(hundred).toBe(ten);
  // Two per page list (rank, then rows), one for the totals of both ledgers, five for settlements (rows, their acts, the acts' ticket
  // bonuses, buyouts and reimbursements), three for their draft figures (worked once per settlement, however many
  // acts ask), six for the artists' pages (rank, then the settlements with their acts, bonuses, buyouts and
  // reimbursements).
  expect(ten).toBe(19);
});
