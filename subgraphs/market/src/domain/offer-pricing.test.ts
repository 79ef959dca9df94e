// Every figure below is worked by hand in the comment above its assertion.
import { Decimal } from "decimal.js";
import { formatMoney, parseDealTerms, type DealTermsInput, type Money } from "@marquee/kit";
import { describe, expect, it } from "vitest";
import { priceOffer, type OfferPricing, type PricedTier } from "./offer-pricing.ts";

const usd = (amount: string) => ({ amount, currency: "USD" });
const dollars = (amount: string): Money => ({ amount: new Decimal(amount), currency: "USD" });
const tier = (price: string, allocation: number, kills = 0, comps = 0, currency = "USD"): PricedTier => ({ price: { amount: new Decimal(price), currency }, allocation, kills, comps });
const deal = (input: DealTermsInput, currency = "USD") => parseDealTerms(input, currency);

/** The figures as the API prints them. */
const shown = (pricing: OfferPricing) => {
  const printed = (money: Money | null) => (money ? formatMoney(money) : null);
  return {
    sellableTickets: pricing.sellableTickets,
    grossPotential: printed(pricing.grossPotential),
    averageTicketPrice: printed(pricing.averageTicketPrice),
    expenses: printed(pricing.expenses),
    promoterProfit: printed(pricing.promoterProfit),
    splitPoint: printed(pricing.splitPoint),
    breakEvenTickets: pricing.breakEvenTickets,
    walkoutPotential: printed(pricing.walkoutPotential),
    walkoutAtBreakEven: printed(pricing.walkoutAtBreakEven),
  };
};

// General admission 1,040 less 10 kills and 30 comps = 1,000 at $30 (30,000); balcony 160 less 10 comps = 150 at $40
// (6,000): 1,150 sellable tickets, gross potential 36,000, average price 36,000 / 1,150 = 31.3043… → 31.30.
const club = [tier("30.00", 1040, 10, 30), tier("40.00", 160, 0, 10)];
// One tier: 500 at $25, gross potential 12,500.
const smallRoom = [tier("25.00", 500)];

describe("an offer's figures", () => {
  it("price a plus deal from the tiers: docs/deals.md's $12,000 plus 85% on 14,000 expenses, sold out at 36,000", () => {
    const terms = deal({ dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", guarantee: usd("12000"), percentage: "85", promoterProfit: { percentageOfExpenses: "15" } });
    const pricing = priceOffer(terms, dollars("14000"), club);
    // Promoter profit 15% × (14,000 + 12,000) = 3,900; split point 26,000 + 3,900 = 29,900.
    // Walkout at a sellout: 12,000 + 85% × (36,000 − 29,900 = 6,100) = 12,000 + 5,185 = 17,185.
    // Break-even: 29,900 / 31.3043… = 955.1 → 956 tickets. At 955 the gross is 955 × 36,000 / 1,150 = 29,895.65, 4.35
    // short of the split point; at 956 it is 29,926.96, and the artist gets 12,000 + 85% × 26.96 = 12,022.92, which
    // leaves the promoter 29,926.96 − 14,000 − 12,022.92 − 3,900 = 4.04.
    expect(shown(pricing)).toEqual({
      sellableTickets: 1150,
      grossPotential: "36000.00",
      averageTicketPrice: "31.30",
      expenses: "14000.00",
      promoterProfit: "3900.00",
      splitPoint: "29900.00",
      breakEvenTickets: 956,
      walkoutPotential: "17185.00",
      walkoutAtBreakEven: "12022.92",
    });
    expect(pricing.currency).toBe("USD");
    expect(pricing.walkoutExplanation).toBe("Guarantee (USD 12000.00) plus 85% of adjusted gross above the USD 29900.00 split point (USD 5185.00)");
  });

  it("count the deal's buyouts among the estimated expenses: $10,000 vs 85% of net, 12,000 estimated, a $500 catering buyout", () => {
    const input: DealTermsInput = { dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: usd("10000"), percentage: "85" };
    const withBuyout = priceOffer(deal({ ...input, buyouts: [{ label: "Catering buyout", amount: usd("500") }] }), dollars("12000"), club);
    // Expenses 12,000 + 500 = 12,500. Walkout: 85% × (36,000 − 12,500 = 23,500) = 19,975 > 10,000; the 500 is paid on top.
    // Break-even: the gross must cover 12,500 + the 10,000 guarantee = 22,500: 22,500 × 1,150 / 36,000 = 718.75 → 719.
    // At 718 the gross is 25,848,000 / 1,150 = 22,476.52 (23.48 short); at 719 it is 22,507.83, net 10,007.83,
    // 85% = 8,506.66 < 10,000, so the guarantee is paid and the promoter keeps 7.83.
    expect(shown(withBuyout)).toMatchObject({ expenses: "12500.00", breakEvenTickets: 719, walkoutPotential: "19975.00", walkoutAtBreakEven: "10000.00" });
    // Without it: 85% × 24,000 = 20,400; 22,000 × 1,150 / 36,000 = 702.8 → 703 (22,007.30 at 703, 21,975.65 at 702).
    expect(shown(priceOffer(deal(input), dollars("12000"), club))).toMatchObject({ expenses: "12000.00", breakEvenTickets: 703, walkoutPotential: "20400.00" });
  });

  it("of docs/modules/market.md's flat guarantees on the same event, without an estimate", () => {
    // 20,000 / 31.3043… = 638.9 → 639: at 638 the gross is 19,971.13, at 639 20,003.48. 40,000 is more than the 36,000 a sellout brings.
    expect(priceOffer(deal({ dealType: "FLAT_GUARANTEE", guarantee: usd("20000") }), null, club).breakEvenTickets).toBe(639);
    expect(priceOffer(deal({ dealType: "FLAT_GUARANTEE", guarantee: usd("40000") }), null, club).breakEvenTickets).toBeNull();
  });

  it("break even on a flat guarantee at (expenses + guarantee) / average price, exactly when it divides", () => {
    const pricing = priceOffer(deal({ dealType: "FLAT_GUARANTEE", guarantee: usd("8000") }), dollars("4000"), smallRoom);
    // (4,000 + 8,000) / 25 = 480 tickets: at 480 the gross is 12,000, exactly the costs; at 479, 25 short.
    expect(shown(pricing)).toMatchObject({ grossPotential: "12500.00", averageTicketPrice: "25.00", breakEvenTickets: 480, walkoutPotential: "8000.00", walkoutAtBreakEven: "8000.00", promoterProfit: null, splitPoint: null });
    expect(pricing.walkoutExplanation).toBe("Flat guarantee (USD 8000.00)");
  });

  it("have no break-even when even a sellout does not cover the costs", () => {
    const pricing = priceOffer(deal({ dealType: "FLAT_GUARANTEE", guarantee: usd("20000") }), dollars("4000"), smallRoom);
    // (4,000 + 20,000) / 25 = 960 tickets, more than the 500 the room sells.
    expect(shown(pricing)).toMatchObject({ breakEvenTickets: null, walkoutPotential: "20000.00", walkoutAtBreakEven: null });
  });

  it("count the promoter profit of a versus-net deal on the expenses, and the share above the guarantee at a sellout", () => {
    const terms = deal({ dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: usd("10000"), percentage: "85", promoterProfit: { percentageOfExpenses: "15" } });
    const pricing = priceOffer(terms, dollars("12000"), [tier("30.00", 1000)]);
    // Promoter profit 15% × 12,000 = 1,800. Break-even (12,000 + 10,000 + 1,800) / 30 = 793.3 → 794: at 794 the gross
    // is 23,820, 85% × (23,820 − 12,000 − 1,800) = 8,517 is below the guarantee, and the promoter keeps 20.
    // Sellout: 85% × (30,000 − 12,000 − 1,800 = 16,200) = 13,770, above the guarantee.
    expect(shown(pricing)).toMatchObject({ promoterProfit: "1800.00", breakEvenTickets: 794, walkoutPotential: "13770.00", walkoutAtBreakEven: "10000.00" });
  });

  it("count a door deal's percentage as a cost of every ticket", () => {
    const pricing = priceOffer(deal({ dealType: "DOOR_DEAL", percentage: "70" }), dollars("1500"), [tier("20.00", 400)]);
    // Each $20 ticket leaves the promoter 30% = $6: 1,500 / 6 = 250 tickets (gross 5,000, the artist 3,500).
    // Sellout: 70% × 8,000 = 5,600.
    expect(shown(pricing)).toMatchObject({ breakEvenTickets: 250, walkoutPotential: "5600.00", walkoutAtBreakEven: "3500.00" });
  });

  it("count a per-ticket deal's pay per ticket, and its guarantee below it", () => {
    const terms = deal({ dealType: "PER_TICKET", perTicket: usd("4.50"), guarantee: usd("1000") });
    const pricing = priceOffer(terms, dollars("2000"), [tier("15.00", 400)]);
    // At 200 tickets: gross 3,000, 4.50 × 200 = 900 is below the 1,000 guarantee: 3,000 − 2,000 − 1,000 = 0. At 199, 15 short.
    // Sellout: 4.50 × 400 = 1,800.
    expect(shown(pricing)).toMatchObject({ breakEvenTickets: 200, walkoutPotential: "1800.00", walkoutAtBreakEven: "1000.00" });
  });

  it("never break even on a per-ticket deal paying more than a ticket brings", () => {
    const terms = deal({ dealType: "PER_TICKET", perTicket: usd("30.00"), guarantee: usd("500") });
    const pricing = priceOffer(terms, null, [tier("20.00", 100)]);
    // Up to 16 tickets the guarantee is paid (at most 320 − 500 < 0); past it each ticket loses 10. Sellout: 30 × 100 = 3,000.
    expect(shown(pricing)).toMatchObject({ expenses: "0.00", breakEvenTickets: null, walkoutPotential: "3000.00" });
    expect(pricing.walkoutExplanation).toBe("USD 30.00 × 100 paid tickets (USD 3000.00) exceeds guarantee (USD 500.00)");
  });

  it("pay the ticket bonuses reached, at the sellout and along the way to the break-even", () => {
    const terms = deal({
      dealType: "FLAT_GUARANTEE",
      guarantee: usd("10000"),
      ticketBonuses: [
        { ticketsSold: 1500, bonus: usd("1000") },
        { ticketsSold: 1800, bonus: usd("1500") },
      ],
    });
    const pricing = priceOffer(terms, dollars("20000"), [tier("20.00", 2000)]);
    // Without bonuses (20,000 + 10,000) / 20 = 1,500; but the 1,000 bonus is reached there: 30,000 − 20,000 − 11,000 =
    // −1,000. It takes (20,000 + 11,000) / 20 = 1,550. At 1,800 (36,000 − 20,000 − 12,500 = 3,500) the promoter stays whole.
    // Sellout: 10,000 + 1,000 + 1,500 = 12,500.
    expect(shown(pricing)).toMatchObject({ breakEvenTickets: 1550, walkoutPotential: "12500.00", walkoutAtBreakEven: "11000.00" });
  });

  it("put the break-even where the promoter stays whole, past a bonus that takes the show back below it", () => {
    const terms = deal({ dealType: "FLAT_GUARANTEE", guarantee: usd("10000"), ticketBonuses: [{ ticketsSold: 1050, bonus: usd("2000") }] });
    const pricing = priceOffer(terms, dollars("10000"), [tier("20.00", 2000)]);
    // At 1,000 the gross covers 10,000 + 10,000; at 1,050 the bonus makes it 21,000 − 22,000 = −1,000; from
    // 22,000 / 20 = 1,100 on the promoter stays whole.
    expect(shown(pricing)).toMatchObject({ breakEvenTickets: 1100, walkoutPotential: "12000.00", walkoutAtBreakEven: "12000.00" });
  });

  it("count no expenses when the offer gives no estimate", () => {
    const pricing = priceOffer(deal({ dealType: "FLAT_GUARANTEE", guarantee: usd("8000") }), null, smallRoom);
    // 8,000 / 25 = 320.
    expect(shown(pricing)).toMatchObject({ expenses: "0.00", breakEvenTickets: 320 });
  });

  it("round the average price to the currency's minor units and sell the tiers' mix, in yen", () => {
    const terms = deal({ dealType: "FLAT_GUARANTEE", guarantee: { amount: "10000", currency: "JPY" } }, "JPY");
    const pricing = priceOffer(terms, null, [tier("7500", 2, 0, 0, "JPY"), tier("5000", 1, 0, 0, "JPY")]);
    // 2 × 7,500 + 5,000 = 20,000 over 3 tickets: ¥6,666.67 → ¥6,667. One ticket brings ¥6,667, two ¥13,333.
    expect(shown(pricing)).toMatchObject({ sellableTickets: 3, grossPotential: "20000", averageTicketPrice: "6667", breakEvenTickets: 2, walkoutPotential: "10000" });
  });

  it("of an event with nothing to sell: no average price, and a break-even only when there is nothing to cover", () => {
    const soldOff = [tier("30.00", 100, 60, 40)];
    const flat = priceOffer(deal({ dealType: "FLAT_GUARANTEE", guarantee: usd("1000") }), null, soldOff);
    expect(shown(flat)).toMatchObject({ sellableTickets: 0, grossPotential: "0.00", averageTicketPrice: null, breakEvenTickets: null, walkoutPotential: "1000.00" });
    const door = priceOffer(deal({ dealType: "DOOR_DEAL", percentage: "70" }), null, soldOff);
    expect(shown(door)).toMatchObject({ breakEvenTickets: 0, walkoutPotential: "0.00", walkoutAtBreakEven: "0.00" });
  });

  it("refuse tiers in another currency than the deal: there is no rate to convert them by", () => {
    expect(() => priceOffer(deal({ dealType: "FLAT_GUARANTEE", guarantee: usd("1000") }), null, [tier("30.00", 100, 0, 0, "EUR")])).toThrow(
      "A ticket tier is priced in EUR but the deal is in USD.",
    );
  });
});
