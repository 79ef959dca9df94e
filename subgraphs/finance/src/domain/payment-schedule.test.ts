import { describe, expect, it } from "vitest";
import { parseMoney, type Money } from "./money.ts";
import { assertPaymentSchedule, scheduleStanding, type Installment } from "./payment-schedule.ts";
import type { ActPayment } from "./settlement-payments.ts";

const usd = (amount: string) => parseMoney(amount, "USD");
const artistId = "headliner";

// $10,000 flat, 30 % withheld: net payable 7,000. Deposit $2,500 in two installments, then a
// fixed $3,000 balance installment and the rest: 7,000 − 2,500 − 3,000 = 1,500.
const schedule: Installment[] = [
  { kind: "DEPOSIT", dueOn: "2027-01-10", amount: usd("1000.00") },
  { kind: "DEPOSIT", dueOn: "2027-02-10", amount: usd("1500.00") },
  { kind: "BALANCE", dueOn: "2027-03-20", amount: usd("3000.00") },
  { kind: "BALANCE", dueOn: "2027-04-20", amount: null },
];
const account = { artistId, deposit: usd("2500.00"), netPayable: usd("7000.00") };
const paid = (kind: ActPayment["kind"], amount: string): ActPayment => ({ artistId, kind, amount: usd(amount) });

const standing = (payments: ActPayment[], today: string) =>
  scheduleStanding(schedule, account, payments, today).map((item) => [item.installment.dueOn, item.amount.amount.toFixed(2), item.paid.amount.toFixed(2), item.outstanding.amount.toFixed(2), item.status]);

describe("a payment schedule's standing", () => {
  it("settles each kind's installments in due order and works out the rest of the balance", () => {
    // Deposits 1,000 + 700 = 1,700: the first installment paid, 700 of the second. Balance 3,200: the fixed 3,000, then 200 of the rest.
    const payments = [paid("DEPOSIT", "1000.00"), paid("DEPOSIT", "700.00"), paid("BALANCE", "3200.00")];
    expect(standing(payments, "2027-03-25")).toEqual([
      ["2027-01-10", "1000.00", "1000.00", "0.00", "PAID"],
      ["2027-02-10", "1500.00", "700.00", "800.00", "OVERDUE"],
      ["2027-03-20", "3000.00", "3000.00", "0.00", "PAID"],
      ["2027-04-20", "1500.00", "200.00", "1300.00", "PART_PAID"],
    ]);
  });

  it("reads an installment as due until its day has passed, and overdue the day after", () => {
    expect(standing([], "2027-01-10").slice(0, 2).map((item) => item[4])).toEqual(["DUE", "DUE"]);
    expect(standing([], "2027-01-11").slice(0, 2).map((item) => item[4])).toEqual(["OVERDUE", "DUE"]);
  });

  it("makes the rest zero, never negative, when the fixed installments already cover the net payable", () => {
    const smaller = { ...account, netPayable: usd("5000.00") };
    expect(scheduleStanding(schedule, smaller, [], "2027-01-01").at(-1)!.amount.amount.toFixed(2)).toBe("0.00");
  });
});

describe("a payment schedule the deal cannot be paid by", () => {
  const refusal = (items: Installment[], deposit: Money | null = usd("2500.00")) => {
    try {
      assertPaymentSchedule(items, deposit, "USD", "bill[0].paymentSchedule");
    } catch (error) {
      return { reason: (error as { reason?: string }).reason, field: (error as { field?: string }).field, message: (error as Error).message };
    }
    return null;
  };

  it("is accepted as written above", () => {
    expect(refusal(schedule)).toBeNull();
  });

  it("is refused, naming the installment, when the deposit installments do not add up to the deal's deposit", () => {
    expect(refusal(schedule, usd("3000.00"))).toEqual({
      reason: "INVALID_PAYMENT_SCHEDULE",
      field: "bill[0].paymentSchedule",
      message: "The deposit installments add up to USD 2500; the deal's deposit is USD 3000.",
    });
  });

  it("is refused out of due order, with a deposit after a balance, or with the rest before the end", () => {
    expect(refusal([schedule[1]!, schedule[0]!, schedule[2]!])?.field).toBe("bill[0].paymentSchedule[1].dueOn");
    expect(refusal([schedule[0]!, schedule[2]!, { kind: "DEPOSIT", dueOn: "2027-03-20", amount: usd("1500.00") }])?.field).toBe("bill[0].paymentSchedule[2].kind");
    expect(refusal([schedule[0]!, schedule[1]!, schedule[3]!, { kind: "BALANCE", dueOn: "2027-05-01", amount: usd("10.00") }])?.field).toBe("bill[0].paymentSchedule[2].amount");
  });

  it("is refused with a deposit installment the deal has no deposit for, without its amount, or not above zero", () => {
    expect(refusal(schedule, null)?.message).toBe("The deal has no deposit, so the schedule has no deposit installments.");
    expect(refusal([{ kind: "DEPOSIT", dueOn: "2027-01-10", amount: null }])?.field).toBe("bill[0].paymentSchedule[0].amount");
    expect(refusal([{ kind: "BALANCE", dueOn: "2027-01-10", amount: usd("0.00") }])?.message).toBe("An installment must be more than zero (got 0).");
    expect(refusal([{ kind: "BALANCE", dueOn: "2027-01-10", amount: parseMoney("10.00", "EUR") }])?.message).toBe("The installment is in EUR; the settlement is in USD.");
  });

  it("is refused past 12 installments", () => {
    const many = Array.from({ length: 13 }, (_, day): Installment => ({ kind: "BALANCE", dueOn: `2027-05-${String(day + 1).padStart(2, "0")}`, amount: usd("1.00") }));
    expect(refusal(many)?.message).toBe("A payment schedule has at most 12 installments (got 13).");
  });
});
