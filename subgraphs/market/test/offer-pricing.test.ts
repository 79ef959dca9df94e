// An offer's figures come from its deal's event's ticket tiers in Base, read through the
// request's BaseReader (the kit's, here over a stand-in for Base's HTTP endpoint): only when
// `pricing` is asked for, every event of one request in one call, and the estimate of the
// expenses kept with the terms through the negotiation. Market's resolvers run in an
// executable schema built from its SDL, so GraphQL's own order of resolution is what batches.
import { readFileSync } from "node:fs";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { createBaseReaderFactory, type RequestContext, type Tenant } from "@marquee/kit";
import { demoUsers } from "@marquee/kit/demo";
import { startBaseEntitiesServer, type BaseEntitiesServer } from "@marquee/kit/testing";
import { graphql, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MarketContext } from "../src/context.ts";
import { parseOfferTerms, type OfferTermsInput } from "../src/domain/index.ts";
import { eventTiersSelection } from "../src/offer-pricing.ts";
import { resolvers } from "../src/resolvers/index.ts";
import { openMarketTestDatabase, type MarketTestDatabase } from "./market-test-database.ts";

type SubgraphResolvers = Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>["resolvers"];
const schema = buildSubgraphSchema({
  typeDefs: parse(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8")),
  resolvers: resolvers as SubgraphResolvers,
});

const usd = (amount: string) => ({ amount, currency: "USD" });

interface Tier {
  price: { amount: string; currency: string };
  allocation: number;
  kills: number;
  comps: number;
}

/** Base as Market sees it: each event's tiers, and every call Market makes to it. */
function fakeBase(tiersOf: Map<string, Tier[]>) {
  const base = baseServer.open((id) => (tiersOf.has(id) ? { id, ticketTiers: tiersOf.get(id) } : null));
  return { calls: base.calls, readerFor: createBaseReaderFactory({ url: base.url, gatewaySecret: "test" }) };
}

type Base = ReturnType<typeof fakeBase>;

let db: MarketTestDatabase;
let baseServer: BaseEntitiesServer;
beforeAll(async () => {
  db = await openMarketTestDatabase();
  baseServer = await startBaseEntitiesServer();
});
afterAll(async () => {
  await db?.close();
  await baseServer?.close();
});

/** Runs one request of `tenant`, with its own loaders and BaseReader, as the subgraph would. */
async function run(tenant: Tenant, base: Base, query: string, variables: Record<string, unknown> = {}) {
  const request = { callerHeaders: {}, logger: { error: () => {} } } as unknown as RequestContext;
  const context = { market: db.request(tenant), base: base.readerFor(request) } as unknown as MarketContext;
  const result = await graphql({ schema, source: query, variableValues: variables, contextValue: context });
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, unknown>;
}

const pricingFields = `pricingUnavailableReason estimatedExpenses { amount currency }
  pricing { currency sellableTickets grossPotential { amount currency } averageTicketPrice { amount } expenses { amount } promoterProfit { amount }
            splitPoint { amount } breakEvenTickets walkoutPotential { amount currency } walkoutExplanation walkoutAtBreakEven { amount } }`;

// General admission 1,000 sellable at $30 and a balcony of 150 at $40: gross potential 36,000, average 31.30 (see
// src/domain/offer-pricing.test.ts for every figure of the plus deal below).
const club: Tier[] = [
  { price: usd("30.00"), allocation: 1040, kills: 10, comps: 30 },
  { price: usd("40.00"), allocation: 160, kills: 0, comps: 10 },
];
const plus: OfferTermsInput = {
  dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT",
  currency: "USD",
  guarantee: usd("12000"),
  percentage: "85",
  promoterProfit: { percentageOfExpenses: "15" },
  estimatedExpenses: usd("14000"),
};
const clubPricing = {
  currency: "USD",
  sellableTickets: 1150,
  grossPotential: { amount: "36000.00", currency: "USD" },
  averageTicketPrice: { amount: "31.30" },
  expenses: { amount: "14000.00" },
  promoterProfit: { amount: "3900.00" },
  splitPoint: { amount: "29900.00" },
  breakEvenTickets: 956,
  walkoutPotential: { amount: "17185.00", currency: "USD" },
  walkoutExplanation: "Guarantee (USD 12000.00) plus 85% of adjusted gross above the USD 29900.00 split point (USD 5185.00)",
  walkoutAtBreakEven: { amount: "12022.92" },
};

const newTenant = (): Tenant => ({ companyId: crypto.randomUUID(), userId: demoUsers.alice.id });

describe("an offer's pricing", () => {
  it("reads every event of a list of deals in one call to Base, only the tiers, and prices each deal", async () => {
    const tenant = newTenant();
    const market = db.request(tenant);
    const events = Array.from({ length: 12 }, () => crypto.randomUUID());
    for (const eventId of events) await market.deals.create({ artistId: crypto.randomUUID(), eventId, terms: parseOfferTerms(plus), notes: null });
    const base = fakeBase(new Map(events.map((id) => [id, club])));

    const data = await run(tenant, base, `{ deals(first: 100) { edges { node { event { id } currentTerms { ${pricingFields} } } } } }`);

    expect(base.calls).toHaveLength(1);
    expect(base.calls[0]!.query).toContain(`... on Event { id ${eventTiersSelection} }`);
    expect(new Set(base.calls[0]!.ids)).toEqual(new Set(events));
    const nodes = (data["deals"] as { edges: { node: { currentTerms: Record<string, unknown> } }[] }).edges.map((edge) => edge.node.currentTerms);
    expect(nodes).toHaveLength(12);
    for (const terms of nodes) expect(terms).toEqual({ pricingUnavailableReason: null, estimatedExpenses: { amount: "14000.00", currency: "USD" }, pricing: clubPricing });
  });

  it("does not call Base when no pricing is asked for, and asks nothing again for the history of the same deals", async () => {
    const tenant = newTenant();
    const market = db.request(tenant);
    const eventId = crypto.randomUUID();
    const deal = await market.deals.create({ artistId: crypto.randomUUID(), eventId, terms: parseOfferTerms(plus), notes: null });
    await market.deals.offer(deal.id);
    const base = fakeBase(new Map([[eventId, club]]));

    await run(tenant, base, `{ deals { edges { node { currentTerms { estimatedExpenses { amount } guarantee { amount } } } } } }`);
    expect(base.calls).toEqual([]);

    const data = await run(tenant, base, `{ deal(id: "${deal.id}") { currentTerms { pricing { breakEvenTickets } } history { edges { node { kind pricing { breakEvenTickets } } } } } }`);
    // The history's versions resolve later than the terms on the table; the request's reader already holds the event.
    expect(base.calls.map((call) => call.ids)).toEqual([[eventId]]);
    expect(data["deal"]).toEqual({
      currentTerms: { pricing: { breakEvenTickets: 956 } },
      history: { edges: [{ node: { kind: "DRAFT", pricing: { breakEvenTickets: 956 } } }, { node: { kind: "OFFER", pricing: { breakEvenTickets: 956 } } }] },
    });
  });

  it("says why it cannot price a deal: no event yet, an event Base does not know, tickets in another currency", async () => {
    const tenant = newTenant();
    const market = db.request(tenant);
    const [unknownEvent, euroEvent, dollarEvent] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const open = await market.deals.create({ artistId: crypto.randomUUID(), eventId: null, terms: parseOfferTerms(plus), notes: null });
    const gone = await market.deals.create({ artistId: crypto.randomUUID(), eventId: unknownEvent, terms: parseOfferTerms(plus), notes: null });
    const euros = await market.deals.create({ artistId: crypto.randomUUID(), eventId: euroEvent, terms: parseOfferTerms(plus), notes: null });
    const priced = await market.deals.create({ artistId: crypto.randomUUID(), eventId: dollarEvent, terms: parseOfferTerms(plus), notes: null });
    const base = fakeBase(
      new Map([
        [euroEvent, [{ price: { amount: "30.00", currency: "EUR" }, allocation: 100, kills: 0, comps: 0 }]],
        [dollarEvent, club],
      ]),
    );

    const data = await run(tenant, base, `{ deals { edges { node { id currentTerms { pricingUnavailableReason pricing { breakEvenTickets } } } } } }`);

    // The open date is not asked about; the three events in one call.
    expect(base.calls).toHaveLength(1);
    expect(new Set(base.calls[0]!.ids)).toEqual(new Set([unknownEvent, euroEvent, dollarEvent]));
    const byDeal = new Map((data["deals"] as { edges: { node: { id: string; currentTerms: unknown } }[] }).edges.map((edge) => [edge.node.id, edge.node.currentTerms]));
    expect([open.id, gone.id, euros.id, priced.id].map((id) => byDeal.get(id))).toEqual([
      { pricingUnavailableReason: "NO_EVENT", pricing: null },
      { pricingUnavailableReason: "EVENT_NOT_FOUND", pricing: null },
      { pricingUnavailableReason: "OTHER_CURRENCY", pricing: null },
      { pricingUnavailableReason: null, pricing: { breakEvenTickets: 956 } },
    ]);
  });

  it("follows the estimate each side puts on the table: the offer copies the draft's, a counter-offer brings its own or none", async () => {
    const tenant = newTenant();
    const market = db.request(tenant);
    const eventId = crypto.randomUUID();
    const deal = await market.deals.create({ artistId: crypto.randomUUID(), eventId, terms: parseOfferTerms(plus), notes: null });
    await market.deals.offer(deal.id);
    // The agent counters at 16,000 of expenses; the promoter answers with a flat guarantee and no estimate.
    await market.deals.counter(deal.id, parseOfferTerms({ ...plus, estimatedExpenses: usd("16000") }));
    await market.deals.counter(deal.id, parseOfferTerms({ dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("15000") }));
    const base = fakeBase(new Map([[eventId, club]]));

    const data = await run(tenant, base, `{ deal(id: "${deal.id}") { history { edges { node { kind side estimatedExpenses { amount } pricing { expenses { amount } breakEvenTickets walkoutPotential { amount } } } } } } }`);

    const versions = (data["deal"] as { history: { edges: { node: unknown }[] } }).history.edges.map((edge) => edge.node);
    expect(versions).toEqual([
      { kind: "DRAFT", side: "PROMOTER", estimatedExpenses: { amount: "14000.00" }, pricing: { expenses: { amount: "14000.00" }, breakEvenTickets: 956, walkoutPotential: { amount: "17185.00" } } },
      { kind: "OFFER", side: "PROMOTER", estimatedExpenses: { amount: "14000.00" }, pricing: { expenses: { amount: "14000.00" }, breakEvenTickets: 956, walkoutPotential: { amount: "17185.00" } } },
      // 16,000 + 12,000 = 28,000, promoter profit 4,200, split point 32,200: 12,000 + 85% × 3,800 = 15,230 at a sellout.
      // Break-even 32,200 / 31.3043… = 1,028.6 → 1,029 tickets.
      { kind: "COUNTER_OFFER", side: "ARTIST_AGENT", estimatedExpenses: { amount: "16000.00" }, pricing: { expenses: { amount: "16000.00" }, breakEvenTickets: 1029, walkoutPotential: { amount: "15230.00" } } },
      // No estimate: the 15,000 guarantee alone, 15,000 / 31.3043… = 479.2 → 480 tickets.
      { kind: "COUNTER_OFFER", side: "PROMOTER", estimatedExpenses: null, pricing: { expenses: { amount: "0.00" }, breakEvenTickets: 480, walkoutPotential: { amount: "15000.00" } } },
    ]);
    expect(base.calls).toHaveLength(1);
  });
});
