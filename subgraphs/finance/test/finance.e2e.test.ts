// Finance through the gateway, over HTTP, on the seeded demo world: what each demo user
// may read and change, how Finance's fields join Base's events, deals paid by Base's count
// of paid tickets, another company's ids, concurrent approvals, and what a list of events
// costs in SQL statements. The stack runs Base with Finance, composed from their schemas
// as they are.
import { demoArtists, demoCompanies, demoEvents } from "@marquee/kit/demo";
import { baseSubgraph } from "@marquee/subgraph-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "@marquee/gateway/testing";
import { financeSubgraph } from "../src/index.ts";

const alice = { as: "alice@northwind.test", company: "northwind" } as const;
const bob = { as: "bob@northwind.test", company: "northwind" } as const;
const hana = { as: "hana@harbor.test", company: "harbor" } as const;

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ packages: [baseSubgraph, financeSubgraph] });
});
afterAll(async () => {
  await stack?.close();
});

type Caller = { as: string; company: string };
const ask = (caller: Caller, query: string, variables: Record<string, unknown> = {}) => stack.query(query, { ...caller, variables });
const financeStatements = () => stack.stack.subgraphs.get("finance")!.opened.queryCount();

const summary = "{ financeSummary { currency totalExpenses { amount } totalIncome { amount } net { amount } } }";

describe("alice, who holds every finance permission", () => {
  it("gets an event's expenses, income, net and settlement sheet in one query", async () => {
    const response = await ask(
      alice,
      `{ events(filter: { search: "Chicago" }) { edges { node {
          name
          expenses(first: 10) { edges { node { category amount { amount currency } } } }
          income { edges { node { source payer amount { amount currency } } } }
          financeTotals { currency totalExpenses { amount } totalIncome { amount } net { amount currency } }
          settlement {
            status
            bill {
              billingPosition artist { name }
              dealTerms {
                dealType guarantee { amount currency } percentage perTicket { amount }
                promoterProfit { percentageOfExpenses amount { amount } } expenseCap { amount } ticketBonuses { ticketsSold }
              }
              figures { frozen payout { amount } dealAmount { amount } bonuses { amount } promoterProfit { amount } splitPoint { amount } expensesCounted { amount } }
            }
            deductions { label amount { amount } }
            figures { frozen lines { kind label amount { amount } } artistPayouts { amount } promoterResult { amount } ticketsSold }
          }
        } } } }`,
    );
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    const [chicago] = response.body.data!.events.edges.map((edge: { node: unknown }) => edge.node);
    expect(chicago.name).toBe(demoEvents.chicago.name);
    expect(chicago.expenses.edges).toHaveLength(5);
    expect(chicago.income.edges).toEqual([{ node: { source: "TICKETING", payer: "AXS", amount: { amount: "27540.00", currency: "USD" } } }]);
    expect(chicago.financeTotals).toEqual([
      { currency: "USD", totalExpenses: { amount: "11290.00" }, totalIncome: { amount: "27540.00" }, net: { amount: "16250.00", currency: "USD" } },
    ]);
    expect(chicago.settlement).toEqual(
      {
        status: "DRAFT",
        bill: [
          {
            billingPosition: 0,
            artist: { name: demoArtists.auroraLane.name },
            dealTerms: {
              dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET",
              guarantee: { amount: "8000.00", currency: "USD" },
              percentage: "80",
              perTicket: null,
              promoterProfit: null,
              expenseCap: null,
              ticketBonuses: [],
            },
            figures: {
              frozen: false,
              payout: { amount: "9695.20" },
              dealAmount: { amount: "9695.20" },
              bonuses: { amount: "0.00" },
              promoterProfit: null,
              splitPoint: null,
              expensesCounted: { amount: "11290.00" },
            },
          },
        ],
        deductions: [
          { label: "Ticketing fees", amount: { amount: "1652.40" } },
          { label: "Chicago amusement tax", amount: { amount: "2478.60" } },
        ],
        figures: {
          frozen: false,
          lines: [
            { kind: "GROSS_TICKET_SALES", label: "Gross ticket sales", amount: { amount: "27540.00" } },
            { kind: "DEDUCTION", label: "Ticketing fees", amount: { amount: "1652.40" } },
            { kind: "DEDUCTION", label: "Chicago amusement tax", amount: { amount: "2478.60" } },
            { kind: "ADJUSTED_GROSS", label: "Adjusted gross", amount: { amount: "23409.00" } },
            { kind: "EXPENSE", label: "Production", amount: { amount: "3200.00" } },
            { kind: "EXPENSE", label: "Marketing", amount: { amount: "1150.00" } },
            { kind: "EXPENSE", label: "Hospitality", amount: { amount: "640.00" } },
            { kind: "EXPENSE", label: "Staffing", amount: { amount: "1800.00" } },
            { kind: "EXPENSE", label: "Venue rent", amount: { amount: "4500.00" } },
            { kind: "TOTAL_EXPENSES", label: "Total expenses", amount: { amount: "11290.00" } },
            { kind: "NET", label: "Net", amount: { amount: "12119.00" } },
            { kind: "ARTIST_PAYOUT", label: "80% of net (USD 9695.20) exceeds guarantee (USD 8000.00)", amount: { amount: "9695.20" } },
            { kind: "PROMOTER_RESULT", label: "Promoter profit", amount: { amount: "2423.80" } },
          ],
          artistPayouts: { amount: "9695.20" },
          promoterResult: { amount: "2423.80" },
          ticketsSold: null,
        },
      },
    );
  });

  it("gets the demo's two-act show settled over its whole bill: the support paid first, the promoter's result once", async () => {
    const response = await ask(
      alice,
      `query($eventId: ID) { settlements(filter: { eventId: $eventId }) { edges { node {
          id event { name settlement { id } }
          bill { billingPosition artist { name } figures { payout { amount currency } expensesCounted { amount } } }
          figures { sheet net { amount } lines { kind label amount { amount } } artistPayouts { amount } houseExpenses { amount } promoterResult { amount } }
          artistSheet: figures(sheet: ARTIST) { sheet net { amount } lines { kind label amount { amount } } artistPayouts { amount } houseExpenses { amount } promoterResult { amount } }
        } } } }`,
      { eventId: demoEvents.dublin.id },
    );
    expect(response.body.errors).toBeUndefined();
    const [dublin] = response.body.data!.settlements.edges.map((edge: { node: unknown }) => edge.node);
    // One settlement for the show, which the event names as its own.
    expect(response.body.data!.settlements.edges).toHaveLength(1);
    expect(dublin.event).toEqual({ name: demoEvents.dublin.name, settlement: { id: dublin.id } });
    // Net 32,500 − 8,800 = 23,700 (the promoter rep's house-only 450 is not on the artists' sheet); Saga Nord's flat
    // 2,500 first; 85% × (23,700 − 2,500 = 21,200) = 18,020 > 15,000; the artists' sheet shows the promoter 3,180,
    // the promoter's books (the default sheet) 3,180 − 450 = 2,730.
    expect(dublin.bill).toEqual([
      { billingPosition: 0, artist: { name: demoArtists.midnightTide.name }, figures: { payout: { amount: "18020.00", currency: "EUR" }, expensesCounted: { amount: "11300.00" } } },
      { billingPosition: 1, artist: { name: demoArtists.sagaNord.name }, figures: { payout: { amount: "2500.00", currency: "EUR" }, expensesCounted: null } },
    ]);
    const payouts = [
      { kind: "NET", label: "Net", amount: { amount: "23700.00" } },
      { kind: "ARTIST_PAYOUT", label: "Act 2 of 2: Flat guarantee (EUR 2500.00)", amount: { amount: "2500.00" } },
      { kind: "ARTIST_PAYOUT", label: "Act 1 of 2: 85% of net (EUR 18020.00) exceeds guarantee (EUR 15000.00)", amount: { amount: "18020.00" } },
    ];
    expect(dublin.artistSheet.lines.slice(-4)).toEqual([...payouts, { kind: "PROMOTER_RESULT", label: "Promoter profit", amount: { amount: "3180.00" } }]);
    expect(dublin.figures.lines.slice(-6)).toEqual([
      ...payouts,
      { kind: "HOUSE_EXPENSE", label: "Travel (house only)", amount: { amount: "450.00" } },
      { kind: "TOTAL_HOUSE_EXPENSES", label: "Total house-only expenses", amount: { amount: "450.00" } },
      { kind: "PROMOTER_RESULT", label: "Promoter profit", amount: { amount: "2730.00" } },
    ]);
    expect([dublin.figures.sheet, dublin.figures.artistPayouts, dublin.figures.houseExpenses, dublin.figures.promoterResult]).toEqual(["INTERNAL", { amount: "20520.00" }, { amount: "450.00" }, { amount: "2730.00" }]);
    expect([dublin.artistSheet.sheet, dublin.artistSheet.net, dublin.artistSheet.houseExpenses, dublin.artistSheet.promoterResult]).toEqual(["ARTIST", { amount: "23700.00" }, null, { amount: "3180.00" }]);

    // The support's settlements are found through the bill, on the artist and by the filter.
    const bySupport = await ask(
      alice,
      `query($artistId: ID!) { artist(id: $artistId) { settlements { edges { node { event { name } } } } } settlements(filter: { artistId: $artistId }) { edges { node { event { name } } } } }`,
      { artistId: demoArtists.sagaNord.id },
    );
    expect(bySupport.body.errors).toBeUndefined();
    expect(bySupport.body.data!.artist.settlements.edges.map((edge: { node: { event: { name: string } } }) => edge.node.event.name)).toContain(demoEvents.dublin.name);
    expect(bySupport.body.data!.settlements.edges.map((edge: { node: { event: { name: string } } }) => edge.node.event.name)).toContain(demoEvents.dublin.name);
  });

  it("records an expense on an event and sees it in the event's totals", async () => {
    const recorded = await ask(
      alice,
      `mutation($input: RecordExpenseInput!) { recordExpense(input: $input) { category description vendor amount { amount currency } sheet incurredOn event { name } } }`,
      { input: { eventId: demoEvents.zurich.id, category: "MARKETING", description: "  Posters  ", amount: { amount: "480.5", currency: "CHF" }, incurredOn: "2026-06-01" } },
    );
    expect(recorded.body.errors).toBeUndefined();
    expect(recorded.body.data!.recordExpense).toEqual({
      category: "MARKETING",
      description: "Posters",
      vendor: null,
      amount: { amount: "480.50", currency: "CHF" },
      // Left out, an expense is on the artist's sheet.
      sheet: "ARTIST_SHEET",
      incurredOn: "2026-06-01",
      event: { name: demoEvents.zurich.name },
    });
  });

  it("records an expense as house only, corrects it onto the artist's sheet, and filters by sheet", async () => {
    const recorded = await ask(
      alice,
      `mutation($input: RecordExpenseInput!) { recordExpense(input: $input) { id sheet } }`,
      { input: { eventId: demoEvents.zurich.id, category: "STAFFING", description: "House runner", amount: { amount: "90.00", currency: "CHF" }, sheet: "HOUSE_ONLY", incurredOn: "2026-06-01" } },
    );
    expect(recorded.body.errors).toBeUndefined();
    const { id, sheet } = recorded.body.data!.recordExpense;
    expect(sheet).toBe("HOUSE_ONLY");
    const houseOnly = async () =>
      (await ask(alice, `query($eventId: ID) { expenses(filter: { eventId: $eventId, sheet: HOUSE_ONLY }) { edges { node { id } } } }`, { eventId: demoEvents.zurich.id })).body.data!.expenses.edges.map(
        (edge: { node: { id: string } }) => edge.node.id,
      );
    expect(await houseOnly()).toEqual([id]);
    const corrected = await ask(alice, `mutation($id: ID!) { updateExpense(input: { id: $id, sheet: ARTIST_SHEET }) { sheet } }`, { id });
    expect(corrected.body.data!.updateExpense).toEqual({ sheet: "ARTIST_SHEET" });
    expect(await houseOnly()).toEqual([]);
  });

  it("is told which input is wrong: amounts finer than the currency, unknown events", async () => {
    const yen = await ask(alice, `mutation { recordExpense(input: { category: OTHER, description: "Taxi", amount: { amount: "1200.5", currency: "JPY" }, incurredOn: "2026-06-01" }) { id } }`);
    expect(yen.status).toBe(400);
    expect(yen.body.errors?.[0]).toMatchObject({
      message: 'Invalid amount "1200.5": JPY allows at most 0 decimal place(s)',
      extensions: { code: "BAD_USER_INPUT", reason: "INVALID_AMOUNT" },
    });

    const unknownEvent = crypto.randomUUID();
    const missing = await ask(
      alice,
      `mutation($eventId: ID) { recordExpense(input: { eventId: $eventId, category: OTHER, description: "Taxi", amount: { amount: "12.00", currency: "USD" }, incurredOn: "2026-06-01" }) { id } }`,
      { eventId: unknownEvent },
    );
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.[0]).toMatchObject({ message: `There is no event "${unknownEvent}" in this company.`, extensions: { code: "BAD_USER_INPUT" } });
  });
});

describe("bob, who may view finance but change nothing", () => {
  it("reads expenses, but recording one is 403 naming finance.expense.create, and nothing is written", async () => {
    const before = await ask(alice, summary);
    const read = await ask(bob, "{ expenses(first: 3) { edges { node { description } } } }");
    expect(read.status).toBe(200);
    expect(read.body.data!.expenses.edges).toHaveLength(3);

    const write = await ask(bob, `mutation { recordExpense(input: { category: OTHER, description: "Coffee", amount: { amount: "4.50", currency: "USD" }, incurredOn: "2026-06-01" }) { id } }`);
    expect(write.status).toBe(403);
    expect(write.body.errors?.[0]).toMatchObject({
      message: 'You need the permission "finance.expense.create" for this.',
      extensions: { code: "FORBIDDEN", permission: "finance.expense.create" },
    });
    expect((await ask(alice, summary)).body).toEqual(before.body);
  });
});

describe("hana, at Harbor Hall, which has finance but not basic", () => {
  it("sees her expenses' events resolved through Base, while Base's own events list is closed to her", async () => {
    const expenses = await ask(hana, "{ expenses(first: 50) { edges { node { description event { id name } } } } }");
    expect(expenses.status).toBe(200);
    expect(expenses.body.errors).toBeUndefined();
    const events = new Set(expenses.body.data!.expenses.edges.map((edge: { node: { event: { name: string } | null } }) => edge.node.event?.name ?? "overhead"));
    expect(events).toEqual(new Set([demoEvents.harborSeasonClosing.name, demoEvents.harborJazzNight.name, demoEvents.harborClubNight.name, "overhead"]));

    const baseEvents = await ask(hana, "{ events { edges { node { id } } } }");
    expect(baseEvents.status).toBe(403);
    expect(baseEvents.body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", module: "basic" });
  });

  it("sees the jazz night's fees and VAT as rates, each with its base: the VAT taken after the fees, 837.33", async () => {
    const response = await ask(
      hana,
      `query($eventId: ID) { settlements(filter: { eventId: $eventId }) { edges { node {
          deductions { label basis rate perTicket { amount } base { amount currency } amount { amount currency } }
          figures { lines { kind label amount { amount } } adjustedGross { amount } artistPayouts { amount } promoterResult { amount } }
        } } } }`,
      { eventId: demoEvents.harborJazzNight.id },
    );
    expect(response.body.errors).toBeUndefined();
    const [jazz] = response.body.data!.settlements.edges.map((edge: { node: unknown }) => edge.node);
    // Fees 3% × 13,195.00 = 395.85; VAT 7/107 × (13,195.00 − 395.85 = 12,799.15) = 837.3276 → 837.33; adjusted gross
    // 11,961.82; the quartet 70% = 8,373.27; expenses 2,100; promoter 11,961.82 − 2,100 − 8,373.27 = 1,488.55.
    expect(jazz.deductions).toEqual([
      { label: "Ticketing fees", basis: "PERCENTAGE_OF_GROSS", rate: "3", perTicket: null, base: { amount: "13195.00", currency: "EUR" }, amount: { amount: "395.85", currency: "EUR" } },
      { label: "VAT", basis: "TAX_INCLUDED_IN_PRICE", rate: "7", perTicket: null, base: { amount: "12799.15", currency: "EUR" }, amount: { amount: "837.33", currency: "EUR" } },
    ]);
    expect(jazz.figures.lines.slice(1, 4)).toEqual([
      { kind: "DEDUCTION", label: "Ticketing fees (3% of EUR 13195.00)", amount: { amount: "395.85" } },
      { kind: "DEDUCTION", label: "VAT (7% included in EUR 12799.15)", amount: { amount: "837.33" } },
      { kind: "ADJUSTED_GROSS", label: "Adjusted gross", amount: { amount: "11961.82" } },
    ]);
    expect([jazz.figures.adjustedGross, jazz.figures.artistPayouts, jazz.figures.promoterResult]).toEqual([{ amount: "11961.82" }, { amount: "8373.27" }, { amount: "1488.55" }]);
  });
});

describe("deals paid by the tickets sold", () => {
  const thaliaHall = { venueName: "Thalia Hall", city: "Chicago", country: "US", latitude: 41.8577, longitude: -87.6594, timeZone: "America/Chicago" };
  const actFields = `billingPosition artist { name } dealTerms { dealType perTicket { amount } guarantee { amount } percentage promoterProfit { percentageOfExpenses amount { amount } }
    expenseCap { amount } ticketBonuses { ticketsSold bonus { amount currency } } }
    figures { frozen payout { amount } dealAmount { amount } bonuses { amount } promoterProfit { amount } splitPoint { amount } expensesCounted { amount } }`;
  const settlementFields = `id bill { ${actFields} }
    figures { frozen lines { kind label amount { amount } } artistPayouts { amount } promoterResult { amount } ticketsSold }`;
  const createSettlement = async (eventId: string, bill: { artistId: string; dealTerms: Record<string, unknown> }[]) => {
    const response = await ask(alice, `mutation($input: CreateSettlementInput!) { createSettlement(input: $input) { ${settlementFields} } }`, {
      input: { eventId, currency: "USD", bill },
    });
    expect(response.body.errors).toBeUndefined();
    return response.body.data!.createSettlement;
  };
  type Figures = { frozen: boolean; ticketsSold: number | null; artistPayouts: { amount: string }; promoterResult: { amount: string } };
  type Act = { artist: { name: string }; figures: { payout: { amount: string } } };
  const settlementOf = async (eventId: string) => {
    const response = await ask(alice, `query($eventId: ID) { settlements(filter: { eventId: $eventId }) { edges { node { ${settlementFields} } } } }`, { eventId });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.settlements.edges).toHaveLength(1);
    return response.body.data!.settlements.edges[0].node as { bill: Act[]; figures: Figures };
  };
  /** The paid tickets the deals counted, every act's payout by name, all payouts and the promoter's result. */
  const outcome = ({ bill, figures }: { bill: Act[]; figures: Figures }) => [
    figures.frozen,
    figures.ticketsSold,
    Object.fromEntries(bill.map((act) => [act.artist.name, act.figures.payout.amount])),
    figures.artistPayouts.amount,
    figures.promoterResult.amount,
  ];
  const sellTickets = async (eventId: string, ticketsSold: number) => {
    const response = await ask(alice, "mutation($id: ID!, $ticketsSold: Int) { updateEvent(id: $id, input: { ticketsSold: $ticketsSold }) { ticketsSold } }", { id: eventId, ticketsSold });
    expect(response.body.data?.updateEvent).toEqual({ ticketsSold });
  };

  it("are paid by Base's count of the event's paid tickets, live on a draft and frozen at approval, over the whole bill", async () => {
    const startsAt = "2027-03-01T02:00:00Z";
    const created = await ask(alice, "mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }", {
      input: { name: "Ticket count night", startsAt, endsAt: "2027-03-01T05:00:00Z", location: thaliaHall, capacity: 2000, ticketsSold: 1432, ticketPrice: { amount: "40.00", currency: "USD" } },
    });
    const eventId = created.body.data!.createEvent.id as string;
    // Gross 57,280 (1,432 × $40), no deductions; expenses 13,250; net 44,030.
    await ask(alice, `mutation($eventId: ID) { recordIncome(input: { eventId: $eventId, source: TICKETING, description: "Tickets", amount: { amount: "57280.00", currency: USD }, receivedOn: "2027-02-28" }) { id } }`, { eventId });
    await ask(alice, `mutation($eventId: ID) { recordExpense(input: { eventId: $eventId, category: PRODUCTION, description: "Production", amount: { amount: "13250.00", currency: USD }, incurredOn: "2027-02-28" }) { id } }`, { eventId });

    // Aurora Lane headlines on $12 a paid ticket; Saga Nord supports on $10,000 versus 25% of gross, with bonuses.
    const settlement = await createSettlement(eventId, [
      { artistId: demoArtists.auroraLane.id, dealTerms: { dealType: "PER_TICKET", perTicket: { amount: "12.00", currency: "USD" }, guarantee: { amount: "15000.00", currency: "USD" } } },
      {
        artistId: demoArtists.sagaNord.id,
        dealTerms: {
          dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS",
          guarantee: { amount: "10000.00", currency: "USD" },
          percentage: "25",
          ticketBonuses: [
            { ticketsSold: 1000, bonus: { amount: "1000.00", currency: "USD" } },
            { ticketsSold: 1400, bonus: { amount: "1500.00", currency: "USD" } },
            { ticketsSold: 1500, bonus: { amount: "2000.00", currency: "USD" } },
          ],
        },
      },
    ]);
    expect(settlement.bill.map((act: Act & { billingPosition: number }) => [act.billingPosition, act.artist.name])).toEqual([
      [0, demoArtists.auroraLane.name],
      [1, demoArtists.sagaNord.name],
    ]);
    expect(settlement.bill[1].dealTerms.ticketBonuses).toEqual([
      { ticketsSold: 1000, bonus: { amount: "1000.00", currency: "USD" } },
      { ticketsSold: 1400, bonus: { amount: "1500.00", currency: "USD" } },
      { ticketsSold: 1500, bonus: { amount: "2000.00", currency: "USD" } },
    ]);
    // The support first: 25% × 57,280 = 14,320 > 10,000, plus the bonuses at 1,000 and 1,400 tickets: 16,820.
    // The headliner: 12 × 1,432 = 17,184 > 15,000. Payouts 34,004; promoter 44,030 − 34,004 = 10,026.
    expect(settlement.figures.lines.slice(-5)).toEqual([
      { kind: "ARTIST_PAYOUT", label: "Act 2 of 2: 25% of adjusted gross (USD 14320.00) exceeds guarantee (USD 10000.00)", amount: { amount: "14320.00" } },
      { kind: "ARTIST_BONUS", label: "Act 2 of 2: Bonus at 1000 paid tickets", amount: { amount: "1000.00" } },
      { kind: "ARTIST_BONUS", label: "Act 2 of 2: Bonus at 1400 paid tickets", amount: { amount: "1500.00" } },
      { kind: "ARTIST_PAYOUT", label: "Act 1 of 2: USD 12.00 × 1432 paid tickets (USD 17184.00) exceeds guarantee (USD 15000.00)", amount: { amount: "17184.00" } },
      { kind: "PROMOTER_RESULT", label: "Promoter profit", amount: { amount: "10026.00" } },
    ]);
    expect(settlement.bill[1].figures).toEqual({
      frozen: false,
      payout: { amount: "16820.00" },
      dealAmount: { amount: "14320.00" },
      bonuses: { amount: "2500.00" },
      promoterProfit: null,
      splitPoint: null,
      expensesCounted: null,
    });
    expect(outcome(await settlementOf(eventId))).toEqual([false, 1432, { [demoArtists.auroraLane.name]: "17184.00", [demoArtists.sagaNord.name]: "16820.00" }, "34004.00", "10026.00"]);

    // 68 more tickets sold: 12 × 1,500 = 18,000; the third bonus is reached: 14,320 + 4,500 = 18,820; promoter 44,030 − 36,820 = 7,210.
    await sellTickets(eventId, 1500);
    expect(outcome(await settlementOf(eventId))).toEqual([false, 1500, { [demoArtists.auroraLane.name]: "18000.00", [demoArtists.sagaNord.name]: "18820.00" }, "36820.00", "7210.00"]);

    const approved = await ask(alice, "mutation($id: ID!) { approveSettlement(id: $id) { status } }", { id: settlement.id });
    expect(approved.body.data!.approveSettlement).toEqual({ status: "APPROVED" });

    // Refunds bring the count down to 1,200: the approved sheet keeps 1,500, for every act.
    await sellTickets(eventId, 1200);
    expect(outcome(await settlementOf(eventId))).toEqual([true, 1500, { [demoArtists.auroraLane.name]: "18000.00", [demoArtists.sagaNord.name]: "18820.00" }, "36820.00", "7210.00"]);

    // One settlement per event: a second one is refused, naming the first.
    const second = await ask(alice, `mutation($input: CreateSettlementInput!) { createSettlement(input: $input) { id } }`, {
      input: { eventId, currency: "USD", bill: [{ artistId: demoArtists.sagaNord.id, dealTerms: { dealType: "DOOR_DEAL", percentage: "50" } }] },
    });
    expect(second.status).toBe(400);
    expect(second.body.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", eventId, settlementId: settlement.id } });
  });

  it("take the promoter profit and the cap agents write, and refuse a term the deal type does not take", async () => {
    const startsAt = "2027-03-05T02:00:00Z";
    const created = await ask(alice, "mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }", {
      input: { name: "Plus deal night", startsAt, endsAt: "2027-03-05T05:00:00Z", location: thaliaHall, capacity: 2000, ticketPrice: { amount: "40.00", currency: "USD" } },
    });
    const eventId = created.body.data!.createEvent.id as string;
    // Gross 40,000 less 4,000 of fees: adjusted gross 36,000; expenses 14,000; net 22,000.
    await ask(alice, `mutation($eventId: ID) { recordIncome(input: { eventId: $eventId, source: TICKETING, description: "Tickets", amount: { amount: "40000.00", currency: USD }, receivedOn: "2027-03-04" }) { id } }`, { eventId });
    await ask(alice, `mutation($eventId: ID) { recordExpense(input: { eventId: $eventId, category: PRODUCTION, description: "Production", amount: { amount: "14000.00", currency: USD }, incurredOn: "2027-03-04" }) { id } }`, { eventId });

    const refused = await ask(alice, `mutation($eventId: ID!, $artistId: ID!) { createSettlement(input: { eventId: $eventId, currency: USD,
        bill: [{ artistId: $artistId, dealTerms: { dealType: FLAT_GUARANTEE, guarantee: { amount: "5000.00", currency: USD }, percentage: "80" } }] }) { id } }`, { eventId, artistId: demoArtists.auroraLane.id });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]).toMatchObject({
      message: "A FLAT_GUARANTEE deal does not take a percentage.",
      extensions: { code: "BAD_USER_INPUT", reason: "INVALID_DEAL_TERMS", field: "bill[0].dealTerms.percentage" },
    });

    const plus = { dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", guarantee: { amount: "12000.00", currency: "USD" }, percentage: "85", promoterProfit: { percentageOfExpenses: "15" } };
    const settlement = await createSettlement(eventId, [{ artistId: demoArtists.auroraLane.id, dealTerms: plus }]);
    expect(settlement.bill[0].dealTerms).toMatchObject({ dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", promoterProfit: { percentageOfExpenses: "15", amount: null }, expenseCap: null, ticketBonuses: [] });
    const fees = await ask(alice, `mutation($id: ID!) { updateSettlement(input: { id: $id, deductions: [{ label: "Ticketing fees", amount: { amount: "4000.00", currency: USD } }] }) { ${settlementFields} } }`, { id: settlement.id });
    // Promoter profit 15% × (14,000 + 12,000) = 3,900; split point 29,900; 12,000 + 85% × 6,100 = 17,185; promoter 4,815.
    expect(fees.body.data!.updateSettlement.figures).toMatchObject({ artistPayouts: { amount: "17185.00" }, promoterResult: { amount: "4815.00" }, ticketsSold: null });
    expect(fees.body.data!.updateSettlement.bill[0].figures).toMatchObject({ promoterProfit: { amount: "3900.00" }, splitPoint: { amount: "29900.00" }, expensesCounted: { amount: "14000.00" } });

    // A new bill without a currency is read in the settlement's: expenses capped at 10,000 make the
    // promoter profit 15% × 22,000 = 3,300 and the split point 25,300; 12,000 + 85% × 10,700 = 21,095.
    const capped = await ask(alice, `mutation($id: ID!, $bill: [SettlementActInput!]) { updateSettlement(input: { id: $id, bill: $bill }) { ${settlementFields} } }`, {
      id: settlement.id,
      bill: [{ artistId: demoArtists.auroraLane.id, dealTerms: { ...plus, expenseCap: { amount: "10000.00", currency: "USD" } } }],
    });
    expect(capped.body.errors).toBeUndefined();
    expect(capped.body.data!.updateSettlement.bill[0].dealTerms.expenseCap).toEqual({ amount: "10000.00" });
    expect(capped.body.data!.updateSettlement.figures).toMatchObject({ artistPayouts: { amount: "21095.00" }, promoterResult: { amount: "905.00" } });
    expect(capped.body.data!.updateSettlement.bill[0].figures).toMatchObject({ promoterProfit: { amount: "3300.00" }, splitPoint: { amount: "25300.00" }, expensesCounted: { amount: "10000.00" } });

    // The bill replaced whole, with the same artist twice: refused, naming the second.
    const twice = await ask(alice, `mutation($id: ID!, $bill: [SettlementActInput!]) { updateSettlement(input: { id: $id, bill: $bill }) { id } }`, {
      id: settlement.id,
      bill: [
        { artistId: demoArtists.auroraLane.id, dealTerms: plus },
        { artistId: demoArtists.auroraLane.id, dealTerms: { dealType: "DOOR_DEAL", percentage: "10" } },
      ],
    });
    expect(twice.body.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "bill[1].artistId" } });
  });
});

describe("the demo's show on each deal form, as worked by hand in src/demo/seed.ts", () => {
  const settlementOf = async (caller: Caller, eventId: string) => {
    const response = await ask(
      caller,
      `query($eventId: ID) { settlements(filter: { eventId: $eventId }) { edges { node {
        deductions { label amount { amount } }
        bill { dealTerms { dealType } figures { payout { amount } dealAmount { amount } bonuses { amount } promoterProfit { amount } splitPoint { amount } expensesCounted { amount } } }
        figures { adjustedGross { amount } totalExpenses { amount } net { amount } promoterResult { amount } ticketsSold }
      } } } }`,
      { eventId },
    );
    expect(response.body.errors).toBeUndefined();
    return response.body.data!.settlements.edges[0].node;
  };
  const amounts = (figures: Record<string, { amount: string } | null>) => Object.fromEntries(Object.entries(figures).map(([name, value]) => [name, value?.amount ?? null]));

  it("pays Kasimir Vale 35% of Munich's gross after fees and VAT, with the sold-out bonus", async () => {
    const munich = await settlementOf(alice, demoEvents.munich.id);
    expect(munich.deductions.map((deduction: { label: string; amount: { amount: string } }) => [deduction.label, deduction.amount.amount])).toEqual([
      ["Ticketing fees", "2100.00"],
      ["VAT", "2610.28"],
    ]);
    expect(munich.bill[0].dealTerms.dealType).toBe("GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS");
    expect(amounts(munich.bill[0].figures)).toEqual({ payout: "14051.40", dealAmount: "13051.40", bonuses: "1000.00", promoterProfit: null, splitPoint: null, expensesCounted: null });
    expect(munich.figures).toEqual({ adjustedGross: { amount: "37289.72" }, totalExpenses: { amount: "15350.00" }, net: { amount: "21939.72" }, promoterResult: { amount: "7888.32" }, ticketsSold: 1200 });
  });

  it("pays Lúa Moreno in Madrid on a plus deal: capped expenses, 15% promoter profit, the split point", async () => {
    const madrid = await settlementOf(alice, demoEvents.madrid.id);
    expect(amounts(madrid.bill[0].figures)).toEqual({
      payout: "411511.50",
      dealAmount: "411511.50",
      bonuses: "0.00",
      promoterProfit: "11250.00",
      splitPoint: "86250.00",
      expensesCounted: "30000.00",
    });
    expect(madrid.figures).toEqual({ adjustedGross: { amount: "517440.00" }, totalExpenses: { amount: "33500.00" }, net: { amount: "483940.00" }, promoterResult: { amount: "72428.50" }, ticketsSold: null });
  });

  it("pays the Elbe Quartet 80% of the door after capped expenses, at Harbor Hall, which has no Market", async () => {
    const closing = await settlementOf(hana, demoEvents.harborSeasonClosing.id);
    expect(amounts(closing.bill[0].figures)).toMatchObject({ payout: "15480.38", expensesCounted: "4500.00" });
    expect(closing.figures).toEqual({ adjustedGross: { amount: "23850.47" }, totalExpenses: { amount: "4920.00" }, net: { amount: "18930.47" }, promoterResult: { amount: "3450.09" }, ticketsSold: null });
  });

  it("pays Nordlicht Collective per paid ticket, Base's 300, above its minimum", async () => {
    const club = await settlementOf(hana, demoEvents.harborClubNight.id);
    expect(amounts(club.bill[0].figures)).toMatchObject({ payout: "2400.00", dealAmount: "2400.00" });
    expect(club.figures).toEqual({ adjustedGross: { amount: "6168.22" }, totalExpenses: { amount: "1600.00" }, net: { amount: "4568.22" }, promoterResult: { amount: "2168.22" }, ticketsSold: 300 });
  });
});

describe("another company's ids", () => {
  const harborFinance = `{
    expenses(first: 50) { edges { node { id description amount { amount } event { id } } } }
    incomes(first: 50) { edges { node { id amount { amount } } } }
    settlements { edges { node { id status currency deductions { label } bill { billingPosition dealTerms { dealType percentage } } } } }
  }`;

  it("read as unknown ids in every finance query and mutation, and change nothing", async () => {
    const harborBefore = await ask(hana, harborFinance);
    const { expenses, incomes, settlements } = harborBefore.body.data!;
    const expenseId = expenses.edges[0].node.id;
    const incomeId = incomes.edges[0].node.id;
    const settlementId = settlements.edges[0].node.id;
    const harborEvent = demoEvents.harborJazzNight.id;
    const harborArtist = demoArtists.elbeQuartet.id;
    const aliceBefore = await ask(alice, summary);

    const reads = await ask(
      alice,
      `query($expenseId: ID!, $incomeId: ID!, $settlementId: ID!, $eventId: ID!, $artistId: ID!) {
        expense(id: $expenseId) { id } income(id: $incomeId) { id } settlement(id: $settlementId) { id }
        expenses(filter: { eventId: $eventId }) { edges { node { id } } }
        incomes(filter: { eventId: $eventId }) { edges { node { id } } }
        settlements(filter: { artistId: $artistId }) { edges { node { id } } }
      }`,
      { expenseId, incomeId, settlementId, eventId: harborEvent, artistId: harborArtist },
    );
    expect(reads.body).toEqual({
      data: { expense: null, income: null, settlement: null, expenses: { edges: [] }, incomes: { edges: [] }, settlements: { edges: [] } },
    });

    const mutations: [string, Record<string, unknown>, string][] = [
      ["mutation($id: ID!) { updateExpense(input: { id: $id, description: \"Mine now\" }) { id } }", { id: expenseId }, expenseId],
      ["mutation($id: ID!) { deleteExpense(id: $id) { id } }", { id: expenseId }, expenseId],
      ["mutation($id: ID!) { updateIncome(input: { id: $id, amount: { amount: \"1.00\", currency: \"EUR\" } }) { id } }", { id: incomeId }, incomeId],
      ["mutation($id: ID!) { deleteIncome(id: $id) { id } }", { id: incomeId }, incomeId],
      ["mutation($id: ID!) { updateSettlement(input: { id: $id, deductions: [] }) { id } }", { id: settlementId }, settlementId],
      ["mutation($id: ID!) { approveSettlement(id: $id) { id } }", { id: settlementId }, settlementId],
      ["mutation($id: ID!) { markSettlementPaid(input: { id: $id, paymentReference: \"X\", paidOn: \"2026-06-01\" }) { id } }", { id: settlementId }, settlementId],
      [
        "mutation($id: ID!, $artistId: ID!) { recordSettlementPayment(input: { settlementId: $id, artistId: $artistId, kind: DEPOSIT, amount: { amount: \"1.00\", currency: EUR }, paidOn: \"2026-06-01\", reference: \"X\" }) { id } }",
        { id: settlementId, artistId: harborArtist },
        settlementId,
      ],
      ["mutation($id: ID!) { deleteSettlement(id: $id) { id } }", { id: settlementId }, settlementId],
    ];
    for (const [mutation, variables, id] of mutations) {
      const response = await ask(alice, mutation, variables);
      expect(response.status, mutation).toBe(404);
      expect(response.body.errors?.[0]?.extensions, mutation).toMatchObject({ code: "NOT_FOUND", id });
    }

    const withHarborEvent = await ask(
      alice,
      `mutation($eventId: ID!) { recordExpense(input: { eventId: $eventId, category: OTHER, description: "Sneaky", amount: { amount: "1.00", currency: "EUR" }, incurredOn: "2026-06-01" }) { id } }`,
      { eventId: harborEvent },
    );
    expect(withHarborEvent.body.errors?.[0]).toMatchObject({ message: `There is no event "${harborEvent}" in this company.`, extensions: { code: "BAD_USER_INPUT" } });
    const settleHarbor = await ask(
      alice,
      `mutation($eventId: ID!, $artistId: ID!) { createSettlement(input: { eventId: $eventId, currency: EUR, bill: [{ artistId: $artistId, dealTerms: { dealType: DOOR_DEAL, percentage: "90" } }] }) { id } }`,
      { eventId: harborEvent, artistId: harborArtist },
    );
    expect(settleHarbor.status).toBe(400);
    expect(settleHarbor.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });

    expect((await ask(hana, harborFinance)).body).toEqual(harborBefore.body);
    expect((await ask(alice, summary)).body).toEqual(aliceBefore.body);
  });

  it("reveal nothing when sent straight to Finance's _entities, past the gateway", async () => {
    const response = await stack.querySubgraph(
      "finance",
      `query($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on Event { id expenses { edges { node { id } } } income { edges { node { id } } } financeTotals { currency } settlement { id } }
        ... on Artist { id artistSettlements: settlements { edges { node { id } } } }
      } }`,
      {
        token: await stack.tokenFor("alice@northwind.test"),
        companyId: demoCompanies.northwind.id,
        variables: { representations: [{ __typename: "Event", id: demoEvents.harborJazzNight.id }, { __typename: "Artist", id: demoArtists.elbeQuartet.id }] },
      },
    );
    expect(response.body).toEqual({
      data: {
        _entities: [
          { id: demoEvents.harborJazzNight.id, expenses: { edges: [] }, income: { edges: [] }, financeTotals: [], settlement: null },
          { id: demoArtists.elbeQuartet.id, artistSettlements: { edges: [] } },
        ],
      },
    });
  });
});

describe("approval", () => {
  it("succeeds for exactly one of 50 concurrent requests, and the sheet is frozen once", async () => {
    const created = await ask(
      alice,
      `mutation($eventId: ID!, $artistId: ID!) { createSettlement(input: {
          eventId: $eventId, currency: USD,
          bill: [{ artistId: $artistId, dealTerms: { dealType: FLAT_GUARANTEE, guarantee: { amount: "15000.00", currency: USD } } }],
          deductions: [{ label: "Ticketing fees", amount: { amount: "4725.00", currency: USD } }]
        }) { id status } }`,
      { eventId: demoEvents.brooklyn.id, artistId: demoArtists.auroraLane.id },
    );
    const { id } = created.body.data!.createSettlement;

    const approvals = await Promise.all(
      Array.from({ length: 50 }, () => ask(alice, "mutation($id: ID!) { approveSettlement(id: $id) { status approval { approvedBy } } }", { id })),
    );
    const approved = approvals.filter((response) => response.body.data?.approveSettlement?.status === "APPROVED");
    const refused = approvals.filter((response) => response.body.errors?.[0]?.extensions?.code === "BAD_USER_INPUT");
    expect(approved).toHaveLength(1);
    expect(refused).toHaveLength(49);
    for (const response of refused) {
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0]?.message).toBe("A settlement cannot move from APPROVED to APPROVED: from APPROVED it can only move to PAID");
    }

    const sheet = await ask(alice, "query($id: ID!) { settlement(id: $id) { status figures { frozen lines { kind amount { amount } } } } }", { id });
    expect(sheet.body.data!.settlement).toEqual({
      status: "APPROVED",
      figures: {
        frozen: true,
        lines: [
          { kind: "GROSS_TICKET_SALES", amount: { amount: "0.00" } },
          { kind: "DEDUCTION", amount: { amount: "4725.00" } },
          { kind: "ADJUSTED_GROSS", amount: { amount: "-4725.00" } },
          { kind: "TOTAL_EXPENSES", amount: { amount: "0.00" } },
          { kind: "NET", amount: { amount: "-4725.00" } },
          { kind: "ARTIST_PAYOUT", amount: { amount: "15000.00" } },
          { kind: "PROMOTER_RESULT", amount: { amount: "-19725.00" } },
        ],
      },
    });

    const edit = await ask(alice, "mutation($id: ID!) { updateSettlement(input: { id: $id, deductions: [] }) { id } }", { id });
    expect(edit.body.errors?.[0]).toMatchObject({ message: "The settlement is APPROVED; only DRAFT settlements can be edited", extensions: { code: "BAD_USER_INPUT", status: "APPROVED" } });
  });
});

describe("payments to the acts", () => {
  const roadhouse = { venueName: "Thalia Hall", city: "Chicago", country: "US", latitude: 41.8577, longitude: -87.6594, timeZone: "America/Chicago" };
  const settlementFields = `id status payment { reference }
    bill { artist { name } dealTerms { deposit { amount currency } withholdingRate }
      figures { frozen payout { amount } withholding { amount } netPayable { amount } paid { amount } balanceDue { amount } } }
    payments { artist { name } kind amount { amount currency } paidOn reference }`;
  type Act = { artist: { name: string }; figures: Record<string, { amount: string } | boolean> };
  /** Each act's payout, withholding, net payable, paid and balance due, by artist. */
  const owed = (settlement: { bill: Act[] }) =>
    Object.fromEntries(
      settlement.bill.map((act) => [act.artist.name, ["payout", "withholding", "netPayable", "paid", "balanceDue"].map((figure) => (act.figures[figure] as { amount: string }).amount)]),
    );
  const pay = (caller: Caller, input: Record<string, unknown>) =>
    ask(caller, `mutation($input: RecordSettlementPaymentInput!) { recordSettlementPayment(input: $input) { ${settlementFields} } }`, {
      input: { paidOn: "2027-04-01", reference: "WIRE", ...input, amount: { currency: "USD", ...(input["amount"] as object) } },
    });
  const read = async (id: string) => (await ask(alice, `query($id: ID!) { settlement(id: $id) { ${settlementFields} } }`, { id })).body.data!.settlement;

  it("show the demo's Portland warm-up approved with its deposit paid: 3,000 withheld, 4,500 still due", async () => {
    const response = await ask(alice, `query($eventId: ID) { settlements(filter: { eventId: $eventId }) { edges { node { ${settlementFields} } } } }`, { eventId: demoEvents.portlandWarmUp.id });
    const [portland] = response.body.data!.settlements.edges.map((edge: { node: unknown }) => edge.node);
    expect(portland.status).toBe("APPROVED");
    expect(owed(portland)).toEqual({ [demoArtists.auroraLane.name]: ["10000.00", "3000.00", "7000.00", "2500.00", "4500.00"] });
    expect(portland.payments).toEqual([{ artist: { name: demoArtists.auroraLane.name }, kind: "DEPOSIT", amount: { amount: "2500.00", currency: "USD" }, paidOn: expect.any(String), reference: "WIRE-PDX-DEPOSIT" }]);
  });

  it("withhold 30% of a $10,000 flat guarantee, take the $2,500 deposit, refuse what is not owed, and pay the rest once", async () => {
    const created = await ask(alice, "mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }", {
      input: { name: "Payments night", startsAt: "2027-04-10T02:00:00Z", endsAt: "2027-04-10T05:00:00Z", location: roadhouse, capacity: 2000, ticketsSold: 1000, ticketPrice: { amount: "50.00", currency: "USD" } },
    });
    const eventId = created.body.data!.createEvent.id as string;
    await ask(alice, `mutation($eventId: ID) { recordIncome(input: { eventId: $eventId, source: TICKETING, description: "Tickets", amount: { amount: "50000.00", currency: USD }, receivedOn: "2027-04-01" }) { id } }`, { eventId });
    const headliner = demoArtists.auroraLane;
    const support = demoArtists.sagaNord;
    const createdSettlement = await ask(alice, `mutation($input: CreateSettlementInput!) { createSettlement(input: $input) { ${settlementFields} } }`, {
      input: {
        eventId,
        currency: "USD",
        bill: [
          { artistId: headliner.id, dealTerms: { dealType: "FLAT_GUARANTEE", guarantee: { amount: "10000.00", currency: "USD" }, withholdingRate: "30", deposit: { amount: "2500.00", currency: "USD" } } },
          { artistId: support.id, dealTerms: { dealType: "FLAT_GUARANTEE", guarantee: { amount: "2000.00", currency: "USD" } } },
        ],
      },
    });
    expect(createdSettlement.body.errors).toBeUndefined();
    const settlement = createdSettlement.body.data!.createSettlement;
    const id = settlement.id as string;
    expect(settlement.bill[0].dealTerms).toEqual({ deposit: { amount: "2500.00", currency: "USD" }, withholdingRate: "30" });
    expect(settlement.bill[1].dealTerms).toEqual({ deposit: null, withholdingRate: null });
    // 30% × 10,000 = 3,000 withheld, 7,000 net; the support's 2,000 is paid whole.
    expect(owed(settlement)).toEqual({ [headliner.name]: ["10000.00", "3000.00", "7000.00", "0.00", "7000.00"], [support.name]: ["2000.00", "0.00", "2000.00", "0.00", "2000.00"] });

    // Bob may read settlements, not pay them.
    const forbidden = await pay(bob, { settlementId: id, artistId: headliner.id, kind: "DEPOSIT", amount: { amount: "2500.00" } });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", permission: "finance.settlement.pay" });

    // Refusals on the draft, each writing nothing.
    const refusals: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ artistId: headliner.id, kind: "BALANCE", amount: { amount: "100.00" } }, { reason: "PAYMENT_REFUSED", field: "kind" }],
      [{ artistId: headliner.id, kind: "DEPOSIT", amount: { amount: "2500.01" } }, { reason: "PAYMENT_REFUSED", field: "amount" }],
      [{ artistId: headliner.id, kind: "DEPOSIT", amount: { amount: "2500.00", currency: "EUR" } }, { reason: "CURRENCY_MISMATCH" }],
      [{ artistId: support.id, kind: "DEPOSIT", amount: { amount: "100.00" } }, { reason: "PAYMENT_REFUSED", field: "kind" }],
    ];
    for (const [input, extensions] of refusals) {
      const response = await pay(alice, { settlementId: id, ...input });
      expect(response.status, JSON.stringify(input)).toBe(400);
      expect(response.body.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: "BAD_USER_INPUT", ...extensions });
    }
    expect((await read(id)).payments).toEqual([]);

    // The deposit: 4,500 left to pay after it.
    const deposited = await pay(alice, { settlementId: id, artistId: headliner.id, kind: "DEPOSIT", amount: { amount: "2500.00" }, paidOn: "2027-03-01", reference: "WIRE-DEPOSIT" });
    expect(deposited.body.errors).toBeUndefined();
    expect(owed(deposited.body.data!.recordSettlementPayment)[headliner.name]).toEqual(["10000.00", "3000.00", "7000.00", "2500.00", "4500.00"]);

    const approved = await ask(alice, `mutation($id: ID!) { approveSettlement(id: $id) { status bill { figures { frozen withholding { amount } netPayable { amount } balanceDue { amount } } } } }`, { id });
    expect(approved.body.data!.approveSettlement.bill[0].figures).toEqual({ frozen: true, withholding: { amount: "3000.00" }, netPayable: { amount: "7000.00" }, balanceDue: { amount: "4500.00" } });

    const overpaid = await pay(alice, { settlementId: id, artistId: headliner.id, kind: "BALANCE", amount: { amount: "4500.01" } });
    expect(overpaid.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "PAYMENT_REFUSED", field: "amount" });

    // 20 concurrent payments of the headliner's whole balance: exactly one is recorded.
    const concurrent = await Promise.all(
      Array.from({ length: 20 }, (_, index) => pay(alice, { settlementId: id, artistId: headliner.id, kind: "BALANCE", amount: { amount: "4500.00" }, reference: `WIRE-${index}` })),
    );
    const passed = concurrent.filter((response) => response.body.data?.recordSettlementPayment);
    const refused = concurrent.filter((response) => response.body.errors?.[0]?.extensions?.reason === "PAYMENT_REFUSED");
    expect(passed).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const response of refused) expect(response.body.errors?.[0]?.message).toBe(`The balance due to artist "${headliner.id}" is USD 0; 4500 is more.`);
    // The support is still owed: APPROVED until its 2,000 is paid, then PAID in the same request.
    expect(passed[0]!.body.data!.recordSettlementPayment.status).toBe("APPROVED");
    const last = await pay(alice, { settlementId: id, artistId: support.id, kind: "BALANCE", amount: { amount: "2000.00" }, reference: "WIRE-SUPPORT" });
    const paid = last.body.data!.recordSettlementPayment;
    expect([paid.status, paid.payment]).toEqual(["PAID", { reference: "WIRE-SUPPORT" }]);
    expect(owed(paid)).toEqual({ [headliner.name]: ["10000.00", "3000.00", "7000.00", "7000.00", "0.00"], [support.name]: ["2000.00", "0.00", "2000.00", "2000.00", "0.00"] });
    expect(paid.payments.map((payment: { artist: { name: string }; kind: string; amount: { amount: string }; reference: string }) => [payment.artist.name, payment.kind, payment.amount.amount, payment.reference])).toEqual([
      [headliner.name, "DEPOSIT", "2500.00", "WIRE-DEPOSIT"],
      [headliner.name, "BALANCE", "4500.00", passed[0]!.body.data!.recordSettlementPayment.payments[1].reference],
      [support.name, "BALANCE", "2000.00", "WIRE-SUPPORT"],
    ]);

    const afterPaid = await pay(alice, { settlementId: id, artistId: support.id, kind: "BALANCE", amount: { amount: "1.00" } });
    expect(afterPaid.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "PAYMENT_REFUSED", field: "settlementId" });
  });
});

describe("a list of events with their finance", () => {
  it("costs Finance the same number of SQL statements for 10 events as for 100", async () => {
    const thaliaHall = { venueName: "Thalia Hall", city: "Chicago", country: "US", latitude: 41.8577, longitude: -87.6594, timeZone: "America/Chicago" };
    const createEvent = async (index: number) => {
      const startsAt = new Date(Date.UTC(2027, 0, 1) + index * 86_400_000);
      const event = await ask(alice, "mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }", {
        input: {
          name: `Batch show ${index}`,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
          location: thaliaHall,
          capacity: 500,
          ticketPrice: { amount: "30.00", currency: "USD" },
        },
      });
      const eventId = event.body.data!.createEvent.id as string;
      const day = startsAt.toISOString().slice(0, 10);
      await ask(alice, `mutation($eventId: ID) { recordExpense(input: { eventId: $eventId, category: PRODUCTION, description: "Sound", amount: { amount: "900.00", currency: USD }, incurredOn: "${day}" }) { id } }`, { eventId });
      await ask(alice, `mutation($eventId: ID) { recordIncome(input: { eventId: $eventId, source: TICKETING, description: "Tickets", amount: { amount: "4500.00", currency: USD }, receivedOn: "${day}" }) { id } }`, { eventId });
      await ask(alice, `mutation($eventId: ID!, $artistId: ID!) { createSettlement(input: { eventId: $eventId, currency: USD, bill: [{ artistId: $artistId, dealTerms: { dealType: DOOR_DEAL, percentage: "70" } }] }) { id } }`, {
        eventId,
        artistId: demoArtists.brassRepublic.id,
      });
    };
    for (let start = 0; start < 100; start += 10) await Promise.all(Array.from({ length: 10 }, (_, offset) => createEvent(start + offset)));

    const statementsFor = async (first: number) => {
      const before = financeStatements();
      const response = await ask(
        alice,
        `query($first: Int) { events(first: $first, filter: { search: "Batch show" }) { edges { node {
            expenses { edges { node { amount { amount } } } }
            income { edges { node { amount { amount } } } }
            financeTotals { net { amount } }
            settlement { figures { promoterResult { amount } } bill { figures { payout { amount } } } }
          } } } }`,
        { first },
      );
      expect(response.body.errors).toBeUndefined();
      const events = response.body.data!.events.edges;
      expect(events).toHaveLength(first);
      for (const { node } of events) {
        expect(node.financeTotals).toEqual([{ net: { amount: "3600.00" } }]);
        expect(node.settlement).toEqual({ figures: { promoterResult: { amount: "450.00" } }, bill: [{ figures: { payout: { amount: "3150.00" } } }] });
      }
      return financeStatements() - before;
    };
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    expect(hundred).toBe(ten);
  });
});
