// Every read and write of the data layer is scoped to the caller's company: another
// company's ids behave exactly like unknown ones, and nothing of theirs changes.
import { type Tenant } from "@marquee/kit";
import { demoCompanies, demoUsers } from "@marquee/kit/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseOfferTerms } from "../src/domain/index.ts";
import type { ContractRecord, DealRecord } from "../src/data/records.ts";
import { openMarketTestDatabase, type MarketTestDatabase } from "./market-test-database.ts";

const northwind: Tenant = { companyId: demoCompanies.northwind.id, userId: demoUsers.alice.id };
const other: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.sam.id };
const theirEvent = crypto.randomUUID();
const theirArtist = crypto.randomUUID();
const terms = parseOfferTerms({ dealType: "DOOR_DEAL", currency: "EUR", percentage: "70" });

const notFound = (id: string) => expect.objectContaining({ extensions: expect.objectContaining({ code: "NOT_FOUND", id }) });

let db: MarketTestDatabase;
let theirOffer: DealRecord;
let theirDraft: DealRecord;
let theirAccepted: DealRecord;
let theirContract: ContractRecord;

beforeAll(async () => {
  db = await openMarketTestDatabase();
  const them = db.request(other);
  theirOffer = await them.deals.create({ artistId: theirArtist, eventId: theirEvent, terms, notes: "Theirs" });
  theirOffer = await them.deals.offer(theirOffer.id);
  theirDraft = await them.deals.create({ artistId: theirArtist, eventId: null, terms, notes: "Their draft" });
  theirAccepted = await them.deals.create({ artistId: theirArtist, eventId: theirEvent, terms, notes: null });
  await them.deals.offer(theirAccepted.id);
  theirAccepted = await them.deals.accept(theirAccepted.id);
  theirContract = await them.contracts.create(theirAccepted.id);
  theirContract = await them.contracts.send(theirContract.id);
});
afterAll(async () => {
  await db?.close();
});

describe("another company's deals and contracts", () => {
  it("cannot be read, listed or reached through their event or artist", async () => {
    const alice = db.request(northwind);
    expect(await alice.deals.find(theirOffer.id)).toBeNull();
    expect(await alice.deals.load(theirOffer.id)).toBeNull();
    expect(await alice.contracts.find(theirContract.id)).toBeNull();
    expect((await alice.deals.list({}, {})).edges).toEqual([]);
    expect((await alice.deals.list({ eventId: theirEvent }, {})).edges).toEqual([]);
    expect((await alice.deals.list({ artistId: theirArtist, status: "OFFERED" }, {})).edges).toEqual([]);
    expect((await alice.contracts.list({ dealId: theirAccepted.id }, {})).edges).toEqual([]);
    expect((await alice.deals.pageOfEvent(theirEvent, {})).edges).toEqual([]);
    expect((await alice.deals.pageOfArtist(theirArtist, {})).edges).toEqual([]);
    expect((await alice.deals.history(theirOffer.id, {})).edges).toEqual([]);
    expect(await alice.contracts.liveOfDeal(theirAccepted.id)).toBeNull();
    expect(await alice.deals.acceptedForEvents(theirArtist, crypto.randomUUID())).toEqual([]);
    await expect(alice.deals.version(theirOffer.currentVersionId)).rejects.toThrow(`Terms version ${theirOffer.currentVersionId} is missing.`);
  });

  it("cannot be moved: NOT_FOUND, exactly as an unknown id, and nothing changes", async () => {
    const alice = db.request(northwind);
    const moves: [string, () => Promise<unknown>][] = [
      [theirOffer.id, () => alice.deals.edit(theirOffer.id, { notes: "Mine now" })],
      [theirOffer.id, () => alice.deals.offer(theirOffer.id)],
      [theirOffer.id, () => alice.deals.counter(theirOffer.id, terms)],
      [theirOffer.id, () => alice.deals.accept(theirOffer.id)],
      [theirOffer.id, () => alice.deals.decline(theirOffer.id)],
      [theirOffer.id, () => alice.deals.withdraw(theirOffer.id)],
      [theirDraft.id, () => alice.deals.deleteDraft(theirDraft.id)],
      [theirAccepted.id, () => alice.contracts.create(theirAccepted.id)],
      [theirContract.id, () => alice.contracts.send(theirContract.id)],
      [theirContract.id, () => alice.contracts.sign(theirContract.id, "PROMOTER", "Alice")],
      [theirContract.id, () => alice.contracts.void(theirContract.id, "Taken over")],
    ];
    for (const [id, move] of moves) await expect(move()).rejects.toEqual(notFound(id));
    const unknown = crypto.randomUUID();
    await expect(alice.deals.accept(unknown)).rejects.toEqual(notFound(unknown));
    await expect(alice.contracts.sign("42", "ARTIST", "x")).rejects.toEqual(notFound("42"));

    const them = db.request(other);
    expect(await them.deals.find(theirOffer.id)).toEqual(theirOffer);
    expect(await them.deals.find(theirDraft.id)).toEqual(theirDraft);
    expect(await them.deals.find(theirAccepted.id)).toEqual(theirAccepted);
    expect(await them.contracts.find(theirContract.id)).toEqual(theirContract);
    expect((await them.deals.history(theirOffer.id, {})).edges.map((edge) => edge.node.kind)).toEqual(["DRAFT", "OFFER"]);
  });

  it("and ids that are no uuid read as unknown, never as a database error", async () => {
    const alice = db.request(northwind);
    expect(await alice.deals.find("not-an-id")).toBeNull();
    expect((await alice.deals.list({ artistId: "1; DROP TABLE" }, {})).edges).toEqual([]);
    expect((await alice.contracts.list({ dealId: "x" }, {})).edges).toEqual([]);
    await expect(alice.deals.offer("42")).rejects.toEqual(notFound("42"));
  });
});

describe("lists", () => {
  it("page newest first with stable cursors, and a deal's history oldest first", async () => {
    const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
    const created: string[] = [];
    for (const day of ["01", "02", "03", "04", "05"]) {
      const deal = await db.request(tenant, new Date(`2026-03-${day}T10:00:00.000Z`)).deals.create({ artistId: theirArtist, eventId: null, terms, notes: null });
      created.push(deal.id);
    }
    const market = db.request(tenant);
    const first = await market.deals.list({}, { first: 2 });
    const rest = await market.deals.list({}, { first: 10, after: first.pageInfo.endCursor });
    expect([first.pageInfo.hasNextPage, rest.pageInfo.hasNextPage]).toEqual([true, false]);
    expect([...first.edges, ...rest.edges].map((edge) => edge.node.id)).toEqual([...created].reverse());

    for (let revision = 0; revision < 3; revision++) await market.deals.edit(created[0]!, { terms });
    const page = await db.request(tenant).deals.history(created[0]!, { first: 2 });
    const next = await db.request(tenant).deals.history(created[0]!, { first: 2, after: page.pageInfo.endCursor });
    expect([...page.edges, ...next.edges].map((edge) => edge.node.number)).toEqual([1, 2, 3, 4]);
    expect(next.pageInfo.hasNextPage).toBe(false);
  });
});
