// Finance's part of the demo world (README, "Demo data"): for each demo company, the
// money of some of its Base events (tickets, bar and merchandise; production, marketing,
// staff...), company overhead, and draft settlements to try the waterfall on (Northwind's
// Dublin show settles a two-act bill), and an approved one with a deposit paid and the
// artist's tax withheld (Portland), to try payments on.
// Entries are dated relative to their event, which Base places relative to the seed day,
// so the two stay in step. Everything is written through the data layer, so the demo
// passes the same checks as a user's input.
import { parseDealTerms } from "@marquee/kit";
import { demoCompanies, demoContracts, demoUsers, demoArtists, demoEvents, type DemoEvent } from "@marquee/kit/demo";
import type { IncomeSource } from "../__generated__/prisma/client.ts";
import { Decimal } from "decimal.js";
import { parseMoney, type ExpenseCategory, type ExpenseSheet } from "../domain/index.ts";
import { createFinanceData } from "../data/finance-data.ts";
import type { FinancePrisma } from "../data/finance-database.ts";

interface DemoEntry {
  /** Null: company overhead, or income tied to no event. */
  event: DemoEvent | null;
  /** Days after the event's day (or, without an event, after the seed day). */
  days: number;
  description: string;
  counterparty: string | null;
  amount: string;
  currency: string;
}

/** An expense is on the artist's sheet unless it says HOUSE_ONLY. */
type DemoExpense = DemoEntry & { category: ExpenseCategory; sheet?: ExpenseSheet };
type DemoIncome = DemoEntry & { source: IncomeSource };

const e = demoEvents;

const northwindExpenses: DemoExpense[] = [
  { event: e.portlandWarmUp, days: -30, category: "MARKETING", description: "Local radio and poster campaign", counterparty: "Rose City Media", amount: "1850.00", currency: "USD" },
  { event: e.portlandWarmUp, days: 0, category: "PRODUCTION", description: "Sound, lights and backline", counterparty: "Cascade Stage Services", amount: "5400.00", currency: "USD" },
  { event: e.portlandWarmUp, days: 0, category: "STAFFING", description: "Security and box office", counterparty: "Northwest Crowd Management", amount: "2950.00", currency: "USD" },
  { event: e.portlandWarmUp, days: 0, category: "HOSPITALITY", description: "Rider and band catering", counterparty: null, amount: "780.00", currency: "USD" },
  { event: e.portlandWarmUp, days: 0, category: "VENUE_RENT", description: "Crystal Ballroom rental", counterparty: "Crystal Ballroom", amount: "6000.00", currency: "USD" },
  { event: e.munich, days: -2, category: "TRAVEL", description: "Flights and hotel, Berlin–Munich", counterparty: "Lufthansa", amount: "2150.00", currency: "EUR" },
  { event: e.munich, days: -21, category: "MARKETING", description: "Online ads", counterparty: "Meta", amount: "900.00", currency: "EUR" },
  { event: e.munich, days: 0, category: "PRODUCTION", description: "Club PA and light show", counterparty: "Bavaria Sound", amount: "4800.00", currency: "EUR" },
  { event: e.munich, days: 0, category: "VENUE_RENT", description: "Muffatwerk hire", counterparty: "Muffatwerk", amount: "7500.00", currency: "EUR" },
  { event: e.dublin, days: 0, category: "PRODUCTION", description: "Sound and lights", counterparty: "Liffey Audio", amount: "3600.00", currency: "EUR" },
  { event: e.dublin, days: 0, category: "VENUE_RENT", description: "Vicar Street rental", counterparty: "Vicar Street", amount: "5200.00", currency: "EUR" },
  // The promoter's own rep flew in for the show: a cost of Northwind's, not of the artists' sheet.
  { event: e.dublin, days: -1, category: "TRAVEL", description: "Promoter rep's flights and hotel", counterparty: "Aer Lingus", amount: "450.00", currency: "EUR", sheet: "HOUSE_ONLY" },
  { event: e.chicago, days: -20, category: "MARKETING", description: "Social ads and posters", counterparty: "Meta", amount: "1150.00", currency: "USD" },
  { event: e.chicago, days: -3, category: "PRODUCTION", description: "Sound and lights", counterparty: "Windy City Audio", amount: "3200.00", currency: "USD" },
  { event: e.chicago, days: -1, category: "HOSPITALITY", description: "Rider and catering", counterparty: null, amount: "640.00", currency: "USD" },
  { event: e.chicago, days: -1, category: "STAFFING", description: "Security and box office", counterparty: "Lakeside Event Staff", amount: "1800.00", currency: "USD" },
  { event: e.chicago, days: -1, category: "VENUE_RENT", description: "Thalia Hall rental", counterparty: "Thalia Hall", amount: "4500.00", currency: "USD" },
  { event: e.london, days: -28, category: "MARKETING", description: "Tube posters", counterparty: "Transport for London Advertising", amount: "1200.00", currency: "GBP" },
  { event: e.madrid, days: -30, category: "MARKETING", description: "Radio and outdoor campaign", counterparty: "Los40", amount: "4500.00", currency: "EUR" },
  { event: e.madrid, days: -1, category: "PRODUCTION", description: "Arena PA, lights and screens", counterparty: "Fluge Audiovisuales", amount: "11000.00", currency: "EUR" },
  { event: e.madrid, days: -1, category: "VENUE_RENT", description: "WiZink Center hire", counterparty: "WiZink Center", amount: "18000.00", currency: "EUR" },
  { event: null, days: -20, category: "OTHER", description: "Office rent", counterparty: "Pearl District Offices", amount: "3500.00", currency: "USD" },
  { event: null, days: -10, category: "STAFFING", description: "Booking assistant payroll", counterparty: null, amount: "4200.00", currency: "USD" },
  { event: null, days: -5, category: "OTHER", description: "Tour management software", counterparty: "Master Tour", amount: "149.00", currency: "USD" },
];

const northwindIncome: DemoIncome[] = [
  { event: e.portlandWarmUp, days: 0, source: "TICKETING", description: "Ticket sales", counterparty: "Ticketmaster", amount: "57280.00", currency: "USD" },
  { event: e.portlandWarmUp, days: 0, source: "BAR", description: "Bar takings", counterparty: null, amount: "8940.00", currency: "USD" },
  { event: e.portlandWarmUp, days: 0, source: "MERCHANDISE", description: "Merchandise share", counterparty: null, amount: "4215.00", currency: "USD" },
  { event: e.munich, days: 0, source: "TICKETING", description: "Ticket sales", counterparty: "Eventim", amount: "42000.00", currency: "EUR" },
  { event: e.munich, days: 0, source: "BAR", description: "Bar share", counterparty: "Muffatwerk", amount: "6300.00", currency: "EUR" },
  { event: e.dublin, days: 0, source: "TICKETING", description: "Ticket sales", counterparty: "Ticketmaster Ireland", amount: "34365.00", currency: "EUR" },
  { event: e.dublin, days: 0, source: "MERCHANDISE", description: "Merchandise share", counterparty: null, amount: "2870.00", currency: "EUR" },
  { event: e.chicago, days: -7, source: "TICKETING", description: "Advance ticket sales", counterparty: "AXS", amount: "27540.00", currency: "USD" },
  { event: e.madrid, days: -7, source: "TICKETING", description: "Advance ticket sales", counterparty: "Ticketmaster Spain", amount: "539000.00", currency: "EUR" },
  { event: null, days: -15, source: "SPONSORSHIP", description: "Annual brewery partnership", counterparty: "Hopworks Brewing", amount: "15000.00", currency: "USD" },
];

const harborExpenses: DemoExpense[] = [
  { event: e.harborSeasonClosing, days: 0, category: "STAFFING", description: "Bar, door and security staff", counterparty: null, amount: "2600.00", currency: "EUR" },
  { event: e.harborSeasonClosing, days: 0, category: "PRODUCTION", description: "Piano tuning and stage lights", counterparty: "Hanse Bühnentechnik", amount: "1900.00", currency: "EUR" },
  { event: e.harborSeasonClosing, days: 0, category: "HOSPITALITY", description: "Green room catering", counterparty: null, amount: "420.00", currency: "EUR" },
  { event: e.harborClubNight, days: -1, category: "STAFFING", description: "Door and security staff", counterparty: null, amount: "900.00", currency: "EUR" },
  { event: e.harborClubNight, days: -1, category: "PRODUCTION", description: "Club sound system", counterparty: "Hanse Bühnentechnik", amount: "700.00", currency: "EUR" },
  { event: e.harborJazzNight, days: -14, category: "MARKETING", description: "Print ads and flyers", counterparty: "Hamburger Abendblatt", amount: "600.00", currency: "EUR" },
  { event: e.harborJazzNight, days: -2, category: "PRODUCTION", description: "Sound engineer and backline", counterparty: "Hanse Bühnentechnik", amount: "1500.00", currency: "EUR" },
  { event: null, days: -12, category: "OTHER", description: "Building insurance", counterparty: "Elbe Versicherung", amount: "1250.00", currency: "EUR" },
  { event: null, days: -3, category: "STAFFING", description: "Cleaning contract", counterparty: "Sauber Nord", amount: "980.00", currency: "EUR" },
];

const harborIncome: DemoIncome[] = [
  { event: e.harborSeasonClosing, days: 0, source: "TICKETING", description: "Ticket sales", counterparty: "Eventim", amount: "25520.00", currency: "EUR" },
  { event: e.harborSeasonClosing, days: 0, source: "BAR", description: "Bar takings", counterparty: null, amount: "7340.00", currency: "EUR" },
  { event: e.harborJazzNight, days: -5, source: "TICKETING", description: "Advance ticket sales", counterparty: "Eventim", amount: "13195.00", currency: "EUR" },
  { event: e.harborClubNight, days: -3, source: "TICKETING", description: "Advance ticket sales", counterparty: "Eventim", amount: "6600.00", currency: "EUR" },
];

const dayMs = 86_400_000;

/** The UTC calendar date `days` after the entry's anchor: its event's day, or the seed day. */
function dayOf(entry: DemoEntry, seedDay: Date): string {
  return daysAfter(entry.event, entry.days, seedDay);
}

/** The UTC calendar date `days` after the event's day, or after the seed day without an event. */
function daysAfter(event: DemoEvent | null, days: number, seedDay: Date): string {
  return new Date(seedDay.getTime() + ((event?.day ?? 0) + days) * dayMs).toISOString().slice(0, 10);
}

export async function seedFinanceDemo(prisma: FinancePrisma, seedDay: Date): Promise<void> {
  const northwind = createFinanceData(prisma, { companyId: demoCompanies.northwind.id, userId: demoUsers.alice.id });
  const harbor = createFinanceData(prisma, { companyId: demoCompanies.harbor.id, userId: demoUsers.hana.id });

  for (const [finance, expenses, income] of [
    [northwind, northwindExpenses, northwindIncome],
    [harbor, harborExpenses, harborIncome],
  ] as const) {
    for (const entry of expenses) {
      await finance.expenses.record({
        eventId: entry.event?.id ?? null,
        category: entry.category,
        description: entry.description,
        vendor: entry.counterparty,
        amount: parseMoney(entry.amount, entry.currency),
        sheet: entry.sheet ?? "ARTIST_SHEET",
        incurredOn: dayOf(entry, seedDay),
      });
    }
    for (const entry of income) {
      await finance.incomes.record({
        eventId: entry.event?.id ?? null,
        source: entry.source,
        description: entry.description,
        payer: entry.counterparty,
        amount: parseMoney(entry.amount, entry.currency),
        receivedOn: dayOf(entry, seedDay),
      });
    }
  }

  // The worked example of docs/modules/finance.md: 80% of net beats the headliner's guarantee.
  // The act is paid under Market's signed contract, which says $9,000 vs 85% with bonuses at
  // 700 and 800 tickets: a settlement that differs from its contract, and says so
  // (`Contract.settlementComparison`): on the same net of 12,119.00 the contract pays
  // 85% = 10,301.15 where the draft pays 80% = 9,695.20, so the artist is 605.95 short
  // (612 tickets sold reach neither bonus).
  const usd = (amount: string) => parseMoney(amount, "USD");
  await northwind.settlements.create(e.chicago.id, {
    currency: "USD",
    bill: [
      {
        artistId: demoArtists.auroraLane.id,
        contractId: demoContracts.chicagoAuroraLane.id,
        dealTerms: parseDealTerms({ dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: { amount: "8000.00", currency: "USD" }, percentage: "80" }, "USD"),
      },
    ],
    deductions: [
      { label: "Ticketing fees", basis: "FLAT", amount: usd("1652.40") },
      { label: "Chicago amusement tax", basis: "FLAT", amount: usd("2478.60") },
    ],
  });

  // A two-act show, settled over its whole bill: Saga Nord supports The Midnight Tide in
  // Dublin. Adjusted gross 34,365 − 1,865 = 32,500, artist-sheet expenses 8,800, net 23,700.
  // The support is paid first, €2,500 flat; the headliner's 85% is of the net after it,
  // 85% × 21,200 = €18,020 (above its €15,000 guarantee); the artists' sheet shows the
  // promoter keeping 23,700 − 20,520 = €3,180, and the promoter's books take the rep's
  // house-only €450 off that: €2,730.
  const eur = (amount: string) => parseMoney(amount, "EUR");
  await northwind.settlements.create(e.dublin.id, {
    currency: "EUR",
    bill: [
      {
        artistId: demoArtists.midnightTide.id,
        dealTerms: parseDealTerms({ dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: { amount: "15000.00", currency: "EUR" }, percentage: "85" }, "EUR"),
      },
      { artistId: demoArtists.sagaNord.id, dealTerms: parseDealTerms({ dealType: "FLAT_GUARANTEE", guarantee: { amount: "2500.00", currency: "EUR" } }, "EUR") },
    ],
    deductions: [{ label: "Ticketing fees", basis: "FLAT", amount: eur("1865.00") }],
  });

  // Money owed and paid, as worked in docs/deals.md: Aurora Lane's Portland warm-up on a $10,000
  // flat guarantee with 30% withheld (a nonresident's US tax) and a $2,500 deposit, paid two
  // weeks before the show. Approved: 3,000 withheld, 7,000 net payable, 4,500 balance due.
  const portland = await northwind.settlements.create(e.portlandWarmUp.id, {
    currency: "USD",
    bill: [
      {
        artistId: demoArtists.auroraLane.id,
        dealTerms: parseDealTerms(
          { dealType: "FLAT_GUARANTEE", guarantee: { amount: "10000.00", currency: "USD" }, withholdingRate: "30", deposit: { amount: "2500.00", currency: "USD" } },
          "USD",
        ),
      },
    ],
    deductions: [],
  });
  await northwind.settlements.recordPayment({
    settlementId: portland.id,
    artistId: demoArtists.auroraLane.id,
    kind: "DEPOSIT",
    amount: usd("2500.00"),
    paidOn: daysAfter(e.portlandWarmUp, -14, seedDay),
    reference: "WIRE-PDX-DEPOSIT",
  });
  await northwind.settlements.approve(portland.id, null);

  // A venue's door deal: the quartet takes 70% of what the door brings in after fees and VAT,
  // both entered as rates. Gross 13,195.00; fees 3% × 13,195.00 = 395.85; the 7% VAT inside
  // the ticket price is taken of the gross less the fees: 12,799.15 × 7 / 107 = 837.3276… →
  // 837.33 (not 863.22, which is 7/107 of the gross with the fees still in it). Adjusted gross
  // 12,799.15 − 837.33 = 11,961.82; the quartet 70% × 11,961.82 = 8,373.274 → 8,373.27;
  // expenses 2,100.00, net 9,861.82, promoter profit 9,861.82 − 8,373.27 = 1,488.55.
  await harbor.settlements.create(e.harborJazzNight.id, {
    currency: "EUR",
    bill: [{ artistId: demoArtists.elbeQuartet.id, dealTerms: parseDealTerms({ dealType: "DOOR_DEAL", percentage: "70" }, "EUR") }],
    deductions: [
      { label: "Ticketing fees", basis: "PERCENTAGE_OF_GROSS", rate: new Decimal("3") },
      { label: "VAT", basis: "TAX_INCLUDED_IN_PRICE", rate: new Decimal("7") },
    ],
  });

  // A show on each of the other deal forms (docs/deals.md), each worked by hand.

  // Guarantee versus a percentage of gross, with a ticket bonus: Kasimir Vale in Munich. Gross
  // 42,000.00; fees 5% = 2,100.00; 7% VAT inside the price of 39,900.00 = 2,610.28; adjusted
  // gross 37,289.72. 35% = 13,051.40 beats the €10,000 guarantee; the sold-out 1,200 tickets
  // reach the €1,000 bonus at 1,100: payout 14,051.40. Expenses 15,350.00, net 21,939.72,
  // promoter profit 7,888.32.
  await northwind.settlements.create(e.munich.id, {
    currency: "EUR",
    bill: [
      {
        artistId: demoArtists.kasimirVale.id,
        dealTerms: parseDealTerms(
          {
            dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS",
            guarantee: { amount: "10000.00", currency: "EUR" },
            percentage: "35",
            ticketBonuses: [{ ticketsSold: 1100, bonus: { amount: "1000.00", currency: "EUR" } }],
          },
          "EUR",
        ),
      },
    ],
    deductions: [
      { label: "Ticketing fees", basis: "PERCENTAGE_OF_GROSS", rate: new Decimal("5") },
      { label: "VAT", basis: "TAX_INCLUDED_IN_PRICE", rate: new Decimal("7") },
    ],
  });

  // A plus deal with the promoter's profit as a percentage and an expense cap, the terms of
  // Market's draft: Lúa Moreno in Madrid, €45,000 plus 85% above the split. Gross 539,000.00,
  // fees 4% = 21,560.00, adjusted gross 517,440.00. Expenses 33,500.00, capped at 30,000.00;
  // promoter profit 15% × (30,000 + 45,000) = 11,250.00; split point 30,000 + 45,000 +
  // 11,250 = 86,250.00; 85% × (517,440 − 86,250) = 366,511.50; payout 411,511.50. Net
  // 517,440 − 33,500 = 483,940.00, promoter profit 72,428.50.
  await northwind.settlements.create(e.madrid.id, {
    currency: "EUR",
    bill: [
      {
        artistId: demoArtists.luaMoreno.id,
        dealTerms: parseDealTerms(
          {
            dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT",
            guarantee: { amount: "45000.00", currency: "EUR" },
            percentage: "85",
            promoterProfit: { percentageOfExpenses: "15" },
            expenseCap: { amount: "30000.00", currency: "EUR" },
          },
          "EUR",
        ),
      },
    ],
    deductions: [{ label: "Ticketing fees", basis: "PERCENTAGE_OF_GROSS", rate: new Decimal("4") }],
  });

  // The club deal, at a venue without Market: the Elbe Quartet's season closing on 80% of the
  // door after expenses, capped at €4,500. Gross 25,520.00; 7% VAT inside the price 1,669.53;
  // adjusted gross 23,850.47. Expenses 4,920.00 count as 4,500.00: 80% × 19,350.47 =
  // 15,480.38. Net 18,930.47, promoter profit 3,450.09.
  await harbor.settlements.create(e.harborSeasonClosing.id, {
    currency: "EUR",
    bill: [
      {
        artistId: demoArtists.elbeQuartet.id,
        dealTerms: parseDealTerms({ dealType: "DOOR_DEAL_AFTER_EXPENSES", percentage: "80", expenseCap: { amount: "4500.00", currency: "EUR" } }, "EUR"),
      },
    ],
    deductions: [{ label: "VAT", basis: "TAX_INCLUDED_IN_PRICE", rate: new Decimal("7") }],
  });

  // Per paid ticket, with a minimum: Nordlicht Collective's club night, €8 a ticket or €2,000.
  // 300 paid tickets (Base's count): 2,400.00. Gross 6,600.00; 7% VAT inside the price
  // 431.78; adjusted gross 6,168.22; expenses 1,600.00, net 4,568.22, promoter profit 2,168.22.
  await harbor.settlements.create(e.harborClubNight.id, {
    currency: "EUR",
    bill: [
      {
        artistId: demoArtists.nordlichtCollective.id,
        dealTerms: parseDealTerms(
          { dealType: "PER_TICKET", perTicket: { amount: "8.00", currency: "EUR" }, guarantee: { amount: "2000.00", currency: "EUR" } },
          "EUR",
        ),
      },
    ],
    deductions: [{ label: "VAT", basis: "TAX_INCLUDED_IN_PRICE", rate: new Decimal("7") }],
  });
}
