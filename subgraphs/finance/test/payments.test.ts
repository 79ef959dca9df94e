// What each act is owed and paid, in the data layer: the withholding worked on the payout,
// the deposit paid before the show, the balance once approved, the settlement becoming PAID
// exactly when the last balance is paid, refusals that write nothing, and 20 concurrent
// payments of one balance of which exactly one passes. Figures computed by hand.
import { formatMoney, parseDealTerms, type DealTermsInput, type Tenant } from "@marquee/kit";
import { demoUsers } from "@marquee/kit/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { balanceDue, paidTo, parseMoney, type SettlementPaymentKind } from "../src/domain/index.ts";
import type { SettlementRecord } from "../src/data/records.ts";
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

/** $10,000 flat, 30 % withheld, $2,500 deposit: withholding 3,000, net payable 7,000, 4,500 due after the deposit. */
const tenThousandFlat: DealTermsInput = { dealType: "FLAT_GUARANTEE", guarantee: dollars("10000.00"), withholdingRate: "30", deposit: dollars("2500.00") };

/** A company of its own with one show grossing $50,000 and no expenses, and a draft settlement of `bill` (artist → deal). */
async function show(...deals: DealTermsInput[]) {
  const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
  const event = crypto.randomUUID();
  const artists = deals.map(() => crypto.randomUUID());
  const finance = db.request(tenant);
  await finance.incomes.record({ eventId: event, source: "TICKETING", description: "Tickets", payer: null, amount: usd("50000.00"), receivedOn: "2026-05-10" });
  const settlement = await finance.settlements.create(event, {
    currency: "USD",
    bill: deals.map((deal, index) => ({ artistId: artists[index]!, dealTerms: parseDealTerms(deal, "USD") })),
    deductions: [],
  });
  const request = () => db.request(tenant);
  const pay = (artistId: string, kind: SettlementPaymentKind, amount: string, reference = "WIRE") =>
    request().settlements.recordPayment({ settlementId: settlement.id, artistId, kind, amount: usd(amount), paidOn: "2026-05-01", reference });
  /** Each act's payout, withholding, net payable, paid and balance due, as printed, and the settlement's status. */
  const account = async () => {
    const current = (await request().settlements.find(settlement.id))!;
    const finance = request();
    const figures = await finance.settlements.figures(current, null);
    const payments = await finance.settlements.payments(current);
    return {
      status: current.status,
      acts: figures.acts.map((act) => ({
        payout: formatMoney(act.payout),
        withholding: formatMoney(act.withholding),
        netPayable: formatMoney(act.netPayable),
        paid: formatMoney(paidTo("USD", payments, act.artistId)),
        balanceDue: formatMoney(balanceDue(act, payments)),
      })),
    };
  };
  const paymentRows = async () =>
    (await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM finance.settlement_payment WHERE company_id = $1`, [tenant.companyId]))[0]!.n;
  return { tenant, event, artists, settlement, request, pay, account, paymentRows };
}

const statusOf = async (request: () => ReturnType<FinanceTestDatabase["request"]>, id: string) => (await request().settlements.find(id))?.status;

describe("the $10,000 flat guarantee with 30 % withheld and a $2,500 deposit", () => {
  it("withholds 3,000, owes 7,000 net, 4,500 after the deposit, and is PAID when the 4,500 is", async () => {
    const { artists, settlement, pay, account, request } = await show(tenThousandFlat);
    const [artist] = artists as [string];
    expect(await account()).toEqual({ status: "DRAFT", acts: [{ payout: "10000.00", withholding: "3000.00", netPayable: "7000.00", paid: "0.00", balanceDue: "7000.00" }] });

    // The deposit, before the show, while the settlement is a draft.
    await pay(artist, "DEPOSIT", "2500.00", "WIRE-DEPOSIT");
    expect(await account()).toEqual({ status: "DRAFT", acts: [{ payout: "10000.00", withholding: "3000.00", netPayable: "7000.00", paid: "2500.00", balanceDue: "4500.00" }] });

    const approved = await request().settlements.approve(settlement.id, null);
    const frozen = approved.bill[0]!.frozenFigures!;
    expect([formatMoney(frozen.withholding), formatMoney(frozen.netPayable)]).toEqual(["3000.00", "7000.00"]);
    const [row] = await db.sql.query(`SELECT frozen_withholding::text, frozen_net_payable::text FROM finance.settlement_act WHERE settlement_id = $1`, [settlement.id]);
    expect(row).toEqual({ frozen_withholding: "3000.0000", frozen_net_payable: "7000.0000" });

    // Part of the balance leaves it APPROVED; the rest makes it PAID, in the same transaction.
    expect((await pay(artist, "BALANCE", "4000.00", "WIRE-1")).status).toBe("APPROVED");
    expect(await account()).toEqual({ status: "APPROVED", acts: [{ payout: "10000.00", withholding: "3000.00", netPayable: "7000.00", paid: "6500.00", balanceDue: "500.00" }] });
    const paid = await pay(artist, "BALANCE", "500.00", "WIRE-2");
    expect(paid.status).toBe("PAID");
    expect(paid.payment).toEqual({ reference: "WIRE-2", paidOn: "2026-05-01", recordedAt: expect.any(String), recordedBy: demoUsers.alice.id });
    expect(await account()).toEqual({ status: "PAID", acts: [{ payout: "10000.00", withholding: "3000.00", netPayable: "7000.00", paid: "7000.00", balanceDue: "0.00" }] });

    // Oldest first.
    const payments = await request().settlements.payments(paid);
    expect(payments.map((payment) => [payment.kind, formatMoney(payment.amount), payment.reference])).toEqual([
      ["DEPOSIT", "2500.00", "WIRE-DEPOSIT"],
      ["BALANCE", "4000.00", "WIRE-1"],
      ["BALANCE", "500.00", "WIRE-2"],
    ]);
  });
});

describe("a bill of two acts, one with withholding", () => {
  it("withholds from the headliner only, and is PAID exactly when the last act's balance is", async () => {
    // Headliner: $10,000 flat, 30 % withheld → 3,000 withheld, 7,000 net. Support: $2,000 flat, nothing withheld.
    // The sheet does not move: payouts 12,000, promoter result 50,000 − 12,000 = 38,000.
    const { artists, settlement, pay, account, request } = await show(
      { dealType: "FLAT_GUARANTEE", guarantee: dollars("10000.00"), withholdingRate: "30" },
      { dealType: "FLAT_GUARANTEE", guarantee: dollars("2000.00") },
    );
    const [headliner, support] = artists as [string, string];
    const approved = await request().settlements.approve(settlement.id, null);
    const sheet = await request().settlements.figures(approved, null);
    expect([formatMoney(sheet.artistPayouts), formatMoney(sheet.promoterResult)]).toEqual(["12000.00", "38000.00"]);
    expect(await account()).toEqual({
      status: "APPROVED",
      acts: [
        { payout: "10000.00", withholding: "3000.00", netPayable: "7000.00", paid: "0.00", balanceDue: "7000.00" },
        { payout: "2000.00", withholding: "0.00", netPayable: "2000.00", paid: "0.00", balanceDue: "2000.00" },
      ],
    });
    expect((await pay(headliner, "BALANCE", "7000.00")).status).toBe("APPROVED");
    expect((await pay(support, "BALANCE", "1999.99")).status).toBe("APPROVED");
    expect((await pay(support, "BALANCE", "0.01")).status).toBe("PAID");
    expect((await account()).acts.map((act) => act.balanceDue)).toEqual(["0.00", "0.00"]);
  });
});

describe("a refused payment", () => {
  it("writes nothing: overpayment, a BALANCE on a DRAFT, a DEPOSIT above the term or without one, another currency, anything once PAID", async () => {
    const { artists, settlement, pay, request, paymentRows } = await show(tenThousandFlat, { dealType: "FLAT_GUARANTEE", guarantee: dollars("2000.00") });
    const [artist, support] = artists as [string, string];
    const refused = (field: string, message: string) => ({ name: "PaymentRefusedError", reason: "PAYMENT_REFUSED", field, message });

    await expect(pay(artist, "BALANCE", "100.00")).rejects.toMatchObject(
      refused("kind", "A BALANCE payment needs an APPROVED settlement: approve it first, so that the figures it pays are frozen."),
    );
    await expect(pay(artist, "DEPOSIT", "2500.01")).rejects.toMatchObject(refused("amount", `The deposit left to pay artist "${artist}" is USD 2500; 2500.01 is more.`));
    await expect(pay(support, "DEPOSIT", "100.00")).rejects.toMatchObject(refused("kind", expect.stringContaining("has no deposit")));
    await expect(
      request().settlements.recordPayment({ settlementId: settlement.id, artistId: artist, kind: "DEPOSIT", amount: parseMoney("100.00", "EUR"), paidOn: "2026-05-01", reference: "X" }),
    ).rejects.toMatchObject({ name: "CurrencyMismatchError", message: "The payment is in EUR but USD was expected" });
    await expect(pay(crypto.randomUUID(), "DEPOSIT", "1.00")).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "artistId" } });
    expect(await paymentRows()).toBe(0);

    await pay(artist, "DEPOSIT", "2000.00");
    await expect(pay(artist, "DEPOSIT", "500.01")).rejects.toMatchObject(refused("amount", `The deposit left to pay artist "${artist}" is USD 500; 500.01 is more.`));
    await request().settlements.approve(settlement.id, null);
    // 7,000 net − 2,000 deposit = 5,000 due.
    await expect(pay(artist, "BALANCE", "5000.01")).rejects.toMatchObject(refused("amount", `The balance due to artist "${artist}" is USD 5000; 5000.01 is more.`));
    expect(await paymentRows()).toBe(1);
    expect(await statusOf(request, settlement.id)).toBe("APPROVED");

    const paid = await request().settlements.markPaid(settlement.id, { reference: "WIRE-ALL", paidOn: "2026-05-20" });
    expect(paid.status).toBe("PAID");
    await expect(pay(artist, "DEPOSIT", "1.00")).rejects.toMatchObject(refused("settlementId", expect.stringContaining("is PAID")));
    await expect(pay(support, "BALANCE", "1.00")).rejects.toMatchObject(refused("settlementId", expect.stringContaining("is PAID")));
    expect(await paymentRows()).toBe(3);
  });

  it("keeps a draft with a deposit paid: the artist paid stays on the bill with at least that deposit, and the draft is not deleted", async () => {
    const { artists, settlement, pay, request, paymentRows } = await show(tenThousandFlat);
    const [artist] = artists as [string];
    await pay(artist, "DEPOSIT", "2500.00");
    const lower = parseDealTerms({ ...tenThousandFlat, deposit: dollars("2000.00") }, "USD");
    await expect(request().settlements.update(settlement.id, { bill: [{ artistId: artist, dealTerms: lower }] })).rejects.toMatchObject({ reason: "PAYMENT_REFUSED", field: "bill" });
    await expect(request().settlements.update(settlement.id, { bill: [{ artistId: crypto.randomUUID(), dealTerms: lower }] })).rejects.toMatchObject({ reason: "PAYMENT_REFUSED", field: "bill" });
    await expect(request().settlements.remove(settlement.id)).rejects.toMatchObject({ reason: "PAYMENT_REFUSED" });
    // Raising the guarantee keeps the deposit: allowed.
    const higher = parseDealTerms({ ...tenThousandFlat, guarantee: dollars("12000.00") }, "USD");
    const updated = await request().settlements.update(settlement.id, { bill: [{ artistId: artist, dealTerms: higher }] });
    expect(formatMoney(updated.bill[0]!.dealTerms.guarantee!)).toBe("12000.00");
    expect(await paymentRows()).toBe(1);
  });
});

describe("markSettlementPaid", () => {
  it("pays each act's remaining balance as one BALANCE payment with its reference, and moves the settlement to PAID", async () => {
    const { artists, settlement, pay, request, account } = await show(tenThousandFlat, { dealType: "FLAT_GUARANTEE", guarantee: dollars("2000.00") });
    const [artist, support] = artists as [string, string];
    await pay(artist, "DEPOSIT", "2500.00", "WIRE-DEPOSIT");
    await request().settlements.approve(settlement.id, null);
    await pay(support, "BALANCE", "500.00", "CHEQUE-7");
    const paid = await request().settlements.markPaid(settlement.id, { reference: "WIRE-ALL", paidOn: "2026-05-20" });
    expect(paid.payment?.reference).toBe("WIRE-ALL");
    const payments = await request().settlements.payments(paid);
    expect(payments.map((payment) => [payment.artistId, payment.kind, formatMoney(payment.amount), payment.reference, payment.paidOn])).toEqual([
      [artist, "DEPOSIT", "2500.00", "WIRE-DEPOSIT", "2026-05-01"],
      [support, "BALANCE", "500.00", "CHEQUE-7", "2026-05-01"],
      [artist, "BALANCE", "4500.00", "WIRE-ALL", "2026-05-20"],
      [support, "BALANCE", "1500.00", "WIRE-ALL", "2026-05-20"],
    ]);
    expect((await account()).acts.map((act) => [act.paid, act.balanceDue])).toEqual([
      ["7000.00", "0.00"],
      ["2000.00", "0.00"],
    ]);
  });
});

describe("concurrent payments", () => {
  it("of the whole balance: exactly one of 20 passes, the settlement is PAID once, and the balance is paid once", async () => {
    const { artists, settlement, pay, request, paymentRows } = await show(tenThousandFlat);
    const [artist] = artists as [string];
    await pay(artist, "DEPOSIT", "2500.00");
    await request().settlements.approve(settlement.id, null);
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, index) => pay(artist, "BALANCE", "4500.00", `WIRE-${index}`)));
    const passed = results.filter((result): result is PromiseFulfilledResult<SettlementRecord> => result.status === "fulfilled");
    const refusals = results.flatMap((result) => (result.status === "rejected" ? [result.reason as Error] : []));
    expect(passed).toHaveLength(1);
    expect(passed[0]!.value.status).toBe("PAID");
    expect(refusals).toHaveLength(19);
    for (const refusal of refusals) expect(refusal).toMatchObject({ reason: "PAYMENT_REFUSED", field: "settlementId" });
    expect(await paymentRows()).toBe(2);
    const [sum] = await db.sql.query<{ total: string }>(`SELECT sum(amount)::text AS total FROM finance.settlement_payment WHERE settlement_id = $1`, [settlement.id]);
    expect(sum!.total).toBe("7000.0000");
  });

  it("of the whole deposit on a draft: exactly one of 20 passes", async () => {
    const { artists, pay, paymentRows } = await show(tenThousandFlat);
    const [artist] = artists as [string];
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => pay(artist, "DEPOSIT", "2500.00")));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) if (result.status === "rejected") expect(result.reason).toMatchObject({ reason: "PAYMENT_REFUSED", field: "amount" });
    expect(await paymentRows()).toBe(1);
  });
});
