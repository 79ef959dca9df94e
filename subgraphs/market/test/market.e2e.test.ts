// Market through the gateway, over HTTP, on the seeded demo world with Base and Market
// running: a negotiation from offer to signed contract, illegal moves, the radius check,
// racing contract requests, the deals Market adds to Base's events, and who is let in.
import { demoArtists, demoEvents } from "@marquee/kit/demo";
import { baseSubgraph } from "@marquee/subgraph-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "@marquee/gateway/testing";
import { marketSubgraph } from "../src/index.ts";

const alice = { as: "alice@northwind.test", company: "northwind" } as const;
const bob = { as: "bob@northwind.test", company: "northwind" } as const;
const hana = { as: "hana@harbor.test", company: "harbor" } as const;

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ packages: [baseSubgraph, marketSubgraph] });
});
afterAll(async () => {
  await stack?.close();
});

type Caller = { as?: string; company: string };
const ask = (caller: Caller, query: string, variables: Record<string, unknown> = {}) => stack.query(query, { ...caller, variables });
const marketStatements = () => stack.stack.subgraphs.get("market")!.opened.queryCount();

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();
const usd = (amount: string) => ({ amount, currency: "USD" });
const versus = (guarantee: string, percentage: string) => ({ dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", currency: "USD", guarantee: usd(guarantee), percentage, offerExpiresAt: inAWeek() });

const dealState = `id status allowedMoves currentTerms { number kind side guarantee { amount currency } percentage }`;
const move = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { ${dealState} } }`;
const warningFields = "breachedClause clause { kilometres daysBefore daysAfter } message distanceKm daysApart conflictingEvent { name } conflictingDeal { id }";
const offer = `mutation($id: ID!) { offerDeal(id: $id) { deal { ${dealState} } warnings { ${warningFields} } } }`;
const counter = `mutation($input: CounterDealInput!) { counterDeal(input: $input) { deal { ${dealState} } warnings { ${warningFields} } } }`;
const deleteDeal = "mutation($id: ID!) { deleteDeal(id: $id) }";

async function createDeal(input: Record<string, unknown>): Promise<string> {
  const response = await ask(alice, "mutation($input: CreateDealInput!) { createDeal(input: $input) { id status } }", { input });
  expect(response.body.errors).toBeUndefined();
  expect(response.body.data!.createDeal.status).toBe("DRAFT");
  return response.body.data!.createDeal.id;
}

const readDeal = async (id: string) =>
  (await ask(alice, `query($id: ID!) { deal(id: $id) { ${dealState} history(first: 50) { edges { node { number kind side author } } } } }`, { id })).body.data!.deal;

describe("a negotiation from offer to signed contract", () => {
  it("offers, takes two counter-offers, accepts, draws up the contract and collects both signatures", async () => {
    const id = await createDeal({ artistId: demoArtists.midnightTide.id, eventId: demoEvents.paris.id, terms: versus("7000", "80"), notes: "Paris, first headline date" });

    const offered = await ask(alice, offer, { id });
    expect(offered.body.errors).toBeUndefined();
    expect(offered.body.data!.offerDeal).toEqual({
      deal: { id, status: "OFFERED", allowedMoves: ["COUNTER", "ACCEPT", "DECLINE", "WITHDRAW"], currentTerms: { number: 2, kind: "OFFER", side: "PROMOTER", guarantee: usd("7000.00"), percentage: "80" } },
      warnings: [],
    });
    const agent = await ask(alice, counter, { input: { id, terms: versus("9000", "85") } });
    expect(agent.body.data!.counterDeal.deal).toMatchObject({ status: "COUNTERED", currentTerms: { number: 3, kind: "COUNTER_OFFER", side: "ARTIST_AGENT", guarantee: usd("9000.00") } });
    const promoter = await ask(alice, counter, { input: { id, terms: { ...versus("8000", "85"), ticketBonuses: [{ ticketsSold: 1200, bonus: usd("750") }] } } });
    expect(promoter.body.data!.counterDeal.deal).toMatchObject({ status: "OFFERED", currentTerms: { number: 4, kind: "COUNTER_OFFER", side: "PROMOTER", guarantee: usd("8000.00") } });

    const accepted = await ask(alice, `mutation($id: ID!) { acceptDeal(id: $id) { status allowedMoves acceptedTerms { number ticketBonuses { ticketsSold bonus { amount currency } } } decision { decidedBy } } }`, { id });
    expect(accepted.body.data!.acceptDeal).toEqual({
      status: "ACCEPTED",
      allowedMoves: [],
      acceptedTerms: { number: 4, ticketBonuses: [{ ticketsSold: 1200, bonus: usd("750.00") }] },
      decision: { decidedBy: "5e1f0a8b-7c2d-4e6f-8a9b-0c1d2e3f0001" },
    });
    expect((await readDeal(id)).history.edges.map((edge: { node: { number: number; kind: string; side: string } }) => `${edge.node.number} ${edge.node.kind} ${edge.node.side}`)).toEqual([
      "1 DRAFT PROMOTER",
      "2 OFFER PROMOTER",
      "3 COUNTER_OFFER ARTIST_AGENT",
      "4 COUNTER_OFFER PROMOTER",
    ]);

    const contractFields = "id status allowedMoves terms { number guarantee { amount } } promoterSignature { signerName } artistSignature { signerName } deal { id event { name } artist { name } }";
    const drawn = await ask(alice, `mutation($dealId: ID!) { createContract(dealId: $dealId) { ${contractFields} } }`, { dealId: id });
    const contract = drawn.body.data!.createContract;
    expect(contract).toMatchObject({
      status: "DRAFT",
      allowedMoves: ["SEND", "VOID"],
      terms: { number: 4, guarantee: { amount: "8000.00" } },
      deal: { id, event: { name: demoEvents.paris.name }, artist: { name: demoArtists.midnightTide.name } },
    });
    await ask(alice, "mutation($id: ID!) { sendContract(id: $id) { status } }", { id: contract.id });
    const sign = (party: string, signerName: string) =>
      ask(alice, `mutation($input: SignContractInput!) { signContract(input: $input) { ${contractFields} } }`, { input: { id: contract.id, party, signerName } });
    expect((await sign("PROMOTER", "Alice Moreno")).body.data!.signContract.status).toBe("SENT");
    const signed = (await sign("ARTIST", "Camille Roy, for The Midnight Tide")).body.data!.signContract;
    expect(signed).toMatchObject({ status: "SIGNED", allowedMoves: [], promoterSignature: { signerName: "Alice Moreno" }, artistSignature: { signerName: "Camille Roy, for The Midnight Tide" } });
  });
});

describe("the deal's terms", () => {
  const termsFields = "dealType currency guarantee { amount currency } percentage perTicket { amount currency } promoterProfit { percentageOfExpenses amount { amount currency } } expenseCap { amount currency } ticketBonuses { ticketsSold bonus { amount currency } } deposit { amount currency } withholdingRate";
  const none = { guarantee: null, percentage: null, perTicket: null, promoterProfit: null, expenseCap: null, ticketBonuses: [], deposit: null, withholdingRate: null };
  const created = async (terms: Record<string, unknown>) =>
    ask(alice, `mutation($input: CreateDealInput!) { createDeal(input: $input) { currentTerms { ${termsFields} } } }`, { input: { artistId: demoArtists.neonHarbor.id, terms } });

  it("take every form of the deal vocabulary and read back exactly as written", async () => {
    const forms: [Record<string, unknown>, Record<string, unknown>][] = [
      [
        { dealType: "PER_TICKET", currency: "USD", perTicket: usd("4.5"), guarantee: usd("2000"), ticketBonuses: [{ ticketsSold: 600, bonus: usd("400") }] },
        { ...none, dealType: "PER_TICKET", currency: "USD", perTicket: usd("4.50"), guarantee: usd("2000.00"), ticketBonuses: [{ ticketsSold: 600, bonus: usd("400.00") }] },
      ],
      [
        { dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", currency: "USD", guarantee: usd("9000"), percentage: "85", promoterProfit: { percentageOfExpenses: "15" }, expenseCap: usd("20000") },
        { ...none, dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", currency: "USD", guarantee: usd("9000.00"), percentage: "85", promoterProfit: { percentageOfExpenses: "15", amount: null }, expenseCap: usd("20000.00") },
      ],
      [
        { dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", currency: "USD", guarantee: usd("8000"), percentage: "80", promoterProfit: { amount: usd("1500") } },
        { ...none, dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", currency: "USD", guarantee: usd("8000.00"), percentage: "80", promoterProfit: { percentageOfExpenses: null, amount: usd("1500.00") } },
      ],
      [
        { dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS", currency: "USD", guarantee: usd("7000"), percentage: "60" },
        { ...none, dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS", currency: "USD", guarantee: usd("7000.00"), percentage: "60" },
      ],
      [
        { dealType: "DOOR_DEAL_AFTER_EXPENSES", currency: "USD", percentage: "70", expenseCap: usd("3000") },
        { ...none, dealType: "DOOR_DEAL_AFTER_EXPENSES", currency: "USD", percentage: "70", expenseCap: usd("3000.00") },
      ],
      // docs/deals.md's example: $10,000 flat, 30% withheld, $2,500 deposit.
      [
        { dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("10000"), deposit: usd("2500"), withholdingRate: "30" },
        { ...none, dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("10000.00"), deposit: usd("2500.00"), withholdingRate: "30" },
      ],
    ];
    for (const [terms, expected] of forms) {
      const response = await created(terms);
      expect(response.body.errors, String(terms.dealType)).toBeUndefined();
      expect(response.body.data!.createDeal.currentTerms).toEqual(expected);
    }
  });

  it("refuse a term the deal type does not take, or a promoter profit that is not exactly one figure, naming the field", async () => {
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ dealType: "DOOR_DEAL", currency: "USD", percentage: "70", expenseCap: usd("500") }, "expenseCap", "A DOOR_DEAL deal does not take an expenseCap."],
      [{ dealType: "PER_TICKET", currency: "USD", guarantee: usd("500") }, "perTicket", "A PER_TICKET deal requires a perTicket."],
      [
        { dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", currency: "USD", guarantee: usd("1"), percentage: "80", promoterProfit: { percentageOfExpenses: "15", amount: usd("100") } },
        "promoterProfit",
        "The promoter profit takes exactly one of percentageOfExpenses and amount.",
      ],
      [{ dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("10000"), withholdingRate: "0" }, "withholdingRate", "The withholdingRate must be above 0 and at most 100, got 0."],
      [{ dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("10000"), deposit: { amount: "2500", currency: "EUR" } }, "deposit", "The deposit is in EUR but the deal is in USD."],
    ];
    const before = await ask(alice, "{ deals(first: 100) { edges { node { id } } } }");
    for (const [terms, field, message] of refusals) {
      const response = await created(terms);
      expect(response.status, field).toBe(400);
      expect(response.body.errors?.[0]).toMatchObject({ message, extensions: { code: "BAD_USER_INPUT", reason: "INVALID_DEAL_TERMS", field } });
    }
    expect((await ask(alice, "{ deals(first: 100) { edges { node { id } } } }")).body).toEqual(before.body);
  });

  it("of the demo's Madrid draft: a plus deal with the promoter's 15% profit and capped expenses", async () => {
    const response = await ask(alice, `query($artistId: ID) { deals(filter: { artistId: $artistId }) { edges { node { currentTerms { number ${termsFields} } } } } }`, { artistId: demoArtists.luaMoreno.id });
    expect(response.body.data!.deals.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      {
        currentTerms: {
          ...none,
          number: 2,
          dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT",
          currency: "EUR",
          guarantee: { amount: "45000.00", currency: "EUR" },
          percentage: "85",
          promoterProfit: { percentageOfExpenses: "15", amount: null },
          expenseCap: { amount: "30000.00", currency: "EUR" },
        },
      },
    ]);
  });
});

describe("a move that names the terms it answers", () => {
  it("is refused with DEAL_CHANGED once a counter-offer replaced them, and accepts the terms it names", async () => {
    const id = await createDeal({ artistId: demoArtists.sagaNord.id, terms: versus("5000", "80") });
    const termsOnTheTable = `query($id: ID!) { deal(id: $id) { currentTerms { id } } }`;
    await ask(alice, offer, { id });
    const offered = (await ask(alice, termsOnTheTable, { id })).body.data!.deal.currentTerms.id;
    await ask(alice, counter, { input: { id, terms: versus("6500", "85"), termsVersionId: offered } });
    const before = await readDeal(id);

    const accept = `mutation($id: ID!, $termsVersionId: ID) { acceptDeal(id: $id, termsVersionId: $termsVersionId) { status acceptedTerms { number } } }`;
    const stale = await ask(alice, accept, { id, termsVersionId: offered });
    expect(stale.status).toBe(400);
    expect(stale.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "DEAL_CHANGED", status: "COUNTERED", allowedMoves: ["COUNTER", "ACCEPT", "DECLINE", "WITHDRAW"] });
    expect(await readDeal(id)).toEqual(before);

    const countered = (await ask(alice, termsOnTheTable, { id })).body.data!.deal.currentTerms.id;
    const accepted = await ask(alice, accept, { id, termsVersionId: countered });
    expect(accepted.body).toEqual({ data: { acceptDeal: { status: "ACCEPTED", acceptedTerms: { number: 3 } } } });
  });
});

describe("illegal moves", () => {
  it("are refused with the status and the allowed moves named, and change nothing", async () => {
    const id = await createDeal({ artistId: demoArtists.sagaNord.id, terms: { dealType: "DOOR_DEAL", currency: "EUR", percentage: "75" } });
    const refusals: [string, Record<string, unknown>, string, string[]][] = [
      [move("acceptDeal"), { id }, "DRAFT", ["EDIT", "OFFER", "DELETE"]],
      [move("declineDeal"), { id }, "DRAFT", ["EDIT", "OFFER", "DELETE"]],
      [move("withdrawDeal"), { id }, "DRAFT", ["EDIT", "OFFER", "DELETE"]],
      [counter, { input: { id, terms: versus("1", "1") } }, "DRAFT", ["EDIT", "OFFER", "DELETE"]],
    ];
    await ask(alice, offer, { id });
    await ask(alice, move("declineDeal"), { id });
    const declined = await readDeal(id);
    refusals.push(
      [offer, { id }, "DECLINED", []],
      [move("acceptDeal"), { id }, "DECLINED", []],
      [counter, { input: { id, terms: versus("1", "1") } }, "DECLINED", []],
      ["mutation($id: ID!) { updateDeal(input: { id: $id, notes: \"x\" }) { id } }", { id }, "DECLINED", []],
    );
    const draft = await createDeal({ artistId: demoArtists.sagaNord.id, terms: { dealType: "DOOR_DEAL", currency: "EUR", percentage: "75" } });
    const draftBefore = await readDeal(draft);
    for (const [query, variables, status, allowedMoves] of refusals) {
      const target = status === "DRAFT" ? draft : id;
      const response = await ask(alice, query, { ...variables, ...("id" in variables ? { id: target } : { input: { ...(variables.input as object), id: target } }) });
      expect(response.status, query).toBe(400);
      expect(response.body.errors?.[0]?.extensions, query).toMatchObject({ code: "BAD_USER_INPUT", reason: "ILLEGAL_DEAL_MOVE", status, allowedMoves });
    }
    expect(await readDeal(draft)).toEqual(draftBefore);
    expect(await readDeal(id)).toEqual(declined);
  });
});

describe("the radius check", () => {
  // Aurora Lane's accepted deals in the demo: Chicago with a 300 km / 30-day clause, and
  // Brooklyn, 3 days after it and 1152.1 km away, with a 250 km / 45-day clause.
  const acceptedDealOf = async (eventName: string) =>
    (await ask(alice, "query($artistId: ID) { deals(filter: { artistId: $artistId, status: ACCEPTED }) { edges { node { id event { name } } } } }", { artistId: demoArtists.auroraLane.id })).body.data!.deals.edges.find(
      (edge: { node: { event: { name: string } } }) => edge.node.event.name === eventName,
    ).node.id;

  it("warns about the artist's accepted shows inside the offer's radius clause, and whose own clause the offer breaches", async () => {
    // Aurora Lane's Chicago and Brooklyn deals are accepted in the demo; this offer for
    // Brooklyn again, with a 1500 km clause, catches both.
    const id = await createDeal({
      artistId: demoArtists.auroraLane.id,
      eventId: demoEvents.brooklyn.id,
      terms: { dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("2500"), radiusClause: { kilometres: 1500, daysBefore: 10, daysAfter: 10 } },
    });
    const response = await ask(alice, offer, { id });
    expect(response.body.errors).toBeUndefined();
    const [brooklyn, chicago] = [await acceptedDealOf(demoEvents.brooklyn.name), await acceptedDealOf(demoEvents.chicago.name)];
    const thisClause = { kilometres: 1500, daysBefore: 10, daysAfter: 10 };
    expect(response.body.data!.offerDeal.warnings).toEqual([
      {
        breachedClause: "THIS_DEAL",
        clause: thisClause,
        message: "An accepted show 0.0 km away, within a day of this one, is inside the radius clause (1500 km, 10 days before, 10 days after).",
        distanceKm: 0,
        daysApart: 0,
        conflictingEvent: { name: demoEvents.brooklyn.name },
        conflictingDeal: { id: brooklyn },
      },
      {
        breachedClause: "THIS_DEAL",
        clause: thisClause,
        message: "An accepted show 1152.1 km away, 3 day(s) before this one, is inside the radius clause (1500 km, 10 days before, 10 days after).",
        distanceKm: 1152.1,
        daysApart: -3,
        conflictingEvent: { name: demoEvents.chicago.name },
        conflictingDeal: { id: chicago },
      },
      // Chicago's own 300 km clause does not reach Brooklyn; Brooklyn's own 250 km clause covers itself.
      {
        breachedClause: "CONFLICTING_DEAL",
        clause: { kilometres: 250, daysBefore: 45, daysAfter: 45 },
        message: "An accepted show 0.0 km away, within a day of this one, has a radius clause (250 km, 45 days before, 45 days after) that this show would breach.",
        distanceKm: 0,
        daysApart: 0,
        conflictingEvent: { name: demoEvents.brooklyn.name },
        conflictingDeal: { id: brooklyn },
      },
    ]);
  });

  it("warns about an accepted deal's own clause when the offer has none, and again when it is countered", async () => {
    const id = await createDeal({ artistId: demoArtists.auroraLane.id, eventId: demoEvents.brooklyn.id, terms: { dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("2000") } });
    const expected = [
      {
        breachedClause: "CONFLICTING_DEAL",
        clause: { kilometres: 250, daysBefore: 45, daysAfter: 45 },
        message: "An accepted show 0.0 km away, within a day of this one, has a radius clause (250 km, 45 days before, 45 days after) that this show would breach.",
        distanceKm: 0,
        daysApart: 0,
        conflictingEvent: { name: demoEvents.brooklyn.name },
        conflictingDeal: { id: await acceptedDealOf(demoEvents.brooklyn.name) },
      },
    ];
    const offered = await ask(alice, offer, { id });
    expect(offered.body.errors).toBeUndefined();
    expect(offered.body.data!.offerDeal.warnings).toEqual(expected);
    const countered = await ask(alice, counter, { input: { id, terms: { dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("3000") } } });
    expect(countered.body.data!.counterDeal.warnings).toEqual(expected);
  });

  it("has nothing to warn about for an artist without accepted deals", async () => {
    const id = await createDeal({ artistId: demoArtists.deepSignal.id, eventId: demoEvents.miami.id, terms: { dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("2000"), radiusClause: { kilometres: 20000, daysBefore: 365, daysAfter: 365 } } });
    expect((await ask(alice, offer, { id })).body.data!.offerDeal.warnings).toEqual([]);
  });
});

describe("deleting a deal", () => {
  it("deletes a draft that was never offered, with its history", async () => {
    const id = await createDeal({ artistId: demoArtists.neonHarbor.id, terms: { dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("7000") } });
    await ask(alice, "mutation($id: ID!) { updateDeal(input: { id: $id, terms: { dealType: DOOR_DEAL, currency: \"USD\", percentage: \"70\" } }) { id } }", { id });
    const deleted = await ask(alice, deleteDeal, { id });
    expect(deleted.body).toEqual({ data: { deleteDeal: id } });
    expect((await ask(alice, "query($id: ID!) { deal(id: $id) { id } }", { id })).body).toEqual({ data: { deal: null } });
    const again = await ask(alice, deleteDeal, { id });
    expect(again.status).toBe(404);
    expect(again.body.errors?.[0]).toMatchObject({ message: `There is no deal "${id}".`, extensions: { code: "NOT_FOUND", id } });
  });

  it("refuses a deal that was offered, naming its status and moves, and changes nothing", async () => {
    const id = await createDeal({ artistId: demoArtists.neonHarbor.id, terms: { dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("7000") } });
    await ask(alice, offer, { id });
    const before = await readDeal(id);
    const refused = await ask(alice, deleteDeal, { id });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]).toMatchObject({
      message: "A deal cannot DELETE while it is OFFERED: a OFFERED deal allows COUNTER, ACCEPT, DECLINE, WITHDRAW.",
      extensions: { code: "BAD_USER_INPUT", reason: "ILLEGAL_DEAL_MOVE", status: "OFFERED", move: "DELETE", allowedMoves: ["COUNTER", "ACCEPT", "DECLINE", "WITHDRAW"] },
    });
    expect(await readDeal(id)).toEqual(before);
  });
});

describe("contracts", () => {
  it("are drawn up once when 20 requests draw one up for the same deal at the same time", async () => {
    const id = await createDeal({ artistId: demoArtists.brassRepublic.id, eventId: demoEvents.newOrleans.id, terms: { dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("5000") } });
    await ask(alice, offer, { id });
    await ask(alice, move("acceptDeal"), { id });
    const responses = await Promise.all(Array.from({ length: 20 }, () => ask(alice, "mutation($dealId: ID!) { createContract(dealId: $dealId) { id } }", { dealId: id })));
    expect(responses.filter((response) => response.body.data?.createContract)).toHaveLength(1);
    const refused = responses.filter((response) => response.body.errors?.[0]?.extensions?.reason === "LIVE_CONTRACT_EXISTS");
    expect(refused).toHaveLength(19);
    const live = await ask(alice, "query($dealId: ID) { contracts(filter: { dealId: $dealId }) { edges { node { status } } } }", { dealId: id });
    expect(live.body.data!.contracts.edges).toEqual([{ node: { status: "DRAFT" } }]);
  });
});

describe("Base's events and artists with their deals", () => {
  it("carry the demo's deals in every state, with the signed contract of the Chicago show", async () => {
    const response = await ask(alice, "{ deals(first: 100) { edges { node { status event { name } contract { status } } } } }");
    expect(response.body.errors).toBeUndefined();
    const statuses = new Set(response.body.data!.deals.edges.map((edge: { node: { status: string } }) => edge.node.status));
    expect(statuses).toEqual(new Set(["DRAFT", "OFFERED", "COUNTERED", "ACCEPTED", "DECLINED", "WITHDRAWN", "EXPIRED"]));
    const chicago = await ask(alice, "{ events(filter: { search: \"Chicago\" }) { edges { node { name deals { edges { node { status contract { status } currentTerms { number } } } } } } } }");
    expect(chicago.body.data!.events.edges[0].node.deals.edges).toEqual([{ node: { status: "ACCEPTED", contract: { status: "SIGNED" }, currentTerms: { number: 4 } } }]);
  });

  it("cost Market the same number of statements for 10 events as for 100", async () => {
    const statementsFor = async (first: number) => {
      const before = marketStatements();
      const response = await ask(alice, "query($first: Int) { events(first: $first) { edges { node { deals { edges { node { status currentTerms { ticketBonuses { ticketsSold } pricing { breakEvenTickets } } } } } } } } }", { first });
      expect(response.body.errors).toBeUndefined();
      return marketStatements() - before;
    };
    expect(await statementsFor(20)).toBe(await statementsFor(3));
  });

  it("leave `deals` null for a caller without market, and still return the events", async () => {
    const response = await ask(bob, "{ events(first: 2) { edges { node { name deals { edges { node { id } } } } } } }");
    expect(response.status).toBe(200);
    expect(response.body.data!.events.edges.map((edge: { node: { deals: unknown } }) => edge.node.deals)).toEqual([null, null]);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", module: "market" });
  });
});

describe("an offer's pricing", () => {
  const pricingFields = `pricingUnavailableReason estimatedExpenses { amount currency }
    pricing { currency sellableTickets grossPotential { amount currency } averageTicketPrice { amount } expenses { amount } promoterProfit { amount }
              breakEvenTickets walkoutPotential { amount currency } walkoutExplanation walkoutAtBreakEven { amount } }`;
  const dealsOfEvent = (eventId: string) =>
    ask(alice, `query($eventId: ID) { deals(filter: { eventId: $eventId }) { edges { node { event { grossPotential { amount } } currentTerms { kind ${pricingFields} } history { edges { node { kind pricing { breakEvenTickets walkoutPotential { amount } } } } } } } } }`, {
      eventId,
    });

  it("of the demo's Chicago deal: 800 tickets at $45 in Base, $12,000 of expenses, $9,000 versus 85% with two bonuses", async () => {
    const response = await dealsOfEvent(demoEvents.chicago.id);
    expect(response.body.errors).toBeUndefined();
    const [deal] = response.body.data!.deals.edges.map((edge: { node: unknown }) => edge.node);
    // Break-even: (12,000 + 9,000) / 45 = 466.7 → 467 tickets (at 467, 85% × (21,015 − 12,000) = 7,662.75 is below the
    // guarantee). Sellout: 85% × (36,000 − 12,000) = 20,400, plus the bonuses at 700 and 800 tickets: 22,900.
    expect(deal.event).toEqual({ grossPotential: { amount: "36000.00" } });
    expect(deal.currentTerms).toEqual({
      kind: "COUNTER_OFFER",
      pricingUnavailableReason: null,
      estimatedExpenses: usd("12000.00"),
      pricing: {
        currency: "USD",
        sellableTickets: 800,
        grossPotential: usd("36000.00"),
        averageTicketPrice: { amount: "45.00" },
        expenses: { amount: "12000.00" },
        promoterProfit: null,
        breakEvenTickets: 467,
        walkoutPotential: usd("22900.00"),
        walkoutExplanation: "85% of net (USD 20400.00) exceeds guarantee (USD 9000.00)",
        walkoutAtBreakEven: { amount: "9000.00" },
      },
    });
  });

  it("of the demo's Berlin deal, from Base's three tiers: the door deal offered and the agent's counter", async () => {
    const response = await dealsOfEvent(demoEvents.berlin.id);
    expect(response.body.errors).toBeUndefined();
    const [deal] = response.body.data!.deals.edges.map((edge: { node: unknown }) => edge.node);
    // Floor 2,760 sellable × 42 + balcony 560 × 55 + VIP 104 × 95 = 156,600 over 3,424 tickets, 45.7359… on average.
    expect(deal.event).toEqual({ grossPotential: { amount: "156600.00" } });
    expect(deal.currentTerms.pricing).toMatchObject({ sellableTickets: 3424, grossPotential: { amount: "156600.00", currency: "EUR" }, averageTicketPrice: { amount: "45.74" } });
    expect(deal.history.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { kind: "DRAFT", pricing: { breakEvenTickets: 1823, walkoutPotential: { amount: "109620.00" } } },
      // 70% door: each ticket leaves the promoter 30%, so 25,000 / (0.3 × 45.7359…) = 1,822.04 → 1,823; 70% × 156,600 at a sellout.
      { kind: "OFFER", pricing: { breakEvenTickets: 1823, walkoutPotential: { amount: "109620.00" } } },
      // €9,000 versus 80% of net: (25,000 + 9,000) / 45.7359… = 743.4 → 744; 80% × (156,600 − 25,000) = 105,280 at a sellout.
      { kind: "COUNTER_OFFER", pricing: { breakEvenTickets: 744, walkoutPotential: { amount: "105280.00" } } },
    ]);
  });

  it("is null for a deal with no event yet, saying so", async () => {
    const response = await ask(alice, `query($artistId: ID) { deals(filter: { artistId: $artistId }) { edges { node { event { id } currentTerms { pricingUnavailableReason pricing { breakEvenTickets } } } } } }`, {
      artistId: demoArtists.neonHarbor.id,
    });
    const openDate = response.body.data!.deals.edges.map((edge: { node: { event: unknown; currentTerms: unknown } }) => edge.node).find((node: { event: unknown }) => node.event === null);
    expect(openDate.currentTerms).toEqual({ pricingUnavailableReason: "NO_EVENT", pricing: null });
  });

  it("takes the estimate with the terms, in their currency, and refuses one in another, naming the field", async () => {
    const terms = { dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("15000") };
    const mutation = `mutation($input: CreateDealInput!) { createDeal(input: $input) { currentTerms { estimatedExpenses { amount currency } pricing { breakEvenTickets } } } }`;
    // 1,800 tickets at $52.50 in Brooklyn: (30,000.50 + 15,000) / 52.50 = 857.2 → 858.
    const created = await ask(alice, mutation, { input: { artistId: demoArtists.neonHarbor.id, eventId: demoEvents.brooklyn.id, terms: { ...terms, estimatedExpenses: usd("30000.5") } } });
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data!.createDeal.currentTerms).toEqual({ estimatedExpenses: usd("30000.50"), pricing: { breakEvenTickets: 858 } });

    const refused = await ask(alice, mutation, { input: { artistId: demoArtists.neonHarbor.id, terms: { ...terms, estimatedExpenses: { amount: "100", currency: "EUR" } } } });
    expect(refused.body.errors?.[0]).toMatchObject({
      message: "The estimated expenses are in EUR but the terms are in USD.",
      extensions: { code: "BAD_USER_INPUT", reason: "INVALID_OFFER_TERMS", field: "estimatedExpenses" },
    });
  });
});

describe("who is let in", () => {
  it("refuses Harbor Hall, which has no market module, with 403 naming it", async () => {
    for (const query of ["{ deals { edges { node { id } } } }", "{ contracts { edges { node { id } } } }", `mutation { declineDeal(id: "${crypto.randomUUID()}") { id } }`]) {
      const response = await ask(hana, query);
      expect(response.status, query).toBe(403);
      expect(response.body.errors?.[0]).toMatchObject({ message: 'The module "market" is not enabled for you in this company.', extensions: { code: "FORBIDDEN", module: "market" } });
    }
  });

  it("refuses an anonymous caller with 401", async () => {
    const response = await stack.query("{ deals { edges { node { id } } } }", { company: "northwind" });
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("answers unknown and foreign ids in every query and mutation as unknown, changing nothing", async () => {
    const before = await ask(alice, "{ deals(first: 100) { edges { node { id status updatedAt } } } contracts(first: 100) { edges { node { id status } } } }");
    const unknown = crypto.randomUUID();
    const reads = await ask(alice, "query($id: ID!) { deal(id: $id) { id } contract(id: $id) { id } deals(filter: { artistId: $id }) { edges { node { id } } } contracts(filter: { dealId: $id }) { edges { node { id } } } }", { id: unknown });
    expect(reads.body).toEqual({ data: { deal: null, contract: null, deals: { edges: [] }, contracts: { edges: [] } } });
    const mutations: [string, Record<string, unknown>][] = [
      ["mutation($id: ID!) { updateDeal(input: { id: $id, notes: \"x\" }) { id } }", { id: unknown }],
      [offer, { id: unknown }],
      [counter, { input: { id: unknown, terms: versus("1", "1") } }],
      [move("acceptDeal"), { id: unknown }],
      [move("declineDeal"), { id: unknown }],
      [move("withdrawDeal"), { id: unknown }],
      [deleteDeal, { id: unknown }],
      ["mutation($id: ID!) { createContract(dealId: $id) { id } }", { id: unknown }],
      ["mutation($id: ID!) { sendContract(id: $id) { id } }", { id: unknown }],
      ["mutation($id: ID!) { signContract(input: { id: $id, party: ARTIST, signerName: \"x\" }) { id } }", { id: unknown }],
      ["mutation($id: ID!) { voidContract(input: { id: $id, reason: \"x\" }) { id } }", { id: unknown }],
    ];
    for (const [mutation, variables] of mutations) {
      const response = await ask(alice, mutation, variables);
      expect(response.status, mutation).toBe(404);
      expect(response.body.errors?.[0]?.extensions, mutation).toMatchObject({ code: "NOT_FOUND", id: unknown });
    }
    const harborArtist = await ask(alice, "mutation($input: CreateDealInput!) { createDeal(input: $input) { id } }", {
      input: { artistId: demoArtists.elbeQuartet.id, terms: { dealType: "DOOR_DEAL", currency: "EUR", percentage: "70" } },
    });
    expect(harborArtist.body.errors?.[0]).toMatchObject({ message: `There is no artist "${demoArtists.elbeQuartet.id}" in this company.`, extensions: { code: "BAD_USER_INPUT" } });
    expect((await ask(alice, "{ deals(first: 100) { edges { node { id status updatedAt } } } contracts(first: 100) { edges { node { id status } } } }")).body).toEqual(before.body);
  });
});
