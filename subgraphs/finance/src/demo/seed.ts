// Finance's part of the demo world (README, "Demo data"): for each demo company, the
// money of some of its Base events (tickets, bar and merchandise; production, marketing,
// staff...), company overhead, and draft settlements to try the waterfall on (Northwind's
// Dublin show settles a two-act bill), and an approved one with a deposit paid and the
// artist's tax withheld (Portland), to try payments on.
// Entries are dated relative to their event, which Base places relative to the seed day,
// so the two stay in step. Everything is written through the data layer, so the demo
// passes the same checks as a user's input.
import { parseDealTerms } from "@marquee/kit";
import { demoCompanies, demoUsers, demoArtists, demoEvents, type DemoEvent } from "@marquee/kit/demo";
import type { IncomeSource } from "../__generated__/prisma/client.ts";
import { parseMoney, type ExpenseCategory } from "../domain/index.ts";
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

type DemoExpense = DemoEntry & { category: ExpenseCategory };
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
  { event: e.chicago, days: -20, category: "MARKETING", description: "Social ads and posters", counterparty: "Meta", amount: "1150.00", currency: "USD" },
  { event: e.chicago, days: -3, category: "PRODUCTION", description: "Sound and lights", counterparty: "Windy City Audio", amount: "3200.00", currency: "USD" },
  { event: e.chicago, days: -1, category: "HOSPITALITY", description: "Rider and catering", counterparty: null, amount: "640.00", currency: "USD" },
  { event: e.chicago, days: -1, category: "STAFFING", description: "Security and box office", counterparty: "Lakeside Event Staff", amount: "1800.00", currency: "USD" },
  { event: e.chicago, days: -1, category: "VENUE_RENT", description: "Thalia Hall rental", counterparty: "Thalia Hall", amount: "4500.00", currency: "USD" },
  { event: e.london, days: -28, category: "MARKETING", description: "Tube posters", counterparty: "Transport for London Advertising", amount: "1200.00", currency: "GBP" },
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
  { event: null, days: -15, source: "SPONSORSHIP", description: "Annual brewery partnership", counterparty: "Hopworks Brewing", amount: "15000.00", currency: "USD" },
];

const harborExpenses: DemoExpense[] = [
  { event: e.harborSeasonClosing, days: 0, category: "STAFFING", description: "Bar, door and security staff", counterparty: null, amount: "2600.00", currency: "EUR" },
  { event: e.harborSeasonClosing, days: 0, category: "PRODUCTION", description: "Piano tuning and stage lights", counterparty: "Hanse Bühnentechnik", amount: "1900.00", currency: "EUR" },
  { event: e.harborSeasonClosing, days: 0, category: "HOSPITALITY", description: "Green room catering", counterparty: null, amount: "420.00", currency: "EUR" },
  { event: e.harborJazzNight, days: -14, category: "MARKETING", description: "Print ads and flyers", counterparty: "Hamburger Abendblatt", amount: "600.00", currency: "EUR" },
  { event: e.harborJazzNight, days: -2, category: "PRODUCTION", description: "Sound engineer and backline", counterparty: "Hanse Bühnentechnik", amount: "1500.00", currency: "EUR" },
  { event: null, days: -12, category: "OTHER", description: "Building insurance", counterparty: "Elbe Versicherung", amount: "1250.00", currency: "EUR" },
  { event: null, days: -3, category: "STAFFING", description: "Cleaning contract", counterparty: "Sauber Nord", amount: "980.00", currency: "EUR" },
];

const harborIncome: DemoIncome[] = [
  { event: e.harborSeasonClosing, days: 0, source: "TICKETING", description: "Ticket sales", counterparty: "Eventim", amount: "25520.00", currency: "EUR" },
  { event: e.harborSeasonClosing, days: 0, source: "BAR", description: "Bar takings", counterparty: null, amount: "7340.00", currency: "EUR" },
  { event: e.harborJazzNight, days: -5, source: "TICKETING", description: "Advance ticket sales", counterparty: "Eventim", amount: "13195.00", currency: "EUR" },
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
  const usd = (amount: string) => parseMoney(amount, "USD");
  await northwind.settlements.create(e.chicago.id, {
    currency: "USD",
    bill: [
      {
        artistId: demoArtists.auroraLane.id,
        dealTerms: parseDealTerms({ dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: { amount: "8000.00", currency: "USD" }, percentage: "80" }, "USD"),
      },
    ],
    deductions: [
      { label: "Ticketing fees", amount: usd("1652.40") },
      { label: "Chicago amusement tax", amount: usd("2478.60") },
    ],
  });

  // A two-act show, settled over its whole bill: Saga Nord supports The Midnight Tide in
  // Dublin. Adjusted gross 34,365 − 1,865 = 32,500, expenses 8,800, net 23,700. The support
  // is paid first, €2,500 flat; the headliner's 85% is of the net after it, 85% × 21,200 =
  // €18,020 (above its €15,000 guarantee); the promoter keeps 23,700 − 20,520 = €3,180.
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
    deductions: [{ label: "Ticketing fees", amount: eur("1865.00") }],
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

  // A venue's door deal: the quartet takes 70% of what the door brings in after fees and VAT.
  await harbor.settlements.create(e.harborJazzNight.id, {
    currency: "EUR",
    bill: [{ artistId: demoArtists.elbeQuartet.id, dealTerms: parseDealTerms({ dealType: "DOOR_DEAL", percentage: "70" }, "EUR") }],
    deductions: [
      { label: "Ticketing fees", amount: eur("395.85") },
      { label: "VAT (7%)", amount: eur("863.22") },
    ],
  });
}
