// A deal's negotiation and its contract in the data layer: the thread of versions, expiry
// at the instant of each request, moves racing each other, and one live contract per deal
// however many requests draw one up at once.
import { formatMoney, type Tenant } from "@marquee/kit";
import { demoUsers } from "@marquee/kit/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseOfferTerms, type OfferTermsInput } from "../src/domain/index.ts";
import { openMarketTestDatabase, type MarketTestDatabase } from "./market-test-database.ts";

const usd = (amount: string) => ({ amount, currency: "USD" });
const terms = (guarantee: string, extra: Partial<OfferTermsInput> = {}) =>
  parseOfferTerms({ dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", currency: "USD", guarantee: usd(guarantee), percentage: "80", ...extra });
const at = (instant: string) => new Date(instant);

let db: MarketTestDatabase;
beforeAll(async () => {
  db = await openMarketTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

/** A company of its own with a draft deal, and its requests at an instant. */
async function draftDeal(draftTerms = terms("8000")) {
  const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
  const deal = await db.request(tenant, at("2026-04-01T09:00:00.000Z")).deals.create({ artistId: crypto.randomUUID(), eventId: crypto.randomUUID(), terms: draftTerms, notes: null });
  return { tenant, deal, on: (instant = "2026-04-02T09:00:00.000Z") => db.request(tenant, at(instant)) };
}

async function thread(on: () => ReturnType<MarketTestDatabase["request"]>, dealId: string) {
  const market = on();
  const { edges } = await market.deals.history(dealId, {});
  return Promise.all(
    edges.map(async ({ node }) => `${node.number} ${node.kind} ${node.side} ${formatMoney(node.terms.deal.guarantee!)}${(await market.deals.ticketBonuses(node)).map((bonus) => ` +${formatMoney(bonus.bonus)}@${bonus.ticketsSold}`).join("")}`),
  );
}

describe("a negotiation", () => {
  it("reads as the thread it was: draft, offer, counter, counter, accepted on the version on the table", async () => {
    const { deal, on } = await draftDeal();
    await on().deals.edit(deal.id, { terms: terms("8500") });
    expect((await on().deals.offer(deal.id)).status).toBe("OFFERED");
    expect((await on().deals.counter(deal.id, terms("11000"))).status).toBe("COUNTERED");
    const countered = await on().deals.counter(deal.id, terms("9500", { ticketBonuses: [{ ticketsSold: 700, bonus: usd("1000") }] }));
    expect(countered.status).toBe("OFFERED");
    const accepted = await on("2026-04-03T10:00:00.000Z").deals.accept(deal.id);

    expect(accepted).toMatchObject({ status: "ACCEPTED", currentVersionNumber: 5, acceptedVersionId: countered.currentVersionId });
    expect(accepted.decision).toEqual({ decidedAt: "2026-04-03T10:00:00.000Z", decidedBy: demoUsers.alice.id });
    expect(await thread(on, deal.id)).toEqual([
      "1 DRAFT PROMOTER 8000.00",
      "2 DRAFT PROMOTER 8500.00",
      "3 OFFER PROMOTER 8500.00",
      "4 COUNTER_OFFER ARTIST_AGENT 11000.00",
      "5 COUNTER_OFFER PROMOTER 9500.00 +1000.00@700",
    ]);
  });

  it("refuses an illegal move naming the status and allowed moves, and changes nothing", async () => {
    const { deal, on } = await draftDeal();
    const before = await on().deals.find(deal.id);
    await expect(on().deals.accept(deal.id)).rejects.toMatchObject({
      message: "A deal cannot ACCEPT while it is DRAFT: a DRAFT deal allows EDIT, OFFER, DELETE.",
      extensions: { code: "BAD_USER_INPUT", status: "DRAFT", move: "ACCEPT", allowedMoves: ["EDIT", "OFFER", "DELETE"] },
    });
    await expect(on().deals.counter(deal.id, terms("1"))).rejects.toMatchObject({ extensions: { status: "DRAFT", move: "COUNTER" } });
    expect(await on().deals.find(deal.id)).toEqual(before);
    expect(await thread(on, deal.id)).toEqual(["1 DRAFT PROMOTER 8000.00"]);
  });

  it("deletes a never-offered draft with every draft version, and refuses once it was offered, changing nothing", async () => {
    const { deal, on } = await draftDeal(terms("8000", { ticketBonuses: [{ ticketsSold: 500, bonus: usd("250") }] }));
    await on().deals.edit(deal.id, { terms: terms("8500") });
    expect(await on().deals.deleteDraft(deal.id)).toBe(deal.id);
    expect(await on().deals.find(deal.id)).toBeNull();
    expect(await db.sql.query(`SELECT id FROM market.deal_terms_version WHERE deal_id = $1`, [deal.id])).toEqual([]);
    await expect(on().deals.deleteDraft(deal.id)).rejects.toMatchObject({ extensions: { code: "NOT_FOUND", id: deal.id } });

    const offered = await draftDeal();
    await offered.on().deals.offer(offered.deal.id);
    const before = await offered.on().deals.find(offered.deal.id);
    await expect(offered.on().deals.deleteDraft(offered.deal.id)).rejects.toMatchObject({
      message: "A deal cannot DELETE while it is OFFERED: a OFFERED deal allows COUNTER, ACCEPT, DECLINE, WITHDRAW.",
      extensions: { code: "BAD_USER_INPUT", reason: "ILLEGAL_DEAL_MOVE", status: "OFFERED", move: "DELETE", allowedMoves: ["COUNTER", "ACCEPT", "DECLINE", "WITHDRAW"] },
    });
    expect(await offered.on().deals.find(offered.deal.id)).toEqual(before);
    expect(await thread(offered.on, offered.deal.id)).toEqual(["1 DRAFT PROMOTER 8000.00", "2 OFFER PROMOTER 8000.00"]);
  });

  it("deletes a draft or offers it, never both, when 10 deletions race 10 offers", async () => {
    const { deal, on } = await draftDeal();
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, index) => (index % 2 === 0 ? on().deals.deleteDraft(deal.id) : on().deals.offer(deal.id))));
    const won = results.flatMap((result, index) => (result.status === "fulfilled" ? [index % 2 === 0 ? "DELETE" : "OFFER"] : []));
    expect(won).toHaveLength(1);
    const remaining = await on().deals.find(deal.id);
    if (won[0] === "DELETE") expect(remaining).toBeNull();
    else expect(remaining?.status).toBe("OFFERED");
  });

  it("expires at the offer's expiry: read as EXPIRED from that instant, and no longer accepted", async () => {
    const { deal, on } = await draftDeal(terms("8000", { offerExpiresAt: at("2026-04-05T12:00:00.000Z") }));
    await on().deals.offer(deal.id);
    expect((await on("2026-04-05T11:59:59.999Z").deals.find(deal.id))?.status).toBe("OFFERED");
    expect((await on("2026-04-05T12:00:00.000Z").deals.find(deal.id))?.status).toBe("EXPIRED");
    expect((await on("2026-04-05T12:00:00.000Z").deals.list({ status: "EXPIRED" }, {})).edges.map((edge) => edge.node.id)).toEqual([deal.id]);
    expect((await on("2026-04-05T12:00:00.000Z").deals.list({ status: "OFFERED" }, {})).edges).toEqual([]);

    await expect(on("2026-04-05T12:00:00.000Z").deals.accept(deal.id)).rejects.toMatchObject({
      message: "A deal cannot ACCEPT while it is EXPIRED: a EXPIRED deal allows no moves.",
      extensions: { status: "EXPIRED", allowedMoves: [] },
    });
    expect((await on("2026-04-05T11:00:00.000Z").deals.accept(deal.id)).status).toBe("ACCEPTED");
  });

  it("refuses to put on the table terms that have already expired", async () => {
    const { deal, on } = await draftDeal(terms("8000", { offerExpiresAt: at("2026-04-01T12:00:00.000Z") }));
    await expect(on().deals.offer(deal.id)).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", reason: "INVALID_OFFER_TERMS", field: "offerExpiresAt" } });
    expect((await on().deals.find(deal.id))?.status).toBe("DRAFT");
  });

  it("moves once when 20 requests answering the same offer accept, counter and decline it at the same time", async () => {
    const { deal, on } = await draftDeal();
    const offered = await on().deals.offer(deal.id);
    const answering = offered.currentVersionId;
    const moves = Array.from({ length: 20 }, (_, index) =>
      [() => on().deals.accept(deal.id, answering), () => on().deals.counter(deal.id, terms(String(9000 + index)), answering), () => on().deals.decline(deal.id, answering)][index % 3]!(),
    );
    const results = await Promise.allSettled(moves);
    const made = results.filter((result) => result.status === "fulfilled");
    expect(made).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toMatchObject({ extensions: { code: "BAD_USER_INPUT", reason: expect.stringMatching(/^(DEAL_CHANGED|ILLEGAL_DEAL_MOVE)$/) } });
    }
    const versions = await db.sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM market.deal_terms_version WHERE deal_id = $1`, [deal.id]);
    const counteredOnce = (await on().deals.find(deal.id))?.status === "COUNTERED";
    expect(versions[0]!.count).toBe(counteredOnce ? 3 : 2);
  });

  it("without the version they answer, concurrent moves still each answer other terms: a chain, never two moves on one version", async () => {
    const { deal, on } = await draftDeal();
    await on().deals.offer(deal.id);
    const moves = Array.from({ length: 20 }, (_, index) =>
      [() => on().deals.accept(deal.id), () => on().deals.counter(deal.id, terms(String(9000 + index))), () => on().deals.decline(deal.id)][index % 3]!(),
    );
    const made = (await Promise.allSettled(moves)).filter((result) => result.status === "fulfilled").map((result) => result.value);
    const history = (await on().deals.history(deal.id, { first: 100 })).edges.map(({ node }) => node);
    const counters = history.filter((version) => version.kind === "COUNTER_OFFER");
    const final = (await on().deals.find(deal.id))!;
    const ended = final.status === "ACCEPTED" || final.status === "DECLINED";
    // Every move that was made either put one counter-offer on the table or ended the deal.
    expect(made).toHaveLength(counters.length + (ended ? 1 : 0));
    expect(history.map((version) => version.number)).toEqual(history.map((_, index) => index + 1));
    // Two counters answering the same terms would both come from the same side.
    expect(counters.map((version) => version.side)).toEqual(counters.map((_, index) => (index % 2 === 0 ? "ARTIST_AGENT" : "PROMOTER")));
    if (final.status === "ACCEPTED") expect(final.acceptedVersionId).toBe(history.at(-1)!.id);
  });

  it("refuses to accept, decline or counter terms that are no longer on the table, and writes nothing", async () => {
    const { deal, on } = await draftDeal();
    const offered = await on().deals.offer(deal.id);
    const countered = await on().deals.counter(deal.id, terms("11000"), offered.currentVersionId);
    const before = await thread(on, deal.id);
    const stale = [() => on().deals.accept(deal.id, offered.currentVersionId), () => on().deals.decline(deal.id, offered.currentVersionId), () => on().deals.counter(deal.id, terms("9000"), offered.currentVersionId)];
    for (const move of stale) {
      await expect(move()).rejects.toMatchObject({
        message: `Deal "${deal.id}" no longer has the terms version "${offered.currentVersionId}" on the table: it is now COUNTERED, at version 3. Read it again and retry.`,
        extensions: { code: "BAD_USER_INPUT", reason: "DEAL_CHANGED", status: "COUNTERED", allowedMoves: ["COUNTER", "ACCEPT", "DECLINE", "WITHDRAW"] },
      });
    }
    expect(await thread(on, deal.id)).toEqual(before);
    expect((await on().deals.find(deal.id))!.status).toBe("COUNTERED");
    const accepted = await on().deals.accept(deal.id, countered.currentVersionId);
    expect(accepted).toMatchObject({ status: "ACCEPTED", acceptedVersionId: countered.currentVersionId });
  });
});

describe("the deal's terms", () => {
  const eachType: [string, OfferTermsInput, string][] = [
    [
      "a per-ticket deal with a guarantee and a bonus",
      { dealType: "PER_TICKET", currency: "USD", perTicket: usd("4.50"), guarantee: usd("2000"), ticketBonuses: [{ ticketsSold: 600, bonus: usd("400") }] },
      "PER_TICKET guarantee 2000.00 perTicket 4.50 bonuses 600: 400.00",
    ],
    [
      "a plus deal with a promoter profit percentage and an expense cap",
      { dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", currency: "USD", guarantee: usd("9000"), percentage: "85", promoterProfit: { percentageOfExpenses: "12.5" }, expenseCap: usd("20000") },
      "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT guarantee 9000.00 percentage 85 promoterProfit 12.5% expenseCap 20000.00",
    ],
    [
      "a versus-net deal with a promoter profit amount",
      { dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", currency: "USD", guarantee: usd("8000"), percentage: "80", promoterProfit: { amount: usd("1500.50") } },
      "GUARANTEE_VERSUS_PERCENTAGE_OF_NET guarantee 8000.00 percentage 80 promoterProfit USD 1500.50",
    ],
    ["a versus-gross deal", { dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS", currency: "USD", guarantee: usd("7000"), percentage: "65" }, "GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS guarantee 7000.00 percentage 65"],
    [
      "a door deal after expenses with an expense cap",
      { dealType: "DOOR_DEAL_AFTER_EXPENSES", currency: "USD", percentage: "70", expenseCap: usd("3000") },
      "DOOR_DEAL_AFTER_EXPENSES percentage 70 expenseCap 3000.00",
    ],
    [
      "a flat guarantee with a deposit and 30% withheld",
      { dealType: "FLAT_GUARANTEE", currency: "USD", guarantee: usd("10000"), deposit: usd("2500"), withholdingRate: "30" },
      "FLAT_GUARANTEE guarantee 10000.00 deposit 2500.00 withholdingRate 30",
    ],
  ];

  it.each(eachType)("of %s are kept as written, through the offer that copies them and the contract that freezes them", async (_, input, expected) => {
    const { deal, on } = await draftDeal(parseOfferTerms(input));
    await on().deals.offer(deal.id);
    await on().deals.accept(deal.id);
    const contract = await on().contracts.create(deal.id);
    const market = on();
    const version = await market.deals.version(contract.termsVersionId);
    const { type, guarantee, percentage, perTicket, promoterProfit, expenseCap, deposit, withholdingRate } = version.terms.deal;
    const bonuses = await market.deals.ticketBonuses(version);
    const words = [
      type,
      guarantee && `guarantee ${formatMoney(guarantee)}`,
      percentage && `percentage ${percentage.toFixed()}`,
      perTicket && `perTicket ${formatMoney(perTicket)}`,
      promoterProfit && `promoterProfit ${promoterProfit.kind === "AMOUNT" ? `${promoterProfit.amount.currency} ${formatMoney(promoterProfit.amount)}` : `${promoterProfit.percentage.toFixed()}%`}`,
      expenseCap && `expenseCap ${formatMoney(expenseCap)}`,
      bonuses.length > 0 && `bonuses ${bonuses.map((bonus) => `${bonus.ticketsSold}: ${formatMoney(bonus.bonus)}`).join(", ")}`,
      deposit && `deposit ${formatMoney(deposit)}`,
      withholdingRate && `withholdingRate ${withholdingRate.toFixed()}`,
    ];
    expect(words.filter(Boolean).join(" ")).toBe(expected);
    expect(version).toMatchObject({ number: 2, kind: "OFFER" });
  });
});

describe("a contract", () => {
  async function acceptedDeal() {
    const draft = await draftDeal();
    await draft.on().deals.offer(draft.deal.id);
    await draft.on().deals.accept(draft.deal.id);
    return draft;
  }

  it("is drawn up once when 30 requests draw it up at the same time", async () => {
    const { deal, on } = await acceptedDeal();
    const results = await Promise.allSettled(Array.from({ length: 30 }, () => on().contracts.create(deal.id)));
    const drawn = results.filter((result) => result.status === "fulfilled");
    expect(drawn).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") {
        expect(result.reason).toMatchObject({ message: `Deal "${deal.id}" already has a live contract; void it to draw up another.`, extensions: { reason: "LIVE_CONTRACT_EXISTS" } });
      }
    }
    const live = await db.sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM market.contract WHERE deal_id = $1`, [deal.id]);
    expect(live[0]!.count).toBe(1);
  });

  it("needs an accepted deal, naming its status", async () => {
    const { deal, on } = await draftDeal();
    await expect(on().contracts.create(deal.id)).rejects.toMatchObject({
      message: `Deal "${deal.id}" is DRAFT; only an ACCEPTED deal gets a contract.`,
      extensions: { code: "BAD_USER_INPUT", reason: "DEAL_NOT_ACCEPTED", status: "DRAFT" },
    });
  });

  it("is SIGNED once both parties signed, even when they sign at the same time; each signs once", async () => {
    const { deal, on } = await acceptedDeal();
    const contract = await on().contracts.create(deal.id);
    await expect(on().contracts.sign(contract.id, "ARTIST", "Jordan Pike")).rejects.toMatchObject({ extensions: { reason: "ILLEGAL_CONTRACT_MOVE", status: "DRAFT", allowedMoves: ["SEND", "VOID"] } });
    await on().contracts.send(contract.id);
    await Promise.all([on().contracts.sign(contract.id, "PROMOTER", "Alice Moreno"), on().contracts.sign(contract.id, "ARTIST", "Jordan Pike")]);
    const signed = (await on().contracts.find(contract.id))!;
    expect(signed.status).toBe("SIGNED");
    expect([signed.promoterSignature?.signerName, signed.artistSignature?.signerName]).toEqual(["Alice Moreno", "Jordan Pike"]);
    await expect(on().contracts.void(contract.id, "Changed our minds")).rejects.toMatchObject({ extensions: { status: "SIGNED", move: "VOID", allowedMoves: [] } });
  });

  it("takes one signature per party", async () => {
    const { deal, on } = await acceptedDeal();
    const contract = await on().contracts.create(deal.id);
    await on().contracts.send(contract.id);
    await on().contracts.sign(contract.id, "ARTIST", "Jordan Pike");
    await expect(on().contracts.sign(contract.id, "ARTIST", "Someone Else")).rejects.toMatchObject({ message: "The artist has already signed this contract.", extensions: { reason: "ALREADY_SIGNED" } });
    expect((await on().contracts.find(contract.id))?.artistSignature?.signerName).toBe("Jordan Pike");
  });

  it("once void, lets the deal get a new one", async () => {
    const { deal, on } = await acceptedDeal();
    const first = await on().contracts.create(deal.id);
    const voided = await on().contracts.void(first.id, "Wrong venue address");
    expect(voided.voiding?.reason).toBe("Wrong venue address");
    const second = await on().contracts.create(deal.id);
    expect(await on().contracts.liveOfDeal(deal.id)).toEqual(second);
  });
});
