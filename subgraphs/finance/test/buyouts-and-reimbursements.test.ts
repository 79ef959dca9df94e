// Buyouts (a term of the act's deal) and reimbursements (entered on the act), in the data
// layer: stored with the act and read back, on the sheet among the expenses, paid on top of
// the payout outside the withholding, frozen at approval, paid off to the cent, and replaced
// with the bill. Figures computed by hand.
import { formatMoney, parseDealTerms, type Tenant } from "@marquee/kit";
import { demoUsers } from "@marquee/kit/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FinanceContext } from "../src/context.ts";
import { balanceDue, paidTo, parseMoney } from "../src/domain/index.ts";
import { resolvers } from "../src/resolvers/index.ts";
import { openFinanceTestDatabase, type FinanceTestDatabase } from "./finance-test-database.ts";

const usd = (amount: string) => parseMoney(amount, "USD");
const dollars = (amount: string) => ({ amount, currency: "USD" });

let db: FinanceTestDatabase;
beforeAll(async () => {
  db = await openFinanceTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

/**
 * The hand example: $10,000 vs 85 % of net, no promoter profit, 30 % withheld, a $500 catering
 * buyout; the show's adjusted gross 26,500 and expenses 12,000; the artist's $420 backline
 * rental repaid.
 */
const dealTerms = parseDealTerms(
  { dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: dollars("10000"), percentage: "85", withholdingRate: "30", buyouts: [{ label: "Catering buyout", amount: dollars("500") }] },
  "USD",
);

async function show() {
  const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
  const event = crypto.randomUUID();
  const artist = crypto.randomUUID();
  const request = () => db.request(tenant);
  await request().incomes.record({ eventId: event, source: "TICKETING", description: "Tickets", payer: null, amount: usd("26500.00"), receivedOn: "2026-05-10" });
  await request().expenses.record({ eventId: event, category: "PRODUCTION", description: "Sound and lights", vendor: null, amount: usd("12000.00"), incurredOn: "2026-05-01" });
  const settlement = await request().settlements.create(event, {
    currency: "USD",
    bill: [{ artistId: artist, dealTerms, reimbursements: [{ label: "Backline rental", amount: usd("420.00") }] }],
    deductions: [],
  });
  /** The act's figures and the sheet's, as printed. */
  const account = async () => {
    const current = (await request().settlements.find(settlement.id))!;
    const figures = await request().settlements.figures(current, null);
    const payments = await request().settlements.payments(current);
    const [act] = figures.acts;
    return {
      status: current.status,
      frozen: figures.frozen,
      totalExpenses: formatMoney(figures.totalExpenses),
      net: formatMoney(figures.net),
      promoterResult: formatMoney(figures.promoterResult),
      payout: formatMoney(act!.payout),
      withholding: formatMoney(act!.withholding),
      buyouts: formatMoney(act!.buyouts),
      reimbursements: formatMoney(act!.reimbursements),
      netPayable: formatMoney(act!.netPayable),
      paid: formatMoney(paidTo("USD", payments, artist)),
      balanceDue: formatMoney(balanceDue(act!, payments)),
    };
  };
  return { tenant, event, artist, settlement, request, account };
}

describe("a settlement with a buyout and a reimbursement", () => {
  // Expenses 12,000 + 500 + 420 = 12,920; net 13,580; 85 % = 11,543 > 10,000; withholding 3,462.90;
  // net payable 11,543 − 3,462.90 + 500 + 420 = 9,000.10; promoter 13,580 − 11,543 = 2,037.
  const owed = { totalExpenses: "12920.00", net: "13580.00", promoterResult: "2037.00", payout: "11543.00", withholding: "3462.90", buyouts: "500.00", reimbursements: "420.00", netPayable: "9000.10" };

  it("keeps both with the act, counts them among the expenses, freezes them at approval, and is PAID at 9,000.10", async () => {
    const { artist, settlement, request, account } = await show();
    const stored = (await request().settlements.find(settlement.id))!;
    expect(stored.bill[0]!.dealTerms.buyouts.map((buyout) => [buyout.label, formatMoney(buyout.amount)])).toEqual([["Catering buyout", "500.00"]]);
    expect(stored.bill[0]!.reimbursements.map((repaid) => [repaid.label, formatMoney(repaid.amount)])).toEqual([["Backline rental", "420.00"]]);
    expect(await account()).toEqual({ status: "DRAFT", frozen: false, ...owed, paid: "0.00", balanceDue: "9000.10" });

    await request().settlements.approve(settlement.id, null);
    const [row] = await db.sql.query(`SELECT frozen_payout::text, frozen_withholding::text, frozen_buyouts::text, frozen_reimbursements::text, frozen_net_payable::text FROM finance.settlement_act WHERE settlement_id = $1`, [
      settlement.id,
    ]);
    expect(row).toEqual({ frozen_payout: "11543.0000", frozen_withholding: "3462.9000", frozen_buyouts: "500.0000", frozen_reimbursements: "420.0000", frozen_net_payable: "9000.1000" });
    // A later expense moves nothing once approved.
    await request().expenses.record({ eventId: stored.eventId, category: "OTHER", description: "Late invoice", vendor: null, amount: usd("100.00"), incurredOn: "2026-05-12" });
    expect(await account()).toEqual({ status: "APPROVED", frozen: true, ...owed, paid: "0.00", balanceDue: "9000.10" });
    const lines = (await request().settlements.figures((await request().settlements.find(settlement.id))!, null)).lines.filter((line) => line.kind === "EXPENSE");
    expect(lines.map((line) => [line.label, formatMoney(line.amount)])).toEqual([
      ["Production", "12000.00"],
      ["Buyout: Catering buyout", "500.00"],
      ["Reimbursement: Backline rental", "420.00"],
    ]);

    const pay = (amount: string) => request().settlements.recordPayment({ settlementId: settlement.id, artistId: artist, kind: "BALANCE", amount: usd(amount), paidOn: "2026-05-11", reference: "WIRE" });
    await expect(pay("9000.11")).rejects.toThrow(expect.objectContaining({ extensions: expect.objectContaining({ reason: "PAYMENT_REFUSED" }) }));
    expect((await pay("9000.10")).status).toBe("PAID");
    expect(await account()).toMatchObject({ status: "PAID", paid: "9000.10", balanceDue: "0.00" });
  });

  it("replaces the reimbursements with the bill, and a bill without them has none", async () => {
    const { artist, settlement, request, account } = await show();
    // Two reimbursements instead of one: 300 + 150 = 450. Expenses 12,950; net 13,550; 85 % = 11,517.50;
    // withholding 3,455.25; net payable 11,517.50 − 3,455.25 + 500 + 450 = 9,012.25; promoter 13,550 − 11,517.50 = 2,032.50.
    await request().settlements.update(settlement.id, {
      bill: [{ artistId: artist, dealTerms, reimbursements: [{ label: "Backline rental", amount: usd("300.00") }, { label: "Van fuel", amount: usd("150.00") }] }],
    });
    expect(await account()).toMatchObject({ totalExpenses: "12950.00", net: "13550.00", promoterResult: "2032.50", payout: "11517.50", withholding: "3455.25", reimbursements: "450.00", netPayable: "9012.25" });
    const rows = await db.sql.query(`SELECT position, label, amount::text FROM finance.settlement_reimbursement WHERE settlement_id = $1 ORDER BY position`, [settlement.id]);
    expect(rows).toEqual([
      { position: 0, label: "Backline rental", amount: "300.0000" },
      { position: 1, label: "Van fuel", amount: "150.0000" },
    ]);
    // A bill without them has none.
    await request().settlements.update(settlement.id, { bill: [{ artistId: artist, dealTerms }] });
    expect(await account()).toMatchObject({ totalExpenses: "12500.00", reimbursements: "0.00" });
    expect(await db.sql.query(`SELECT 1 FROM finance.settlement_reimbursement WHERE settlement_id = $1`, [settlement.id])).toEqual([]);
    expect(await db.sql.query(`SELECT label FROM finance.settlement_buyout WHERE settlement_id = $1`, [settlement.id])).toEqual([{ label: "Catering buyout" }]);
  });
});

type Call = (parent: unknown, args: unknown, context: FinanceContext, info: unknown) => Promise<unknown>;

describe("a reimbursement or buyout refused", () => {
  it("names the field, BAD_USER_INPUT, and writes nothing", async () => {
    const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
    // Base is never asked: the input is refused first.
    const context = { finance: db.request(tenant), base: {} } as unknown as FinanceContext;
    const flat = { dealType: "FLAT_GUARANTEE", guarantee: dollars("5000.00") };
    const open = (act: Record<string, unknown>) =>
      (resolvers.Mutation!.createSettlement as Call)({}, { input: { eventId: crypto.randomUUID(), currency: "USD", bill: [{ artistId: crypto.randomUUID(), dealTerms: flat, ...act }] } }, context, {});
    const backline = { label: "Backline rental", amount: dollars("420.00") };
    const refusals: [Record<string, unknown>, string, string, string][] = [
      [{ reimbursements: [backline, { label: "Van fuel", amount: dollars("0.00") }] }, "INVALID_SETTLEMENT_INPUT", "bill[0].reimbursements[1].amount", "bill[0].reimbursements[1].amount must be more than zero (got 0.00)."],
      [{ reimbursements: [{ label: "Van fuel", amount: { amount: "50.00", currency: "EUR" } }] }, "INVALID_SETTLEMENT_INPUT", "bill[0].reimbursements[0].amount", "bill[0].reimbursements[0].amount is in EUR but the settlement is in USD."],
      [{ reimbursements: [{ label: "  ", amount: dollars("50.00") }] }, "INVALID_SETTLEMENT_INPUT", "bill[0].reimbursements[0].label", "bill[0].reimbursements[0].label must say what was paid for in 1 to 100 characters (got 0)."],
      [{ reimbursements: Array.from({ length: 21 }, () => backline) }, "INVALID_SETTLEMENT_INPUT", "bill[0].reimbursements", "An act takes at most 20 reimbursements (got 21)."],
      [{ dealTerms: { ...flat, buyouts: [{ label: "Hotel buyout", amount: dollars("0") }] } }, "INVALID_DEAL_TERMS", "bill[0].dealTerms.buyouts[0].amount", "The buyouts[0].amount must be more than zero."],
    ];
    for (const [act, reason, field, message] of refusals) {
      await expect(open(act)).rejects.toMatchObject({ message, extensions: { code: "BAD_USER_INPUT", reason, field } });
    }
    expect(await db.sql.query(`SELECT id FROM finance.settlement WHERE company_id = $1`, [tenant.companyId])).toEqual([]);
  });
});
