// What the gateway asks Market for a list of events or artists (their deals, each deal's
// terms on the table with its bonuses, its history and its contract) costs the same
// number of SQL statements for 10 parents as for 100: every per-parent read is batched.
import { countQueries, type Tenant } from "@marquee/kit";
import { demoUsers } from "@marquee/kit/demo";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseOfferTerms } from "../src/domain/index.ts";
import type { MarketData } from "../src/data/market-data.ts";
import type { DealRecord } from "../src/data/records.ts";
import { openMarketTestDatabase, type MarketTestDatabase } from "./market-test-database.ts";

const terms = parseOfferTerms({
  dealType: "FLAT_GUARANTEE",
  currency: "USD",
  guarantee: { amount: "5000", currency: "USD" },
  ticketBonuses: [{ ticketsSold: 400, bonus: { amount: "500", currency: "USD" } }],
});

let db: MarketTestDatabase;
let statements: ReturnType<typeof countQueries>;
beforeAll(async () => {
  db = await openMarketTestDatabase();
  statements = countQueries(db.prisma);
});
afterAll(async () => {
  await db?.close();
});

/** A company with `count` events, each with one artist's accepted deal and its contract. */
async function companyWithDeals(count: number): Promise<{ tenant: Tenant; events: string[]; artists: string[] }> {
  const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
  const market = db.request(tenant);
  const events = Array.from({ length: count }, () => crypto.randomUUID());
  const artists = Array.from({ length: count }, () => crypto.randomUUID());
  for (const [index, eventId] of events.entries()) {
    const deal = await market.deals.create({ artistId: artists[index]!, eventId, terms, notes: null });
    await market.deals.offer(deal.id);
    await market.deals.accept(deal.id);
    await market.contracts.create(deal.id);
  }
  return { tenant, events, artists };
}

/** Every per-deal field the resolvers read, for each deal of a page. */
async function resolveDeal(market: MarketData, deal: DealRecord) {
  const [current, history, contract] = await Promise.all([market.deals.version(deal.currentVersionId), market.deals.history(deal.id, {}), market.contracts.liveOfDeal(deal.id)]);
  const bonuses = await market.deals.ticketBonuses(current);
  return { versions: history.edges.length, bonuses: bonuses.length, contract: contract?.status };
}

async function statementsToResolve(tenant: Tenant, parents: string[], pageOf: (market: MarketData) => MarketData["deals"]["pageOfEvent"]): Promise<number> {
  const market = db.request(tenant);
  statements.reset();
  const resolved = await Promise.all(
    parents.map(async (parent) => {
      const page = await pageOf(market)(parent, { first: 5 });
      return Promise.all(page.edges.map((edge) => resolveDeal(market, edge.node)));
    }),
  );
  expect(resolved.flat()).toEqual(parents.map(() => ({ versions: 2, bonuses: 1, contract: "DRAFT" })));
  return statements.count();
}

it("resolves 10 and 100 events' deals in the same number of statements", async () => {
  const ten = await companyWithDeals(10);
  const hundred = await companyWithDeals(100);
  const forTen = await statementsToResolve(ten.tenant, ten.events, (market) => market.deals.pageOfEvent);
  const forHundred = await statementsToResolve(hundred.tenant, hundred.events, (market) => market.deals.pageOfEvent);
  expect(forHundred).toBe(forTen);
  // Deals: rank, rows, their current versions (which the version field then finds loaded); history (rank, rows), bonuses and contracts.
  expect(forTen).toBe(7);

  const artistsTen = await statementsToResolve(ten.tenant, ten.artists, (market) => market.deals.pageOfArtist);
  const artistsHundred = await statementsToResolve(hundred.tenant, hundred.artists, (market) => market.deals.pageOfArtist);
  expect(artistsHundred).toBe(artistsTen);
  expect(artistsTen).toBe(7);
});
