// Every deal form worked by hand, with the figures of Prism.fm's glossary and the
// agents' examples in issue #10: the expected amounts below were computed on paper.
import { describe, expect, it } from "vitest";
import { computeArtistPayout, computeNetPayable, totalOfBuyouts, type ShowFigures } from "./artist-payout.ts";
import { parseDealTerms, type DealTermsInput } from "./parse-deal-terms.ts";
import { formatMoney } from "../money/money.ts";
import { Decimal } from "decimal.js";

const usd = (amount: string) => ({ amount, currency: "USD" });
const show = (adjustedGross: string, expenses: string, ticketsSold: number | null = null): ShowFigures => ({
  adjustedGross: { amount: new Decimal(adjustedGross), currency: "USD" },
  expenses: { amount: new Decimal(expenses), currency: "USD" },
  ticketsSold,
});

function pay(input: DealTermsInput, figures: ShowFigures) {
  const payout = computeArtistPayout(parseDealTerms(input, "USD"), figures);
  const printed = (money: { amount: Decimal; currency: string } | null) => (money ? formatMoney(money) : null);
  return {
    amount: formatMoney(payout.amount),
    dealAmount: formatMoney(payout.dealAmount),
    explanation: payout.explanation,
    promoterProfit: printed(payout.promoterProfit),
    splitPoint: printed(payout.splitPoint),
    expensesCounted: printed(payout.expensesCounted),
    bonusesEarned: payout.bonusesEarned.map((bonus) => bonus.ticketsSold),
  };
}

describe("guarantee versus percentage of net", () => {
  it("takes the promoter profit, a percentage of the expenses, off net before the artist's share", () => {
    // 26,500 adjusted gross − 12,000 expenses = 14,500 net; promoter profit 15 % × 12,000 = 1,800;
    // 85 % × (14,500 − 1,800 = 12,700) = 10,795, above the 10,000 guarantee.
    const result = pay(
      { dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: usd("10000"), percentage: "85", promoterProfit: { percentageOfExpenses: "15" } },
      show("26500", "12000"),
    );
    expect(result).toMatchObject({ amount: "10795.00", promoterProfit: "1800.00", splitPoint: null, expensesCounted: "12000.00" });
    expect(result.explanation).toBe("85% of net after USD 1800.00 promoter profit (USD 10795.00) exceeds guarantee (USD 10000.00)");
  });

  it("pays the guarantee when the share is smaller, and counts a loss as zero net", () => {
    const deal: DealTermsInput = { dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: usd("5000"), percentage: "80" };
    expect(pay(deal, show("9000", "3750"))).toMatchObject({ amount: "5000.00", explanation: "Guarantee (USD 5000.00) exceeds 80% of net (USD 4200.00)" });
    expect(pay(deal, show("9000", "12000"))).toMatchObject({ amount: "5000.00", explanation: "Guarantee (USD 5000.00) exceeds 80% of net (USD 0.00)" });
    // 80 % × 6,250 = 5,000: a tie pays the guarantee and says so.
    expect(pay(deal, show("9000", "2750")).explanation).toBe("Guarantee (USD 5000.00) equals 80% of net (USD 5000.00)");
  });

  it("counts the expenses up to the cap only", () => {
    // Expenses 12,000 capped at 10,000: 85 % × (26,500 − 10,000 = 16,500) = 14,025.
    const result = pay(
      { dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: usd("10000"), percentage: "85", expenseCap: usd("10000") },
      show("26500", "12000"),
    );
    expect(result).toMatchObject({ amount: "14025.00", expensesCounted: "10000.00" });
    expect(result.explanation).toBe("85% of net with expenses capped at USD 10000.00 (USD 14025.00) exceeds guarantee (USD 10000.00)");
  });
});

describe("guarantee plus percentage above the split point", () => {
  const twelveThousandPlusEightyFive: DealTermsInput = {
    dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT",
    guarantee: usd("12000"),
    percentage: "85",
    promoterProfit: { percentageOfExpenses: "15" },
  };

  it("computes the split point as expenses + guarantee + promoter profit, the guarantee counting among the expenses", () => {
    // Expenses 14,000 + guarantee 12,000 = 26,000; promoter profit 15 % = 3,900; split point 29,900;
    // 85 % × (36,000 − 29,900 = 6,100) = 5,185; the artist gets 12,000 + 5,185 = 17,185.
    expect(pay(twelveThousandPlusEightyFive, show("36000", "14000"))).toMatchObject({
      amount: "17185.00",
      promoterProfit: "3900.00",
      splitPoint: "29900.00",
      explanation: "Guarantee (USD 12000.00) plus 85% of adjusted gross above the USD 29900.00 split point (USD 5185.00)",
    });
  });

  it("moves the promoter profit and the split point with the expenses", () => {
    // 16,000 + 12,000 = 28,000; profit 4,200; split 32,200; 85 % × 3,800 = 3,230; 12,000 + 3,230 = 15,230.
    expect(pay(twelveThousandPlusEightyFive, show("36000", "16000"))).toMatchObject({ amount: "15230.00", promoterProfit: "4200.00", splitPoint: "32200.00" });
  });

  it("pays the guarantee only when adjusted gross does not pass the split point", () => {
    expect(pay(twelveThousandPlusEightyFive, show("29900", "14000"))).toMatchObject({
      amount: "12000.00",
      explanation: "Guarantee (USD 12000.00) only: adjusted gross (USD 29900.00) does not exceed the USD 29900.00 split point",
    });
  });

  it("takes a promoter profit written as an amount, and no promoter profit at all", () => {
    const fixed = { ...twelveThousandPlusEightyFive, promoterProfit: { amount: usd("3000") } };
    // Split point 14,000 + 12,000 + 3,000 = 29,000; 85 % × 7,000 = 5,950.
    expect(pay(fixed, show("36000", "14000"))).toMatchObject({ amount: "17950.00", splitPoint: "29000.00", promoterProfit: "3000.00" });
    const none = { ...twelveThousandPlusEightyFive, promoterProfit: null };
    // Split point 26,000; 85 % × 10,000 = 8,500.
    expect(pay(none, show("36000", "14000"))).toMatchObject({ amount: "20500.00", splitPoint: "26000.00", promoterProfit: null });
  });
});

describe("percentage deals without expenses", () => {
  it("versus gross: the larger of the guarantee and the percentage of adjusted gross", () => {
    const deal: DealTermsInput = { dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS", guarantee: usd("5000"), percentage: "20" };
    expect(pay(deal, show("31000", "40000"))).toMatchObject({ amount: "6200.00", explanation: "20% of adjusted gross (USD 6200.00) exceeds guarantee (USD 5000.00)" });
    expect(pay(deal, show("20000", "0"))).toMatchObject({ amount: "5000.00" });
  });

  it("door deal: the percentage of adjusted gross from the first ticket, even on a losing show", () => {
    expect(pay({ dealType: "DOOR_DEAL", percentage: "70" }, show("4820", "5000"))).toMatchObject({ amount: "3374.00", explanation: "70% of adjusted gross (USD 3374.00)" });
  });

  it("door deal after expenses: a show that loses 180 pays the artist nothing", () => {
    const deal: DealTermsInput = { dealType: "DOOR_DEAL_AFTER_EXPENSES", percentage: "70" };
    expect(pay(deal, show("4820", "5000"))).toMatchObject({ amount: "0.00", explanation: "70% of net after expenses (USD 0.00)" });
    // 70 % × (6,000 − 5,000) = 700.
    expect(pay(deal, show("6000", "5000"))).toMatchObject({ amount: "700.00", expensesCounted: "5000.00" });
  });
});

describe("per ticket and ticket bonuses", () => {
  it("pays the amount per paid ticket, or the guarantee when larger", () => {
    const deal: DealTermsInput = { dealType: "PER_TICKET", perTicket: usd("4.50"), guarantee: usd("1000") };
    // 4.50 × 312 = 1,404.
    expect(pay(deal, show("9000", "0", 312))).toMatchObject({ amount: "1404.00", explanation: "USD 4.50 × 312 paid tickets (USD 1404.00) exceeds guarantee (USD 1000.00)" });
    expect(pay(deal, show("9000", "0", 200))).toMatchObject({ amount: "1000.00" });
  });

  it("adds every bonus whose threshold the paid tickets reach", () => {
    const deal: DealTermsInput = {
      dealType: "FLAT_GUARANTEE",
      guarantee: usd("10000"),
      ticketBonuses: [
        { ticketsSold: 1500, bonus: usd("1000") },
        { ticketsSold: 1800, bonus: usd("1500") },
      ],
    };
    expect(pay(deal, show("50000", "0", 1499))).toMatchObject({ amount: "10000.00", bonusesEarned: [] });
    expect(pay(deal, show("50000", "0", 1500))).toMatchObject({ amount: "11000.00", dealAmount: "10000.00", bonusesEarned: [1500] });
    expect(pay(deal, show("50000", "0", 1800))).toMatchObject({ amount: "12500.00", bonusesEarned: [1500, 1800] });
  });

  it("refuses to guess a ticket count the deal needs, or to take one that is not a count", () => {
    expect(() => pay({ dealType: "PER_TICKET", perTicket: usd("5") }, show("100", "0", null))).toThrow(/without a ticket count/);
    expect(() => pay({ dealType: "PER_TICKET", perTicket: usd("5") }, show("100", "0", 2.5))).toThrow(/whole number/);
    expect(() => pay({ dealType: "PER_TICKET", perTicket: usd("5") }, show("100", "0", -1))).toThrow(/whole number/);
  });

  it("counts the expenses up to the cap in a plus deal's split point too", () => {
    // Expenses 14,000 capped at 10,000: 10,000 + 12,000 = 22,000; profit 15 % = 3,300; split 25,300;
    // 85 % × (36,000 − 25,300 = 10,700) = 9,095; 12,000 + 9,095 = 21,095.
    const result = pay(
      { dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", guarantee: usd("12000"), percentage: "85", promoterProfit: { percentageOfExpenses: "15" }, expenseCap: usd("10000") },
      show("36000", "14000"),
    );
    expect(result).toMatchObject({ amount: "21095.00", promoterProfit: "3300.00", splitPoint: "25300.00", expensesCounted: "10000.00" });
    expect(result.explanation).toBe("Guarantee (USD 12000.00) plus 85% of adjusted gross above the USD 25300.00 split point with expenses capped at USD 10000.00 (USD 9095.00)");
  });
});

describe("rounding", () => {
  it("rounds each share half away from zero to the currency's minor units before comparing", () => {
    // 85 % × 1,000.01 = 850.0085 → 850.01.
    expect(pay({ dealType: "DOOR_DEAL", percentage: "85" }, show("1000.01", "0")).amount).toBe("850.01");
    // 15 % promoter profit of 333.33 = 49.9995 → 50.00; 50 % × (1,000 − 333.33 − 50.00 = 616.67) = 308.335 → 308.34.
    expect(
      pay({ dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: usd("0"), percentage: "50", promoterProfit: { percentageOfExpenses: "15" } }, show("1000", "333.33")),
    ).toMatchObject({ promoterProfit: "50.00", amount: "308.34" });
  });

  it("pays yen in whole yen", () => {
    const terms = parseDealTerms({ dealType: "DOOR_DEAL", percentage: "33.33" }, "JPY");
    const payout = computeArtistPayout(terms, { adjustedGross: { amount: new Decimal("1000001"), currency: "JPY" }, expenses: { amount: new Decimal(0), currency: "JPY" }, ticketsSold: null });
    // 33.33 % × 1,000,001 = 333,300.3333 → 333,300.
    expect(formatMoney(payout.amount)).toBe("333300");
  });
});

describe("withholding and net payable", () => {
  const net = (input: DealTermsInput, figures: ShowFigures) => {
    const terms = parseDealTerms(input, figures.adjustedGross.currency);
    const payout = computeArtistPayout(terms, figures);
    const { withholding, netPayable } = computeNetPayable(terms, payout.amount);
    return { payout: formatMoney(payout.amount), withholding: formatMoney(withholding), netPayable: formatMoney(netPayable) };
  };

  it("withholds 30 % of a $10,000 flat guarantee, whatever the deposit: 3,000 withheld, 7,000 to the artist", () => {
    const deal: DealTermsInput = { dealType: "FLAT_GUARANTEE", guarantee: usd("10000"), withholdingRate: "30", deposit: usd("2500") };
    expect(net(deal, show("50000", "0"))).toEqual({ payout: "10000.00", withholding: "3000.00", netPayable: "7000.00" });
  });

  it("works the withholding on the payout with its bonuses, and leaves the payout formulas alone", () => {
    // 10,000 + 1,000 bonus = 11,000; 30 % = 3,300; net 7,700.
    const deal: DealTermsInput = { dealType: "FLAT_GUARANTEE", guarantee: usd("10000"), withholdingRate: "30", ticketBonuses: [{ ticketsSold: 1500, bonus: usd("1000") }] };
    expect(net(deal, show("50000", "0", 1500))).toEqual({ payout: "11000.00", withholding: "3300.00", netPayable: "7700.00" });
  });

  it("adds the buyouts and reimbursements to what the artist receives, counted among the expenses and outside the withholding", () => {
    // $10,000 vs 85 % of net, a $500 catering buyout, a $420 backline reimbursement, 30 % withheld.
    // Expenses counted: 12,000 + 500 + 420 = 12,920; net 26,500 − 12,920 = 13,580; 85 % = 11,543 > 10,000.
    // Withholding 30 % × 11,543 = 3,462.90; net payable 11,543 − 3,462.90 + 500 + 420 = 9,000.10.
    const terms = parseDealTerms(
      { dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: usd("10000"), percentage: "85", withholdingRate: "30", buyouts: [{ label: "Catering buyout", amount: usd("500") }] },
      "USD",
    );
    const reimbursements = [{ amount: new Decimal("420"), currency: "USD" }];
    const expenses = new Decimal("12000").add(totalOfBuyouts(terms).amount).add(reimbursements[0]!.amount);
    const payout = computeArtistPayout(terms, show("26500", expenses.toFixed()));
    const figures = computeNetPayable(terms, payout.amount, reimbursements);
    expect({
      expensesCounted: formatMoney(payout.expensesCounted!),
      payout: formatMoney(payout.amount),
      withholding: formatMoney(figures.withholding),
      buyouts: formatMoney(figures.buyouts),
      reimbursements: formatMoney(figures.reimbursements),
      netPayable: formatMoney(figures.netPayable),
    }).toEqual({ expensesCounted: "12920.00", payout: "11543.00", withholding: "3462.90", buyouts: "500.00", reimbursements: "420.00", netPayable: "9000.10" });
    // Without a rate or any repaid cost, the net payable is the payout.
    const plain = parseDealTerms({ dealType: "FLAT_GUARANTEE", guarantee: usd("8000") }, "USD");
    expect(formatMoney(computeNetPayable(plain, { amount: new Decimal("8000"), currency: "USD" }).netPayable)).toBe("8000.00");
    expect(formatMoney(totalOfBuyouts(plain))).toBe("0.00");
  });

  it("rounds half up to minor units, and withholds nothing without a rate", () => {
    // 70 % × 1,000.05 = 700.035 → 700.04; 12.5 % × 700.04 = 87.505 → 87.51; net 612.53.
    expect(net({ dealType: "DOOR_DEAL", percentage: "70", withholdingRate: "12.5" }, show("1000.05", "0"))).toEqual({ payout: "700.04", withholding: "87.51", netPayable: "612.53" });
    expect(net({ dealType: "DOOR_DEAL", percentage: "70" }, show("1000", "0"))).toEqual({ payout: "700.00", withholding: "0.00", netPayable: "700.00" });
    // Yen: 30 % × 333,333 = 99,999.9 → 100,000.
    const terms = parseDealTerms({ dealType: "FLAT_GUARANTEE", guarantee: { amount: "333333", currency: "JPY" }, withholdingRate: "30" }, "JPY");
    expect(formatMoney(computeNetPayable(terms, { amount: new Decimal("333333"), currency: "JPY" }).withholding)).toBe("100000");
  });
});
