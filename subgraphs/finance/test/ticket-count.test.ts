// The paid tickets a deal is paid by come from Base (`Event.ticketsSold`), through the
// request's BaseReader (the kit's, here over a stand-in for Base's HTTP endpoint): read only
// for a draft whose deal needs them, every event of one request in one call, before the
// approval's transaction and frozen by it; an approved settlement never asks Base again.
import { createBaseReaderFactory, parseDealTerms, type DealTermsInput, type RequestContext, type Tenant } from "@marquee/kit";
import { demoUsers } from "@marquee/kit/demo";
import { startBaseEntitiesServer, type BaseEntitiesServer } from "@marquee/kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FinanceContext } from "../src/context.ts";
import type { SettlementFiguresRecord, SettlementRecord } from "../src/data/records.ts";
import { parseMoney } from "../src/domain/index.ts";
import { resolvers } from "../src/resolvers/index.ts";
import { openFinanceTestDatabase, type FinanceTestDatabase } from "./finance-test-database.ts";

const usd = (amount: string) => parseMoney(amount, "USD");
const dollars = (amount: string) => ({ amount, currency: "USD" });

let db: FinanceTestDatabase;
let baseServer: BaseEntitiesServer;
beforeAll(async () => {
  db = await openFinanceTestDatabase();
  baseServer = await startBaseEntitiesServer();
});
afterAll(async () => {
  await db?.close();
  await baseServer?.close();
});

/** Base as Finance sees it: each event's paid tickets, and every call Finance makes to it. */
function fakeBase(ticketsSold: Map<string, number>) {
  const base = baseServer.open((id) => (ticketsSold.has(id) ? { id, ticketsSold: ticketsSold.get(id) } : null));
  return { calls: base.calls, ticketsSold, readerFor: createBaseReaderFactory({ url: base.url, gatewaySecret: "test" }) };
}

type Base = ReturnType<typeof fakeBase>;

/** What one request's resolvers receive: the tenant's finance data and a BaseReader of its own. */
function requestOf(tenant: Tenant, base: Base): FinanceContext {
  const request = { callerHeaders: {}, logger: { error: () => {} } } as unknown as RequestContext;
  return { finance: db.request(tenant), base: base.readerFor(request) } as unknown as FinanceContext;
}

type Call = (parent: unknown, args: unknown, context: FinanceContext, info: unknown) => Promise<unknown>;
const figuresOf = (settlement: SettlementRecord, context: FinanceContext) =>
  (resolvers.Settlement!.figures as Call)(settlement, {}, context, {}) as Promise<SettlementFiguresRecord>;
const approve = (id: string, context: FinanceContext) => (resolvers.Mutation!.approveSettlement as Call)({}, { id }, context, {}) as Promise<SettlementRecord>;

/** A company of its own with one event per deal: ticketing 20,000 and expenses 5,000 each (net 15,000), and a draft settled by the deal. */
async function companyWith(deals: DealTermsInput[]) {
  const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
  const finance = db.request(tenant);
  const settlements: SettlementRecord[] = [];
  for (const deal of deals) {
    const event = crypto.randomUUID();
    await finance.incomes.record({ eventId: event, source: "TICKETING", description: "Tickets", payer: null, amount: usd("20000.00"), receivedOn: "2026-05-01" });
    await finance.expenses.record({ eventId: event, category: "PRODUCTION", description: "Sound", vendor: null, amount: usd("5000.00"), incurredOn: "2026-05-01" });
    settlements.push(await finance.settlements.create(event, { currency: "USD", bill: [{ artistId: crypto.randomUUID(), dealTerms: parseDealTerms(deal, "USD") }], deductions: [] }));
  }
  return { tenant, settlements };
}

const perTicket: DealTermsInput = { dealType: "PER_TICKET", perTicket: dollars("10.00") };
const withBonuses: DealTermsInput = {
  dealType: "FLAT_GUARANTEE",
  guarantee: dollars("6000.00"),
  ticketBonuses: [
    { ticketsSold: 500, bonus: dollars("400.00") },
    { ticketsSold: 1000, bonus: dollars("800.00") },
  ],
};
const flat: DealTermsInput = { dealType: "FLAT_GUARANTEE", guarantee: dollars("6000.00") };

describe("a draft's figures", () => {
  it("read Base's paid tickets only for the deals paid by them, every event of the request in one call", async () => {
    const { tenant, settlements } = await companyWith([perTicket, withBonuses, flat]);
    const [perTicketDraft, bonusDraft, flatDraft] = settlements as [SettlementRecord, SettlementRecord, SettlementRecord];
    const base = fakeBase(new Map([[perTicketDraft.eventId, 1432], [bonusDraft.eventId, 800], [flatDraft.eventId, 999]]));

    const context = requestOf(tenant, base);
    const figures = await Promise.all(settlements.map((settlement) => figuresOf(settlement, context)));

    expect(base.calls).toHaveLength(1);
    expect(base.calls[0]!.query).toContain("... on Event { id ticketsSold }");
    expect(base.calls[0]!.ids).toEqual([perTicketDraft.eventId, bonusDraft.eventId]);
    // 10 × 1,432 = 14,320; 6,000 + the 400 bonus at 500 tickets = 6,400; the flat 6,000 reads no count.
    expect(figures.map((sheet) => [sheet.ticketsSold, sheet.artistPayouts.amount.toFixed(2), sheet.promoterResult.amount.toFixed(2)])).toEqual([
      [1432, "14320.00", "680.00"],
      [800, "6400.00", "8600.00"],
      [null, "6000.00", "9000.00"],
    ]);
    expect(figures[1]!.lines.filter((line) => line.kind === "ARTIST_BONUS").map((line) => line.label)).toEqual(["Bonus at 500 paid tickets"]);
  });

  it("follow Base's count as it changes, request by request", async () => {
    const { tenant, settlements } = await companyWith([withBonuses]);
    const [draft] = settlements as [SettlementRecord];
    const base = fakeBase(new Map([[draft.eventId, 800]]));
    expect((await figuresOf(draft, requestOf(tenant, base))).artistPayouts.amount.toFixed(2)).toBe("6400.00");
    base.ticketsSold.set(draft.eventId, 1000);
    expect((await figuresOf(draft, requestOf(tenant, base))).artistPayouts.amount.toFixed(2)).toBe("7200.00");
  });

  it("are refused, naming the event, when Base knows no such event in the company", async () => {
    const { tenant, settlements } = await companyWith([perTicket]);
    const [draft] = settlements as [SettlementRecord];
    await expect(figuresOf(draft, requestOf(tenant, fakeBase(new Map())))).rejects.toMatchObject({
      message: `There is no event "${draft.eventId}" in this company, so the paid tickets the deal is paid by cannot be read.`,
      extensions: { code: "BAD_USER_INPUT", eventId: draft.eventId },
    });
  });
});

describe("a bill of several acts", () => {
  it("reads the count once for the whole bill, and each act's figures come from the one sheet", async () => {
    const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
    const finance = db.request(tenant);
    const event = crypto.randomUUID();
    await finance.incomes.record({ eventId: event, source: "TICKETING", description: "Tickets", payer: null, amount: usd("20000.00"), receivedOn: "2026-05-01" });
    await finance.expenses.record({ eventId: event, category: "PRODUCTION", description: "Sound", vendor: null, amount: usd("5000.00"), incurredOn: "2026-05-01" });
    const settlement = await finance.settlements.create(event, {
      currency: "USD",
      bill: [
        { artistId: crypto.randomUUID(), dealTerms: parseDealTerms(perTicket, "USD") },
        { artistId: crypto.randomUUID(), dealTerms: parseDealTerms(withBonuses, "USD") },
      ],
      deductions: [],
    });
    const base = fakeBase(new Map([[event, 800]]));
    const context = requestOf(tenant, base);
    const acts = (resolvers.Settlement!.bill as (parent: unknown) => unknown[])(settlement);
    const actFigures = (act: unknown) => (resolvers.SettlementAct!.figures as Call)(act, {}, context, {}) as Promise<{ payout: { amount: { toFixed(digits: number): string } } }>;
    const [sheet, headliner, support] = await Promise.all([figuresOf(settlement, context), ...acts.map(actFigures)]);

    expect(base.calls.map((call) => call.ids)).toEqual([[event]]);
    // The support: 6,000 + the 400 bonus at 500 tickets = 6,400. The headliner: 10 × 800 = 8,000. Promoter 15,000 − 14,400 = 600.
    expect([support!.payout.amount.toFixed(2), headliner!.payout.amount.toFixed(2), sheet.artistPayouts.amount.toFixed(2), sheet.promoterResult.amount.toFixed(2)]).toEqual([
      "6400.00",
      "8000.00",
      "14400.00",
      "600.00",
    ]);
  });
});

describe("approval", () => {
  it("freezes the count read from Base before it, and the approved settlement never asks Base again", async () => {
    const { tenant, settlements } = await companyWith([withBonuses]);
    const [draft] = settlements as [SettlementRecord];
    const base = fakeBase(new Map([[draft.eventId, 1000]]));

    const approved = await approve(draft.id, requestOf(tenant, base));
    expect(approved.status).toBe("APPROVED");
    expect(base.calls.map((call) => call.ids)).toEqual([[draft.eventId]]);

    base.ticketsSold.set(draft.eventId, 10);
    const stored = (await db.request(tenant).settlements.find(draft.id))!;
    const figures = await figuresOf(stored, requestOf(tenant, base));
    expect(base.calls).toHaveLength(1);
    // Both bonuses were reached at 1,000 tickets: 6,000 + 400 + 800 = 7,200; promoter 15,000 − 7,200 = 7,800.
    expect([figures.frozen, figures.ticketsSold, figures.artistPayouts.amount.toFixed(2), figures.promoterResult.amount.toFixed(2)]).toEqual([true, 1000, "7200.00", "7800.00"]);
  });

  it("of a deal paid by no ticket count never asks Base", async () => {
    const { tenant, settlements } = await companyWith([flat]);
    const [draft] = settlements as [SettlementRecord];
    const base = fakeBase(new Map());
    await approve(draft.id, requestOf(tenant, base));
    expect(base.calls).toEqual([]);
  });
});

describe("a deduction per paid ticket", () => {
  it("reads Base's count as a deal paid by it does, and approval freezes the count with the deduction's amount", async () => {
    const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
    const finance = db.request(tenant);
    const event = crypto.randomUUID();
    await finance.incomes.record({ eventId: event, source: "TICKETING", description: "Tickets", payer: null, amount: usd("20000.00"), receivedOn: "2026-05-01" });
    await finance.expenses.record({ eventId: event, category: "PRODUCTION", description: "Sound", vendor: null, amount: usd("5000.00"), incurredOn: "2026-05-01" });
    // A flat deal reads no count: only the deduction does.
    const settlement = await finance.settlements.create(event, {
      currency: "USD",
      bill: [{ artistId: crypto.randomUUID(), dealTerms: parseDealTerms(flat, "USD") }],
      deductions: [{ label: "Restoration fee", basis: "PER_TICKET", perTicket: usd("1.50") }],
    });
    const base = fakeBase(new Map([[event, 800]]));

    // 1.50 × 800 = 1,200.00; adjusted gross 20,000 − 1,200 = 18,800; net 18,800 − 5,000 = 13,800; promoter 13,800 − 6,000 = 7,800.
    const draft = await figuresOf(settlement, requestOf(tenant, base));
    expect(base.calls.map((call) => call.ids)).toEqual([[event]]);
    expect([draft.ticketsSold, draft.lines[1]!.label, draft.deductions.amount.toFixed(2), draft.promoterResult.amount.toFixed(2)]).toEqual([
      800,
      "Restoration fee (USD 1.50 × 800 paid tickets)",
      "1200.00",
      "7800.00",
    ]);

    // 100 more sold by the approval: 1.50 × 900 = 1,350.00; promoter 20,000 − 1,350 − 5,000 − 6,000 = 7,650.
    base.ticketsSold.set(event, 900);
    await approve(settlement.id, requestOf(tenant, base));
    expect(base.calls).toHaveLength(2);
    const [row] = await db.sql.query(
      `SELECT s.frozen_tickets_sold, s.frozen_promoter_result::text, d.frozen_base, d.frozen_amount::text FROM finance.settlement s JOIN finance.settlement_deduction d ON d.settlement_id = s.id WHERE s.id = $1`,
      [settlement.id],
    );
    expect(row).toEqual({ frozen_tickets_sold: 900, frozen_promoter_result: "7650.0000", frozen_base: null, frozen_amount: "1350.0000" });

    base.ticketsSold.set(event, 10);
    const frozen = await figuresOf((await db.request(tenant).settlements.find(settlement.id))!, requestOf(tenant, base));
    expect(base.calls).toHaveLength(2);
    expect([frozen.frozen, frozen.ticketsSold, frozen.lines[1]!.label, frozen.promoterResult.amount.toFixed(2)]).toEqual([true, 900, "Restoration fee (USD 1.50 × 900 paid tickets)", "7650.00"]);
  });
});
