// From offer to contract to settlement to payment (issue #10, item 4), through the gateway over
// HTTP as the frontend does it, on the whole supergraph: Market's deal is offered, accepted and
// signed; Finance settles the act on the signed contract's terms (the frontend copies
// `Contract.terms` into the act and names the contract) and never calls Market; the gateway
// brings the contract's terms to Finance (`@requires`) whenever the comparison is read. A
// changed settlement says how it differs from its contract and what the artist is short.
// Then the deposit, one approval out of 50 concurrent ones, the balance, and PAID.
//
// The show, by hand: 600 tickets at $50.00, 530 sold; ticketing income $26,500.00; expenses
// $12,000.00; net $14,500.00. The contract: $10,000 vs 85 % of net after a 15 % promoter
// profit, a $500 bonus at 500 paid tickets, a $2,500 deposit, 30 % withheld.
//   promoter profit 15 % × 12,000 = 1,800; 85 % × (14,500 − 1,800) = 10,795 > 10,000;
//   530 ≥ 500 earns the bonus: payout 11,295.00; withholding 30 % = 3,388.50;
//   net payable 7,906.50; after the $2,500 deposit 5,406.50 is due.
// Changed to $8,000 vs 70 %: 70 % × 12,700 = 8,890 > 8,000; + 500 = 9,390.00, so the artist
// would be 11,295 − 9,390 = 1,905.00 short.
import { demoArtists, demoCompanies, demoEvents } from "@marquee/kit/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "@marquee/gateway/testing";

const alice = { as: "alice@northwind.test", company: "northwind" } as const;
const bob = { as: "bob@northwind.test", company: "northwind" } as const;
type Caller = { as: string; company: string };

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.close();
});

const ask = (caller: Caller, query: string, variables: Record<string, unknown> = {}) => stack.query(query, { ...caller, variables });

/** Asks as `caller` and returns the data, failing the test with the errors when there are any. */
async function must<Data = Record<string, any>>(caller: Caller, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const response = await ask(caller, query, variables);
  expect(response.body.errors, query).toBeUndefined();
  expect(response.status).toBe(200);
  return response.body.data as Data;
}

const usd = (amount: string) => ({ amount, currency: "USD" });
const artistId = demoArtists.deepSignal.id;

const termsFields = `currency dealType guarantee { amount currency } percentage perTicket { amount currency }
  promoterProfit { percentageOfExpenses amount { amount currency } } expenseCap { amount currency }
  ticketBonuses { ticketsSold bonus { amount currency } } deposit { amount currency } withholdingRate
  buyouts { label amount { amount currency } }`;

const comparisonFields = `settlementComparison { matchesContract differences { term contract settlement }
  settledPayout { amount currency } contractedPayout { amount } shortfall { amount } settlement { id } artist { name } }`;

/** The deposit on 1 February, $5,000 of the balance on 20 March, the rest (7,906.50 − 2,500 − 5,000 = 406.50) on 1 April. */
const paymentSchedule = [
  { kind: "DEPOSIT", dueOn: "2027-02-01", amount: usd("2500.00") },
  { kind: "BALANCE", dueOn: "2027-03-20", amount: usd("5000.00") },
  { kind: "BALANCE", dueOn: "2027-04-01" },
];
const scheduleFields = `paymentSchedule(asOf: "2027-03-25") { kind dueOn amount { amount } fixedAmount paid { amount } outstanding { amount } status }`;

/** Books a show of 600 tickets at $50.00 at the Masquerade in Base, as alice; its id, paid tickets and gross sales. */
async function bookShow(name: string, startsAt: string, ticketsSold = 0): Promise<{ id: string; ticketsSold: number; grossSales: { amount: string } }> {
  const endsAt = new Date(Date.parse(startsAt) + 4 * 3_600_000).toISOString();
  const data = await must(
    alice,
    `mutation($input: CreateEventInput!) { createEvent(input: $input) { id ticketsSold grossSales { amount } } }`,
    {
      input: {
        name,
        startsAt,
        endsAt,
        location: { venueName: "The Masquerade", city: "Atlanta", country: "US", latitude: 33.7537, longitude: -84.3863, timeZone: "America/New_York" },
        capacity: 600,
        ticketsSold,
        ticketPrice: usd("50.00"),
        lineup: [artistId],
      },
    },
  );
  return data.createEvent;
}

/** The ids of the event's settlements. */
async function settlementsOf(eventId: string): Promise<string[]> {
  const data = await must(alice, "query($eventId: ID!) { settlements(filter: { eventId: $eventId }) { edges { node { id } } } }", { eventId });
  return data.settlements.edges.map((edge: { node: { id: string } }) => edge.node.id);
}

/** Market's terms as a Finance act's `dealTerms`: the same fields, less the currency (the settlement's). */
function dealTermsOf(terms: Record<string, unknown>): Record<string, unknown> {
  const { currency: _currency, ...dealTerms } = terms;
  return dealTerms;
}

describe("an offer accepted, signed and settled on its contract, then paid", () => {
  let eventId: string;
  let contractId: string;
  let settlementId: string;
  let contractTerms: Record<string, unknown>;

  it("books the show in Base and sells 530 of its 600 tickets", async () => {
    const show = await bookShow("Deep Signal at the Masquerade", "2027-03-13T01:00:00.000Z", 530);
    eventId = show.id;
    expect(show).toMatchObject({ ticketsSold: 530, grossSales: { amount: "26500.00" } });
  });

  it("offers the deal in Market, has it accepted, and signs its contract", async () => {
    const created = await must(
      alice,
      `mutation($artistId: ID!, $eventId: ID!) { createDeal(input: { artistId: $artistId, eventId: $eventId, terms: {
        dealType: GUARANTEE_VERSUS_PERCENTAGE_OF_NET, currency: USD, guarantee: { amount: "10000.00", currency: USD }, percentage: "85",
        promoterProfit: { percentageOfExpenses: "15" }, ticketBonuses: [{ ticketsSold: 500, bonus: { amount: "500.00", currency: USD } }],
        deposit: { amount: "2500.00", currency: USD }, withholdingRate: "30"
      } }) { id status } }`,
      { artistId, eventId },
    );
    const dealId = created.createDeal.id;
    expect((await must(alice, "mutation($id: ID!) { offerDeal(id: $id) { deal { status } } }", { id: dealId })).offerDeal.deal.status).toBe("OFFERED");
    expect((await must(alice, "mutation($id: ID!) { acceptDeal(id: $id) { status } }", { id: dealId })).acceptDeal.status).toBe("ACCEPTED");

    contractId = (await must(alice, "mutation($dealId: ID!) { createContract(dealId: $dealId) { id status } }", { dealId })).createContract.id;
    await must(alice, "mutation($id: ID!) { sendContract(id: $id) { status } }", { id: contractId });
    await must(alice, `mutation($id: ID!) { signContract(input: { id: $id, party: PROMOTER, signerName: "Alice Moreno" }) { status } }`, { id: contractId });
    const signed = await must(alice, `mutation($id: ID!) { signContract(input: { id: $id, party: ARTIST, signerName: "Dee Signal" }) { status terms { ${termsFields} } } }`, {
      id: contractId,
    });
    expect(signed.signContract.status).toBe("SIGNED");
    contractTerms = signed.signContract.terms;
  });

  it("settles the act on the contract's terms, and the contract says the settlement matches it", async () => {
    await must(
      alice,
      `mutation($eventId: ID!) {
        income: recordIncome(input: { eventId: $eventId, source: TICKETING, description: "Box office", amount: { amount: "26500.00", currency: USD }, receivedOn: "2027-03-13" }) { id }
        rent: recordExpense(input: { eventId: $eventId, category: VENUE_RENT, description: "Room hire", amount: { amount: "7000.00", currency: USD }, incurredOn: "2027-03-12" }) { id }
        production: recordExpense(input: { eventId: $eventId, category: PRODUCTION, description: "Sound and lights", amount: { amount: "5000.00", currency: USD }, incurredOn: "2027-03-12" }) { id }
      }`,
      { eventId },
    );
    const created = await must(
      alice,
      `mutation($input: CreateSettlementInput!) { createSettlement(input: $input) { id status bill { contract { id ${comparisonFields} } figures { payout { amount } withholding { amount } netPayable { amount } } } } }`,
      { input: { eventId, currency: "USD", bill: [{ artistId, contractId, dealTerms: dealTermsOf(contractTerms), paymentSchedule }] } },
    );
    settlementId = created.createSettlement.id;
    const [act] = created.createSettlement.bill;
    expect(act.figures).toEqual({ payout: { amount: "11295.00" }, withholding: { amount: "3388.50" }, netPayable: { amount: "7906.50" } });
    expect(act.contract).toEqual({
      id: contractId,
      settlementComparison: {
        matchesContract: true,
        differences: [],
        settledPayout: usd("11295.00"),
        contractedPayout: { amount: "11295.00" },
        shortfall: { amount: "0.00" },
        settlement: { id: settlementId },
        artist: { name: demoArtists.deepSignal.name },
      },
    });
  });

  it("reveals nothing of another company's act when Finance's _entities is sent the contract, past the gateway", async () => {
    const representations = [{ __typename: "Contract", id: contractId, terms: contractTerms }];
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Contract { id settlementComparison { matchesContract settlement { id } } } } }`;
    const asHarbor = await stack.querySubgraph("finance", query, { token: await stack.tokenFor("hana@harbor.test"), companyId: demoCompanies.harbor.id, variables: { representations } });
    expect(asHarbor.body).toEqual({ data: { _entities: [{ id: contractId, settlementComparison: null }] } });
    const asAlice = await stack.querySubgraph("finance", query, { token: await stack.tokenFor(alice.as), companyId: demoCompanies.northwind.id, variables: { representations } });
    expect(asAlice.body).toEqual({ data: { _entities: [{ id: contractId, settlementComparison: { matchesContract: true, settlement: { id: settlementId } } }] } });
  });

  it("refuses a second act paid under the same contract, writing nothing", async () => {
    const other = await bookShow("Deep Signal, second night", "2027-03-14T01:00:00.000Z");
    const refused = await ask(alice, "mutation($input: CreateSettlementInput!) { createSettlement(input: $input) { id } }", {
      input: { eventId: other.id, currency: "USD", bill: [{ artistId, contractId, dealTerms: dealTermsOf(contractTerms) }] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]).toMatchObject({
      message: `Contract "${contractId}" already pays an act of settlement "${settlementId}"; a contract pays one act.`,
      extensions: { code: "BAD_USER_INPUT", field: "bill", contractId, settlementId },
    });
    expect(await settlementsOf(other.id)).toEqual([]);
  });

  it("refuses a payment schedule the deal cannot be paid by, naming it, and writes nothing", async () => {
    const other = await bookShow("Deep Signal, matinee", "2027-03-13T18:00:00.000Z");
    const shortDeposit = [{ kind: "DEPOSIT", dueOn: "2027-02-01", amount: usd("2000.00") }];
    const refused = await ask(alice, "mutation($input: CreateSettlementInput!) { createSettlement(input: $input) { id } }", {
      input: { eventId: other.id, currency: "USD", bill: [{ artistId, dealTerms: dealTermsOf(contractTerms), paymentSchedule: shortDeposit }] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]).toMatchObject({
      message: "The deposit installments add up to USD 2000; the deal's deposit is USD 2500.",
      extensions: { code: "BAD_USER_INPUT", reason: "INVALID_PAYMENT_SCHEDULE", field: "bill[0].paymentSchedule" },
    });
    expect(await settlementsOf(other.id)).toEqual([]);
  });

  it("takes the deposit while the settlement is a draft", async () => {
    const paid = await must(
      alice,
      `mutation($id: ID!, $artistId: ID!) { recordSettlementPayment(input: { settlementId: $id, artistId: $artistId, kind: DEPOSIT,
        amount: { amount: "2500.00", currency: USD }, paidOn: "2027-02-01", reference: "DEP-1" }) { status bill { figures { paid { amount } balanceDue { amount } } ${scheduleFields} } } }`,
      { id: settlementId, artistId },
    );
    expect(paid.recordSettlementPayment).toEqual({
      status: "DRAFT",
      bill: [
        {
          figures: { paid: { amount: "2500.00" }, balanceDue: { amount: "5406.50" } },
          paymentSchedule: [
            { kind: "DEPOSIT", dueOn: "2027-02-01", amount: { amount: "2500.00" }, fixedAmount: true, paid: { amount: "2500.00" }, outstanding: { amount: "0.00" }, status: "PAID" },
            { kind: "BALANCE", dueOn: "2027-03-20", amount: { amount: "5000.00" }, fixedAmount: true, paid: { amount: "0.00" }, outstanding: { amount: "5000.00" }, status: "OVERDUE" },
            { kind: "BALANCE", dueOn: "2027-04-01", amount: { amount: "406.50" }, fixedAmount: false, paid: { amount: "0.00" }, outstanding: { amount: "406.50" }, status: "DUE" },
          ],
        },
      ],
    });
  });

  it("says how a changed settlement differs from its contract, and what the artist would be short", async () => {
    const changedTerms = { ...dealTermsOf(contractTerms), guarantee: usd("8000.00"), percentage: "70" };
    const changed = await must(
      alice,
      `mutation($input: UpdateSettlementInput!) { updateSettlement(input: $input) { bill { figures { payout { amount } } contract { ${comparisonFields} } } } }`,
      { input: { id: settlementId, bill: [{ artistId, contractId, dealTerms: changedTerms, paymentSchedule }] } },
    );
    const [act] = changed.updateSettlement.bill;
    expect(act.figures.payout.amount).toBe("9390.00");
    expect(act.contract.settlementComparison).toMatchObject({
      matchesContract: false,
      differences: [
        { term: "GUARANTEE", contract: "USD 10000.00", settlement: "USD 8000.00" },
        { term: "PERCENTAGE", contract: "85%", settlement: "70%" },
      ],
      settledPayout: usd("9390.00"),
      contractedPayout: { amount: "11295.00" },
      shortfall: { amount: "1905.00" },
    });

    // The contract's own page, in Market, shows the same comparison.
    const fromMarket = await must(alice, `query($id: ID!) { contract(id: $id) { status ${comparisonFields} } }`, { id: contractId });
    expect(fromMarket.contract.status).toBe("SIGNED");
    expect(fromMarket.contract.settlementComparison.shortfall).toEqual({ amount: "1905.00" });

    // Put back on the contract's terms before it is approved.
    await must(alice, "mutation($input: UpdateSettlementInput!) { updateSettlement(input: $input) { id } }", {
      input: { id: settlementId, bill: [{ artistId, contractId, dealTerms: dealTermsOf(contractTerms), paymentSchedule }] },
    });
  });

  it("shows no comparison to a caller who may not read the contract in Market, and the settlement still", async () => {
    const response = await ask(bob, `query($id: ID!) { settlement(id: $id) { status bill { contract { id ${comparisonFields} } } } }`, { id: settlementId });
    expect(response.body.data?.settlement).toEqual({ status: "DRAFT", bill: [{ contract: { id: contractId, settlementComparison: null } }] });
  });

  it("approves exactly once under 50 concurrent requests", async () => {
    const approvals = await Promise.all(Array.from({ length: 50 }, () => ask(alice, "mutation($id: ID!) { approveSettlement(id: $id) { status } }", { id: settlementId })));
    const approved = approvals.filter((response) => response.body.data?.approveSettlement?.status === "APPROVED");
    const refused = approvals.filter((response) => response.status === 400 && response.body.errors?.[0]?.extensions?.code === "BAD_USER_INPUT");
    expect(approved).toHaveLength(1);
    expect(refused).toHaveLength(49);
  });

  it("records the balance in two payments and is PAID when nothing is due", async () => {
    const pay = (amount: string, reference: string) =>
      must(
        alice,
        `mutation($id: ID!, $artistId: ID!, $amount: Decimal!, $reference: String!) { recordSettlementPayment(input: { settlementId: $id, artistId: $artistId, kind: BALANCE,
          amount: { amount: $amount, currency: USD }, paidOn: "2027-03-20", reference: $reference }) { status bill { figures { frozen paid { amount } balanceDue { amount } } } } }`,
        { id: settlementId, artistId, amount, reference },
      );
    expect((await pay("5000.00", "BAL-1")).recordSettlementPayment).toEqual({
      status: "APPROVED",
      bill: [{ figures: { frozen: true, paid: { amount: "7500.00" }, balanceDue: { amount: "406.50" } } }],
    });
    const partly = await must(alice, `query($id: ID!) { settlement(id: $id) { bill { ${scheduleFields} } } }`, { id: settlementId });
    expect(partly.settlement.bill[0].paymentSchedule.map((installment: { status: string }) => installment.status)).toEqual(["PAID", "PAID", "DUE"]);
    expect((await pay("406.50", "BAL-2")).recordSettlementPayment).toEqual({
      status: "PAID",
      bill: [{ figures: { frozen: true, paid: { amount: "7906.50" }, balanceDue: { amount: "0.00" } } }],
    });

    const settled = await must(
      alice,
      `query($id: ID!) { settlement(id: $id) { status payment { reference } payments { kind amount { amount } reference } bill { contract { ${comparisonFields} } } } }`,
      { id: settlementId },
    );
    expect(settled.settlement).toMatchObject({
      status: "PAID",
      payment: { reference: "BAL-2" },
      payments: [
        { kind: "DEPOSIT", amount: { amount: "2500.00" }, reference: "DEP-1" },
        { kind: "BALANCE", amount: { amount: "5000.00" }, reference: "BAL-1" },
        { kind: "BALANCE", amount: { amount: "406.50" }, reference: "BAL-2" },
      ],
      bill: [{ contract: { settlementComparison: { matchesContract: true, differences: [], settledPayout: usd("11295.00"), shortfall: { amount: "0.00" } } } }],
    });
  });
});

describe("a buyout on the offer and a reimbursement on the settlement", () => {
  // The hand example: 600 tickets at $50.00 (gross potential 30,000); $10,000 vs 85 % of net, 30 % withheld, a $500
  // catering buyout, expenses estimated at 12,000. The offer counts the buyout among the expenses: 12,500; walkout at a
  // sellout 85 % × (30,000 − 12,500 = 17,500) = 14,875.00; break-even where the gross covers 12,500 + 10,000 = 22,500:
  // 22,500 / 50 = 450 tickets.
  // The show: ticketing 26,500, expenses 12,000, and the artist's $420 backline rental repaid. Expenses counted
  // 12,000 + 500 + 420 = 12,920; net 13,580; 85 % = 11,543 > 10,000: payout 11,543.00; withholding 3,462.90; net payable
  // 11,543 − 3,462.90 + 500 + 420 = 9,000.10; promoter result 13,580 − 11,543 = 2,037.00.
  it("prices the offer with the buyout among the expenses, and settles the act on the contract with the reimbursement", async () => {
    const show = await bookShow("Deep Signal at the Masquerade, buyout night", "2027-04-10T01:00:00.000Z");
    const created = await must(
      alice,
      `mutation($artistId: ID!, $eventId: ID!) { createDeal(input: { artistId: $artistId, eventId: $eventId, terms: {
        dealType: GUARANTEE_VERSUS_PERCENTAGE_OF_NET, currency: USD, guarantee: { amount: "10000.00", currency: USD }, percentage: "85",
        withholdingRate: "30", buyouts: [{ label: "Catering buyout", amount: { amount: "500.00", currency: USD } }],
        estimatedExpenses: { amount: "12000.00", currency: USD }
      } }) { id currentTerms { buyouts { label amount { amount currency } } pricing { expenses { amount } breakEvenTickets walkoutPotential { amount } } } } }`,
      { artistId, eventId: show.id },
    );
    expect(created.createDeal.currentTerms).toEqual({
      buyouts: [{ label: "Catering buyout", amount: usd("500.00") }],
      pricing: { expenses: { amount: "12500.00" }, breakEvenTickets: 450, walkoutPotential: { amount: "14875.00" } },
    });
    const dealId = created.createDeal.id;
    await must(alice, "mutation($id: ID!) { offerDeal(id: $id) { deal { status } } }", { id: dealId });
    await must(alice, "mutation($id: ID!) { acceptDeal(id: $id) { status } }", { id: dealId });
    const contract = (await must(alice, `mutation($dealId: ID!) { createContract(dealId: $dealId) { id terms { ${termsFields} } } }`, { dealId })).createContract;

    await must(
      alice,
      `mutation($eventId: ID!) {
        income: recordIncome(input: { eventId: $eventId, source: TICKETING, description: "Box office", amount: { amount: "26500.00", currency: USD }, receivedOn: "2027-04-10" }) { id }
        rent: recordExpense(input: { eventId: $eventId, category: VENUE_RENT, description: "Room hire", amount: { amount: "12000.00", currency: USD }, incurredOn: "2027-04-09" }) { id }
      }`,
      { eventId: show.id },
    );
    const settled = await must(
      alice,
      `mutation($input: CreateSettlementInput!) { createSettlement(input: $input) {
        figures { lines { kind label amount { amount } } totalExpenses { amount } net { amount } promoterResult { amount } }
        bill { dealTerms { buyouts { label amount { amount } } } reimbursements { label amount { amount currency } }
          figures { payout { amount } withholding { amount } buyouts { amount } reimbursements { amount } netPayable { amount } balanceDue { amount } }
          contract { ${comparisonFields} } } } }`,
      {
        input: {
          eventId: show.id,
          currency: "USD",
          bill: [{ artistId, contractId: contract.id, dealTerms: dealTermsOf(contract.terms), reimbursements: [{ label: "Backline rental", amount: usd("420.00") }] }],
        },
      },
    );
    const { figures, bill } = settled.createSettlement;
    expect(figures.lines.filter((line: { kind: string }) => line.kind === "EXPENSE")).toEqual([
      { kind: "EXPENSE", label: "Venue rent", amount: { amount: "12000.00" } },
      { kind: "EXPENSE", label: "Buyout: Catering buyout", amount: { amount: "500.00" } },
      { kind: "EXPENSE", label: "Reimbursement: Backline rental", amount: { amount: "420.00" } },
    ]);
    expect([figures.totalExpenses, figures.net, figures.promoterResult]).toEqual([{ amount: "12920.00" }, { amount: "13580.00" }, { amount: "2037.00" }]);
    expect(bill[0]).toMatchObject({
      dealTerms: { buyouts: [{ label: "Catering buyout", amount: { amount: "500.00" } }] },
      reimbursements: [{ label: "Backline rental", amount: usd("420.00") }],
      figures: {
        payout: { amount: "11543.00" },
        withholding: { amount: "3462.90" },
        buyouts: { amount: "500.00" },
        reimbursements: { amount: "420.00" },
        netPayable: { amount: "9000.10" },
        balanceDue: { amount: "9000.10" },
      },
      contract: { settlementComparison: { matchesContract: true, differences: [], settledPayout: usd("11543.00"), shortfall: { amount: "0.00" } } },
    });

    // Settled without the buyout (the reimbursement kept), expenses are 12,420 and net 14,080: the act is paid
    // 85 % × 14,080 = 11,968.00, and the comparison names the buyout. On the contract's terms, its $500 buyout back
    // among the expenses, the payout is 11,543.00: the settlement pays 425.00 more of payout, and no buyout.
    const { buyouts: _buyouts, ...withoutBuyout } = dealTermsOf(contract.terms);
    const changed = await must(alice, `mutation($input: UpdateSettlementInput!) { updateSettlement(input: $input) { bill { contract { ${comparisonFields} } } } }`, {
      input: { id: (await settlementsOf(show.id))[0], bill: [{ artistId, contractId: contract.id, dealTerms: withoutBuyout, reimbursements: [{ label: "Backline rental", amount: usd("420.00") }] }] },
    });
    expect(changed.updateSettlement.bill[0].contract.settlementComparison).toMatchObject({
      matchesContract: false,
      differences: [{ term: "BUYOUTS", contract: "USD 500.00 Catering buyout", settlement: null }],
      settledPayout: usd("11968.00"),
      contractedPayout: { amount: "11543.00" },
      shortfall: { amount: "-425.00" },
    });
  });
});

describe("the demo's Chicago settlement", () => {
  it("is paid under Aurora Lane's signed contract and says it pays $605.95 less than the contract", async () => {
    const data = await must(
      alice,
      `query($eventId: ID!) { event(id: $eventId) { settlement { bill { artist { name } contract { status ${comparisonFields} } } } } }`,
      { eventId: demoEvents.chicago.id },
    );
    const [act] = data.event.settlement.bill;
    expect(act.artist.name).toBe(demoArtists.auroraLane.name);
    expect(act.contract.status).toBe("SIGNED");
    expect(act.contract.settlementComparison).toMatchObject({
      matchesContract: false,
      differences: [
        { term: "GUARANTEE", contract: "USD 9000.00", settlement: "USD 8000.00" },
        { term: "PERCENTAGE", contract: "85%", settlement: "80%" },
        { term: "TICKET_BONUSES", contract: "USD 1000.00 at 700 tickets; USD 1500.00 at 800 tickets", settlement: null },
      ],
      settledPayout: usd("9695.20"),
      contractedPayout: { amount: "10301.15" },
      shortfall: { amount: "605.95" },
    });
  });
});
