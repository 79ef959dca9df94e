// A minute of mixed traffic through the gateway, as the frontend sends it: reads across
// every subgraph, mutations, refusals and bad input, from several users at once over
// keep-alive connections. Nothing may answer 5xx: every refusal is the caller's (4xx) or
// partial data (200), never the server's fault. Speed is measured by `npm run bench`;
// this test counts statuses only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../src/testing/test-stack.ts";

const durationMs = 60_000;
const concurrency = 12;

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.close();
});

interface Call {
  query: string;
  as: string;
  company: "northwind" | "harbor";
  variables?: Record<string, unknown>;
}

const calls: Call[] = [
  { as: "alice@northwind.test", company: "northwind", query: "{ events(first: 20) { edges { node { name startsAtLocal lineup { name } financeTotals { net { amount } } deals { edges { node { status } } } venueBooking { status } tourStop { date } } } } }" },
  { as: "alice@northwind.test", company: "northwind", query: "{ dashboard(upcomingCount: 10) { artistCount upcomingTickets { ticketsSold capacity } upcomingEvents { name settlement { status } } } }" },
  { as: "alice@northwind.test", company: "northwind", query: "{ contracts(first: 10) { edges { node { status terms { dealType } deal { notes history { edges { node { number } } } } } } } }" },
  { as: "alice@northwind.test", company: "northwind", query: "{ tours(first: 5) { edges { node { name routing { totals { distanceKm } } stops { date place { city } } } } } }" },
  { as: "alice@northwind.test", company: "northwind", query: "{ analytics { overall { sellThrough } byCity { key sellThrough } } }" },
  { as: "bob@northwind.test", company: "northwind", query: "{ expenses(first: 20) { edges { node { description amount { amount currency } event { name } } } } }" },
  // Refusals: no permission (403), another company (403), bad input (400).
  { as: "bob@northwind.test", company: "northwind", query: "{ deals(first: 5) { edges { node { id } } } }" },
  { as: "hana@harbor.test", company: "northwind", query: "{ events(first: 5) { edges { node { id } } } }" },
  { as: "alice@northwind.test", company: "northwind", query: '{ events(first: 5, filter: { startsFrom: "2030-02-31T10:00:00Z" }) { edges { node { id } } } }' },
  { as: "hana@harbor.test", company: "harbor", query: "{ venues(first: 5) { edges { node { name spaces { name layouts { capacity } } } } } venueHolds(first: 20) { edges { node { rank status } } } }" },
  {
    as: "sam@both.test",
    company: "northwind",
    query: "mutation($input: RecordExpenseInput!) { recordExpense(input: $input) { id } }",
    variables: { input: { category: "CATERING", description: "Load test sandwiches", amount: { amount: "12.50", currency: "USD" }, incurredOn: "2026-05-01" } },
  },
];

describe("a minute of mixed traffic through the gateway", () => {
  it("answers every request without a server error", async () => {
    const statuses = new Map<number, number>();
    const deadline = Date.now() + durationMs;
    let next = 0;
    const worker = async () => {
      while (Date.now() < deadline) {
        const call = calls[next++ % calls.length]!;
        const { status } = await stack.query(call.query, { as: call.as, company: call.company, ...(call.variables ? { variables: call.variables } : {}) });
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const serverErrors = [...statuses].filter(([status]) => status >= 500);
    expect(serverErrors).toEqual([]);
    // Every kind of call was answered, refusals included.
    expect([...statuses.keys()].sort()).toEqual([200, 400, 403]);
    expect([...statuses.values()].reduce((sum, count) => sum + count, 0)).toBeGreaterThan(calls.length * 10);
  }, durationMs + 60_000);
});
