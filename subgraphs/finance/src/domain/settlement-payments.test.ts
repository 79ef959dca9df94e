// The payment rules with hand-computed figures: the $10,000 flat guarantee, 30 % withheld
// (7,000 net payable), with a $2,500 deposit.
import { describe, expect, it } from "vitest";
import { assertBillKeepsPayments, assertPaymentAllowed, balanceDue, isPaidInFull, paidTo, type ActPayment, type PaymentRequest } from "./settlement-payments.ts";
import { parseMoney } from "./money.ts";
import { formatMoney } from "@marquee/kit";

const usd = (amount: string) => parseMoney(amount, "USD");
const artist = "artist-1";
const deposit: ActPayment = { artistId: artist, kind: "DEPOSIT", amount: usd("2500.00") };
const act = { artistId: artist, deposit: usd("2500.00"), netPayable: usd("7000.00") };

const request = (changes: Partial<PaymentRequest>): PaymentRequest => ({ status: "APPROVED", currency: "USD", act, payments: [deposit], kind: "BALANCE", amount: usd("4500.00"), ...changes });
const refusal = (changes: Partial<PaymentRequest>) => {
  try {
    assertPaymentAllowed(request(changes));
    return null;
  } catch (error) {
    return { reason: (error as { reason?: string }).reason, field: (error as { field?: string }).field, message: (error as Error).message };
  }
};

describe("what an act is owed", () => {
  it("is its net payable less everything paid: 7,000 − 2,500 = 4,500", () => {
    expect(formatMoney(balanceDue(act, [deposit]))).toBe("4500.00");
    expect(formatMoney(paidTo("USD", [deposit, { artistId: "other", kind: "BALANCE", amount: usd("99.00") }], artist))).toBe("2500.00");
    expect(formatMoney(paidTo("USD", [deposit], artist, "BALANCE"))).toBe("0.00");
    expect(isPaidInFull([act], [deposit])).toBe(false);
    expect(isPaidInFull([act], [deposit, { artistId: artist, kind: "BALANCE", amount: usd("4500.00") }])).toBe(true);
  });
});

describe("assertPaymentAllowed", () => {
  it("takes the whole balance once approved, and a deposit up to the term while DRAFT or APPROVED", () => {
    expect(refusal({})).toBeNull();
    expect(refusal({ status: "DRAFT", kind: "DEPOSIT", payments: [], amount: usd("2500.00"), act: { ...act, netPayable: null } })).toBeNull();
    expect(refusal({ kind: "DEPOSIT", payments: [], amount: usd("2500.00") })).toBeNull();
  });

  it("refuses overpayment, a BALANCE on a DRAFT, a deposit above the term, another currency, nothing once PAID", () => {
    expect(refusal({ amount: usd("4500.01") })).toMatchObject({ reason: "PAYMENT_REFUSED", field: "amount" });
    expect(refusal({ status: "DRAFT", act: { ...act, netPayable: null } })).toMatchObject({ reason: "PAYMENT_REFUSED", field: "kind" });
    expect(refusal({ kind: "DEPOSIT", amount: usd("0.01") })).toMatchObject({ field: "amount", message: 'The deposit left to pay artist "artist-1" is USD 0; 0.01 is more.' });
    expect(refusal({ kind: "DEPOSIT", act: { ...act, deposit: null }, payments: [], amount: usd("1.00") })).toMatchObject({ field: "kind" });
    expect(refusal({ amount: parseMoney("100.00", "EUR") })).toMatchObject({ reason: "CURRENCY_MISMATCH" });
    expect(refusal({ amount: usd("0") })).toMatchObject({ field: "amount" });
    expect(refusal({ status: "PAID" })).toMatchObject({ field: "settlementId" });
    // Once approved, a late deposit is also held to the balance due: 7,000 net, 6,000 paid, 1,000 due.
    const paidMost = [{ artistId: artist, kind: "BALANCE" as const, amount: usd("6000.00") }];
    expect(refusal({ kind: "DEPOSIT", payments: paidMost, amount: usd("1000.01") })).toMatchObject({ field: "amount", message: 'The balance due to artist "artist-1" is USD 1000; 1000.01 is more.' });
  });

  it("keeps a rewritten draft bill true to the deposits paid", () => {
    expect(() => assertBillKeepsPayments([{ artistId: artist, deposit: usd("2500.00") }], "USD", [deposit])).not.toThrow();
    expect(() => assertBillKeepsPayments([{ artistId: artist, deposit: usd("2499.99") }], "USD", [deposit])).toThrow(/cannot be less/);
    expect(() => assertBillKeepsPayments([{ artistId: "other", deposit: null }], "USD", [deposit])).toThrow(/must stay on its bill/);
    expect(() => assertBillKeepsPayments([{ artistId: artist, deposit: usd("2500.00") }], "EUR", [deposit])).toThrow(/currency cannot change/);
  });
});
