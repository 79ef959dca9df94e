// Market's part of the demo world (README, "Demo data"): Northwind Live's bookings, one
// deal in every state a deal can be in, each with the negotiation that got it there, and
// the signed contract of the opening night of Aurora Lane's spring tour. Harbor Hall has
// no `market` module and gets nothing. Every move is dated some days before the seed day
// (the deals' events are placed relative to it by Base) and written through the data
// layer, so the demo passes the same checks as a user's input.
import { demoArtists, demoCompanies, demoContracts, demoEvents, demoUsers } from "@marquee/kit/demo";
import { parseOfferTerms, type OfferTermsInput } from "../domain/index.ts";
import { createMarketData, type MarketData } from "../data/market-data.ts";
import type { MarketPrisma } from "../data/market-database.ts";

const dayMs = 86_400_000;
const a = demoArtists;
const e = demoEvents;

export async function seedMarketDemo(prisma: MarketPrisma, seedDay: Date): Promise<void> {
  const instant = (days: number) => new Date(seedDay.getTime() + days * dayMs);
  /** Northwind's market data as Alice works it `days` after the seed day (negative: before). */
  const on = (days: number): MarketData => createMarketData(prisma, { companyId: demoCompanies.northwind.id, userId: demoUsers.alice.id }, () => instant(days));
  const terms = (input: OfferTermsInput) => parseOfferTerms(input);
  const money = (amount: string, currency: string) => ({ amount, currency });
  const usd = (amount: string) => money(amount, "USD");
  const eur = (amount: string) => money(amount, "EUR");

  // ACCEPTED after two counter-offers, with a SIGNED contract: the tour's opening night.
  // Every offer carries the promoter's estimate of the show's expenses, which prices it
  // (DealTermsVersion.pricing): here 12,000 on 800 tickets at $45, so the accepted terms
  // break even at 467 tickets and walk out with 22,900 at a sellout, both bonuses included.
  const chicagoRadius = { kilometres: 300, daysBefore: 30, daysAfter: 30 };
  const chicagoExpenses = usd("12000");
  const chicago = await on(-30).deals.create({
    artistId: a.auroraLane.id,
    eventId: e.chicago.id,
    terms: terms({
      dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET",
      currency: "USD",
      guarantee: usd("8000"),
      percentage: "80",
      offerExpiresAt: instant(-20),
      radiusClause: chicagoRadius,
      estimatedExpenses: chicagoExpenses,
    }),
    notes: "Opening night of the spring tour.",
  });
  await on(-29).deals.offer(chicago.id);
  await on(-27).deals.counter(
    chicago.id,
    terms({
      dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET",
      currency: "USD",
      guarantee: usd("10000"),
      percentage: "85",
      offerExpiresAt: instant(-20),
      radiusClause: chicagoRadius,
      estimatedExpenses: chicagoExpenses,
    }),
  );
  await on(-26).deals.counter(
    chicago.id,
    terms({
      dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET",
      currency: "USD",
      guarantee: usd("9000"),
      percentage: "85",
      ticketBonuses: [{ ticketsSold: 700, bonus: usd("1000") }, { ticketsSold: 800, bonus: usd("1500") }],
      offerExpiresAt: instant(-19),
      radiusClause: chicagoRadius,
      estimatedExpenses: chicagoExpenses,
    }),
  );
  await on(-24).deals.accept(chicago.id);
  const contract = await on(-23).contracts.create(chicago.id, demoContracts.chicagoAuroraLane.id);
  await on(-23).contracts.send(contract.id);
  await on(-22).contracts.sign(contract.id, "PROMOTER", demoUsers.alice.displayName);
  await on(-20).contracts.sign(contract.id, "ARTIST", "Jordan Pike, for Aurora Lane");

  // ACCEPTED at the first offer; its contract is still to be drawn up.
  const brooklyn = await on(-28).deals.create({
    artistId: a.auroraLane.id,
    eventId: e.brooklyn.id,
    terms: terms({
      dealType: "FLAT_GUARANTEE",
      currency: "USD",
      guarantee: usd("15000"),
      radiusClause: { kilometres: 250, daysBefore: 45, daysAfter: 45 },
      estimatedExpenses: usd("30000"),
    }),
    notes: null,
  });
  await on(-28).deals.offer(brooklyn.id);
  await on(-25).deals.accept(brooklyn.id);

  // OFFERED: waiting for the agent, the offer good for another week.
  const london = await on(-3).deals.create({
    artistId: a.midnightTide.id,
    eventId: e.london.id,
    terms: terms({ dealType: "FLAT_GUARANTEE", currency: "GBP", guarantee: money("12000", "GBP"), offerExpiresAt: instant(7), estimatedExpenses: money("20000", "GBP") }),
    notes: null,
  });
  await on(-2).deals.offer(london.id);

  // COUNTERED: the agent wants a guarantee instead of a door deal.
  const berlin = await on(-6).deals.create({
    artistId: a.kasimirVale.id,
    eventId: e.berlin.id,
    terms: terms({ dealType: "DOOR_DEAL", currency: "EUR", percentage: "70", offerExpiresAt: instant(4), estimatedExpenses: eur("25000") }),
    notes: "Late show: doors 22:00.",
  });
  await on(-5).deals.offer(berlin.id);
  await on(-1).deals.counter(
    berlin.id,
    terms({ dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", currency: "EUR", guarantee: eur("9000"), percentage: "80", offerExpiresAt: instant(5), estimatedExpenses: eur("25000") }),
  );

  // DRAFT: a plus deal still being worked out, revised once: a higher guarantee, the
  // promoter's 15% profit kept, the expenses capped, the budget for them raised.
  const plusDeal = (guarantee: string, estimatedExpenses: string, expenseCap?: string) =>
    terms({
      dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT",
      currency: "EUR",
      guarantee: eur(guarantee),
      percentage: "85",
      promoterProfit: { percentageOfExpenses: "15" },
      expenseCap: expenseCap === undefined ? null : eur(expenseCap),
      estimatedExpenses: eur(estimatedExpenses),
    });
  const madrid = await on(-2).deals.create({ artistId: a.luaMoreno.id, eventId: e.madrid.id, terms: plusDeal("40000", "28000"), notes: null });
  await on(-1).deals.edit(madrid.id, { terms: plusDeal("45000", "32000", "30000") });

  // DRAFT with the date still open: an avail check before a Los Angeles date is set.
  await on(-1).deals.create({
    artistId: a.neonHarbor.id,
    eventId: null,
    terms: terms({ dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("7500"), estimatedExpenses: usd("5000") }),
    notes: "Looking for a late-spring date on the west coast.",
  });

  // DECLINED by the agent.
  const atlanta = await on(-15).deals.create({
    artistId: a.deepSignal.id,
    eventId: e.atlanta.id,
    terms: terms({ dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("20000"), estimatedExpenses: usd("35000") }),
    notes: null,
  });
  await on(-15).deals.offer(atlanta.id);
  await on(-11).deals.decline(atlanta.id);

  // WITHDRAWN by the promoter after the agent's counter.
  const zurich = await on(-14).deals.create({
    artistId: a.brassRepublic.id,
    eventId: e.zurich.id,
    terms: terms({ dealType: "FLAT_GUARANTEE", currency: "CHF", guarantee: money("6000", "CHF"), estimatedExpenses: money("8000", "CHF") }),
    notes: null,
  });
  await on(-14).deals.offer(zurich.id);
  await on(-12).deals.counter(zurich.id, terms({ dealType: "FLAT_GUARANTEE", currency: "CHF", guarantee: money("9500", "CHF"), estimatedExpenses: money("8000", "CHF") }));
  await on(-10).deals.withdraw(zurich.id);

  // EXPIRED: the offer lapsed three days ago without an answer.
  const stockholm = await on(-10).deals.create({
    artistId: a.sagaNord.id,
    eventId: e.stockholm.id,
    terms: terms({ dealType: "FLAT_GUARANTEE", currency: "SEK", guarantee: money("60000", "SEK"), offerExpiresAt: instant(-3), estimatedExpenses: money("150000", "SEK") }),
    notes: null,
  });
  await on(-10).deals.offer(stockholm.id);
}
