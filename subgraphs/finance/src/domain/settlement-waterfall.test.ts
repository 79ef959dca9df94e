import { describe, expect, it } from "vitest";
import { formatMoney, parseDealTerms, type DealTermsInput } from "@marquee/kit";
import { parseMoney, type Money } from "./money.ts";
import { computeSettlement, type SettlementInput, type SettlementWaterfall } from "./settlement-waterfall.ts";

const usd = (amount: string) => parseMoney(amount, "USD");
const jpy = (amount: string) => parseMoney(amount, "JPY");

/** The settlement sheet as a promoter reads it: kind, label, amount. */
function sheet(waterfall: SettlementWaterfall): [string, string, string][] {
  return waterfall.lines.map((line) => [line.kind, line.label, formatMoney(line.amount)]);
}

function totals(waterfall: SettlementWaterfall): Record<string, string> {
  return {
    grossTicketSales: formatMoney(waterfall.grossTicketSales),
    deductions: formatMoney(waterfall.deductions),
    adjustedGross: formatMoney(waterfall.adjustedGross),
    totalExpenses: formatMoney(waterfall.totalExpenses),
    net: formatMoney(waterfall.net),
    artistPayouts: formatMoney(waterfall.artistPayouts),
    promoterResult: formatMoney(waterfall.promoterResult),
  };
}

/** The figures a one-act bill's deal adds besides the sheet's totals. */
function dealFigures(waterfall: SettlementWaterfall) {
  const shown = (money: Money | null) => money && formatMoney(money);
  const [act] = waterfall.acts;
  return { ticketsSold: waterfall.ticketsSold, promoterProfit: shown(act!.promoterProfit), splitPoint: shown(act!.splitPoint) };
}

type Show = Omit<SettlementInput, "bill" | "ticketsSold"> & { ticketsSold?: number | null };

/** Settles the show with one act, under terms written in the show's currency (or `dealCurrency`). */
function settle(show: Show, terms: DealTermsInput, dealCurrency = show.currency): SettlementWaterfall {
  return computeSettlement({ ...show, ticketsSold: show.ticketsSold ?? null, bill: [{ artistId: "headliner", dealTerms: parseDealTerms(terms, dealCurrency) }] });
}

const dollars = (amount: string) => ({ amount, currency: "USD" });

/**
 * A sold-out club night: 800 tickets × $35 = $28,000 gross.
 * Ticketing fees 5% = $1,400; sales tax 7.5% = $2,100; adjusted gross 28,000 − 1,400 − 2,100 = $24,500.
 * Expenses: production 3,000 + 500 = 3,500; marketing 1,200; hospitality 300; staffing 800; venue rent 2,500
 * = $8,300 in total, so net = 24,500 − 8,300 = $16,200.
 * Expenses are listed out of category order on purpose: the sheet must reorder them.
 */
const soldOutClubNight: Show = {
  currency: "USD",
  grossTicketSales: usd("28000.00"),
  deductions: [
    { basis: "FLAT", label: "Ticketing fees", amount: usd("1400.00") },
    { basis: "FLAT", label: "Sales tax", amount: usd("2100.00") },
  ],
  expenses: [
    { id: "exp-6", category: "VENUE_RENT", description: "Room hire", amount: usd("2500.00") },
    { id: "exp-1", category: "PRODUCTION", description: "Sound and lights", amount: usd("3000.00") },
    { id: "exp-3", category: "MARKETING", description: "Social ads", amount: usd("1200.00") },
    { id: "exp-5", category: "STAFFING", description: "Security and box office", amount: usd("800.00") },
    { id: "exp-2", category: "PRODUCTION", description: "Backline rental", amount: usd("500.00") },
    { id: "exp-4", category: "HOSPITALITY", description: "Catering rider", amount: usd("300.00") },
  ],
};

/** Every line of the club night down to net; the deal only changes the last two lines. */
const clubNightUpToNet: [string, string, string][] = [
  ["GROSS_TICKET_SALES", "Gross ticket sales", "28000.00"],
  ["DEDUCTION", "Ticketing fees", "1400.00"],
  ["DEDUCTION", "Sales tax", "2100.00"],
  ["ADJUSTED_GROSS", "Adjusted gross", "24500.00"],
  ["EXPENSE", "Production", "3500.00"],
  ["EXPENSE", "Marketing", "1200.00"],
  ["EXPENSE", "Hospitality", "300.00"],
  ["EXPENSE", "Staffing", "800.00"],
  ["EXPENSE", "Venue rent", "2500.00"],
  ["TOTAL_EXPENSES", "Total expenses", "8300.00"],
  ["NET", "Net", "16200.00"],
];

describe("computeSettlement: every deal form on a sold-out club night", () => {
  it("flat guarantee: the artist gets $5,000 whatever the night makes", () => {
    const waterfall = settle(soldOutClubNight, { dealType: "FLAT_GUARANTEE", guarantee: dollars("5000.00") });

    // Promoter: 16,200 − 5,000 = 11,200.
    expect(sheet(waterfall)).toEqual([
      ...clubNightUpToNet,
      ["ARTIST_PAYOUT", "Flat guarantee (USD 5000.00)", "5000.00"],
      ["PROMOTER_RESULT", "Promoter profit", "11200.00"],
    ]);
    expect(totals(waterfall)).toEqual({
      grossTicketSales: "28000.00",
      deductions: "3500.00",
      adjustedGross: "24500.00",
      totalExpenses: "8300.00",
      net: "16200.00",
      artistPayouts: "5000.00",
      promoterResult: "11200.00",
    });
    expect(dealFigures(waterfall)).toEqual({ ticketsSold: null, promoterProfit: null, splitPoint: null });
  });

  it("guarantee versus 80% of net: the percentage wins", () => {
    const waterfall = settle(soldOutClubNight, {
      dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET",
      guarantee: dollars("5000.00"),
      percentage: "80",
    });

    // 80% × 16,200 = 12,960 > 5,000, so the artist takes 12,960; promoter 16,200 − 12,960 = 3,240.
    expect(sheet(waterfall)).toEqual([
      ...clubNightUpToNet,
      ["ARTIST_PAYOUT", "80% of net (USD 12960.00) exceeds guarantee (USD 5000.00)", "12960.00"],
      ["PROMOTER_RESULT", "Promoter profit", "3240.00"],
    ]);
  });

  it("guarantee versus 80% of net: the guarantee wins", () => {
    const waterfall = settle(soldOutClubNight, {
      dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET",
      guarantee: dollars("15000.00"),
      percentage: "80",
    });

    // 80% × 16,200 = 12,960 < 15,000, so the artist takes 15,000; promoter 16,200 − 15,000 = 1,200.
    expect(sheet(waterfall)).toEqual([
      ...clubNightUpToNet,
      ["ARTIST_PAYOUT", "Guarantee (USD 15000.00) exceeds 80% of net (USD 12960.00)", "15000.00"],
      ["PROMOTER_RESULT", "Promoter profit", "1200.00"],
    ]);
  });

  it("guarantee versus 80% of net after a 15% promoter profit, with expenses capped at $8,000", () => {
    const waterfall = settle(soldOutClubNight, {
      dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET",
      guarantee: dollars("5000.00"),
      percentage: "80",
      promoterProfit: { percentageOfExpenses: "15" },
      expenseCap: dollars("8000.00"),
    });

    // The $8,300 of expenses count as the $8,000 cap; promoter profit 15% × 8,000 = 1,200;
    // 80% × (24,500 − 8,000 − 1,200 = 15,300) = 12,240 > 5,000. Promoter: 16,200 − 12,240 = 3,960.
    expect(sheet(waterfall)).toEqual([
      ...clubNightUpToNet,
      [
        "ARTIST_PAYOUT",
        "80% of net after USD 1200.00 promoter profit with expenses capped at USD 8000.00 (USD 12240.00) exceeds guarantee (USD 5000.00)",
        "12240.00",
      ],
      ["PROMOTER_RESULT", "Promoter profit", "3960.00"],
    ]);
    expect(dealFigures(waterfall)).toEqual({ ticketsSold: null, promoterProfit: "1200.00", splitPoint: null });
  });

  it("guarantee versus 60% of adjusted gross: the percentage wins", () => {
    const waterfall = settle(soldOutClubNight, {
      dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS",
      guarantee: dollars("5000.00"),
      percentage: "60",
    });

    // 60% × 24,500 = 14,700 > 5,000; promoter 16,200 − 14,700 = 1,500.
    expect(sheet(waterfall)).toEqual([
      ...clubNightUpToNet,
      ["ARTIST_PAYOUT", "60% of adjusted gross (USD 14700.00) exceeds guarantee (USD 5000.00)", "14700.00"],
      ["PROMOTER_RESULT", "Promoter profit", "1500.00"],
    ]);
  });

  it("guarantee plus 85% above the split point: adjusted gross clears it", () => {
    // Split point = expenses 8,300 + guarantee 5,000 + the promoter's agreed 2,000 = 15,300 of adjusted gross.
    const waterfall = settle(soldOutClubNight, {
      dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT",
      guarantee: dollars("5000.00"),
      percentage: "85",
      promoterProfit: { amount: dollars("2000.00") },
    });

    // Above the split: 24,500 − 15,300 = 9,200; 85% × 9,200 = 7,820; artist 5,000 + 7,820 = 12,820.
    // Promoter: 16,200 − 12,820 = 3,380, i.e. the agreed 2,000 plus their 15% of 9,200 (1,380).
    expect(sheet(waterfall)).toEqual([
      ...clubNightUpToNet,
      ["ARTIST_PAYOUT", "Guarantee (USD 5000.00) plus 85% of adjusted gross above the USD 15300.00 split point (USD 7820.00)", "12820.00"],
      ["PROMOTER_RESULT", "Promoter profit", "3380.00"],
    ]);
    expect(dealFigures(waterfall)).toEqual({ ticketsSold: null, promoterProfit: "2000.00", splitPoint: "15300.00" });
  });

  it("guarantee plus 85% above the split point: adjusted gross falls short of it", () => {
    const waterfall = settle(soldOutClubNight, {
      dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT",
      guarantee: dollars("5000.00"),
      percentage: "85",
      promoterProfit: { amount: dollars("15000.00") },
    });

    // Split point 8,300 + 5,000 + 15,000 = 28,300 ≥ 24,500: no overage, the artist gets the 5,000 guarantee;
    // promoter 16,200 − 5,000 = 11,200.
    expect(sheet(waterfall)).toEqual([
      ...clubNightUpToNet,
      ["ARTIST_PAYOUT", "Guarantee (USD 5000.00) only: adjusted gross (USD 24500.00) does not exceed the USD 28300.00 split point", "5000.00"],
      ["PROMOTER_RESULT", "Promoter profit", "11200.00"],
    ]);
  });

  it("guarantee plus 85% above the split point with no promoter profit: the split point is expenses + guarantee", () => {
    const waterfall = settle(soldOutClubNight, {
      dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT",
      guarantee: dollars("5000.00"),
      percentage: "85",
    });

    // Split point 8,300 + 5,000 = 13,300; 85% × (24,500 − 13,300 = 11,200) = 9,520; artist 14,520; promoter 1,680.
    expect(sheet(waterfall).slice(-2)).toEqual([
      ["ARTIST_PAYOUT", "Guarantee (USD 5000.00) plus 85% of adjusted gross above the USD 13300.00 split point (USD 9520.00)", "14520.00"],
      ["PROMOTER_RESULT", "Promoter profit", "1680.00"],
    ]);
    expect(dealFigures(waterfall)).toEqual({ ticketsSold: null, promoterProfit: null, splitPoint: "13300.00" });
  });

  it("door deal after expenses: 70% of net", () => {
    const waterfall = settle(soldOutClubNight, { dealType: "DOOR_DEAL_AFTER_EXPENSES", percentage: "70" });

    // 70% × 16,200 = 11,340; promoter 16,200 − 11,340 = 4,860.
    expect(sheet(waterfall).slice(-2)).toEqual([
      ["ARTIST_PAYOUT", "70% of net after expenses (USD 11340.00)", "11340.00"],
      ["PROMOTER_RESULT", "Promoter profit", "4860.00"],
    ]);
  });

  it("per ticket: $8 a paid ticket beats the $5,000 guarantee on 800 tickets", () => {
    const waterfall = settle({ ...soldOutClubNight, ticketsSold: 800 }, { dealType: "PER_TICKET", perTicket: dollars("8.00"), guarantee: dollars("5000.00") });

    // 8 × 800 = 6,400 > 5,000; promoter 16,200 − 6,400 = 9,800.
    expect(sheet(waterfall).slice(-2)).toEqual([
      ["ARTIST_PAYOUT", "USD 8.00 × 800 paid tickets (USD 6400.00) exceeds guarantee (USD 5000.00)", "6400.00"],
      ["PROMOTER_RESULT", "Promoter profit", "9800.00"],
    ]);
    expect(totals(waterfall).artistPayouts).toBe("6400.00");
    expect(dealFigures(waterfall)).toEqual({ ticketsSold: 800, promoterProfit: null, splitPoint: null });
  });

  it("per ticket without a guarantee: the tickets alone", () => {
    const waterfall = settle({ ...soldOutClubNight, ticketsSold: 500 }, { dealType: "PER_TICKET", perTicket: dollars("8.00") });

    // 8 × 500 = 4,000; promoter 16,200 − 4,000 = 12,200.
    expect(sheet(waterfall).slice(-2)).toEqual([
      ["ARTIST_PAYOUT", "USD 8.00 × 500 paid tickets (USD 4000.00)", "4000.00"],
      ["PROMOTER_RESULT", "Promoter profit", "12200.00"],
    ]);
  });
});

describe("computeSettlement: ticket-count bonuses", () => {
  const flatWithBonuses: DealTermsInput = {
    dealType: "FLAT_GUARANTEE",
    guarantee: dollars("5000.00"),
    ticketBonuses: [
      { ticketsSold: 500, bonus: dollars("250.00") },
      { ticketsSold: 750, bonus: dollars("500.00") },
      { ticketsSold: 1000, bonus: dollars("1000.00") },
    ],
  };

  it("adds a line for each bonus reached, and the promoter's result pays them", () => {
    const waterfall = settle({ ...soldOutClubNight, ticketsSold: 800 }, flatWithBonuses);

    // 800 paid tickets reach the 500 and 750 bonuses, not the 1,000 one: 5,000 + 250 + 500 = 5,750.
    // Promoter: 16,200 − 5,000 − 250 − 500 = 10,450.
    expect(sheet(waterfall)).toEqual([
      ...clubNightUpToNet,
      ["ARTIST_PAYOUT", "Flat guarantee (USD 5000.00)", "5000.00"],
      ["ARTIST_BONUS", "Bonus at 500 paid tickets", "250.00"],
      ["ARTIST_BONUS", "Bonus at 750 paid tickets", "500.00"],
      ["PROMOTER_RESULT", "Promoter profit", "10450.00"],
    ]);
    expect(totals(waterfall)).toMatchObject({ artistPayouts: "5750.00", promoterResult: "10450.00" });
    expect(dealFigures(waterfall)).toEqual({ ticketsSold: 800, promoterProfit: null, splitPoint: null });
  });

  it("pays a bonus at exactly its threshold, and none below the first", () => {
    expect(sheet(settle({ ...soldOutClubNight, ticketsSold: 1000 }, flatWithBonuses)).filter(([kind]) => kind === "ARTIST_BONUS")).toHaveLength(3);
    const under = settle({ ...soldOutClubNight, ticketsSold: 499 }, flatWithBonuses);
    expect(sheet(under).slice(-2)).toEqual([
      ["ARTIST_PAYOUT", "Flat guarantee (USD 5000.00)", "5000.00"],
      ["PROMOTER_RESULT", "Promoter profit", "11200.00"],
    ]);
    expect(under.ticketsSold).toBe(499);
  });

  it("ignores a ticket count the deal is not paid by", () => {
    const waterfall = settle({ ...soldOutClubNight, ticketsSold: 800 }, { dealType: "FLAT_GUARANTEE", guarantee: dollars("5000.00") });
    expect(waterfall.ticketsSold).toBeNull();
  });

  it("never settles a deal paid by the tickets without their count, nor on a count that is no count", () => {
    expect(() => settle(soldOutClubNight, flatWithBonuses)).toThrow("A FLAT_GUARANTEE deal with 3 ticket bonuses was settled without a ticket count.");
    expect(() => settle({ ...soldOutClubNight, ticketsSold: -1 }, { dealType: "PER_TICKET", perTicket: dollars("8.00") })).toThrow(
      expect.objectContaining({ name: "InvalidSettlementInputError", message: "Tickets sold must be a whole number of zero or more (got -1)" }),
    );
  });
});

describe("computeSettlement: the forms agents write, as worked in docs/modules/finance.md", () => {
  /** Gross 40,000 less 4,000 of fees: adjusted gross 36,000; expenses 14,000; net 22,000. */
  const theatreNight: Show = {
    currency: "USD",
    grossTicketSales: usd("40000.00"),
    deductions: [{ basis: "FLAT", label: "Ticketing fees", amount: usd("4000.00") }],
    expenses: [
      { id: "exp-1", category: "PRODUCTION", description: "Sound and lights", amount: usd("8000.00") },
      { id: "exp-2", category: "MARKETING", description: "Campaign", amount: usd("6000.00") },
    ],
  };

  it("$12,000 plus 85% above the split, promoter profit 15% of expenses: split point 29,900, artist 17,185", () => {
    const waterfall = settle(theatreNight, {
      dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT",
      guarantee: dollars("12000.00"),
      percentage: "85",
      promoterProfit: { percentageOfExpenses: "15" },
    });

    // Promoter profit 15% × (14,000 + 12,000) = 3,900; split point 14,000 + 12,000 + 3,900 = 29,900;
    // 85% × (36,000 − 29,900 = 6,100) = 5,185; artist 12,000 + 5,185 = 17,185; promoter 22,000 − 17,185 = 4,815.
    expect(sheet(waterfall)).toEqual([
      ["GROSS_TICKET_SALES", "Gross ticket sales", "40000.00"],
      ["DEDUCTION", "Ticketing fees", "4000.00"],
      ["ADJUSTED_GROSS", "Adjusted gross", "36000.00"],
      ["EXPENSE", "Production", "8000.00"],
      ["EXPENSE", "Marketing", "6000.00"],
      ["TOTAL_EXPENSES", "Total expenses", "14000.00"],
      ["NET", "Net", "22000.00"],
      ["ARTIST_PAYOUT", "Guarantee (USD 12000.00) plus 85% of adjusted gross above the USD 29900.00 split point (USD 5185.00)", "17185.00"],
      ["PROMOTER_RESULT", "Promoter profit", "4815.00"],
    ]);
    expect(dealFigures(waterfall)).toEqual({ ticketsSold: null, promoterProfit: "3900.00", splitPoint: "29900.00" });
  });

  it("a 70% door deal after expenses on a show that loses $180 pays nothing", () => {
    // Adjusted gross 1,820 − expenses 2,000 = −180: 70% of a loss is 0; the promoter carries the 180.
    const waterfall = settle(
      {
        currency: "USD",
        grossTicketSales: usd("1950.00"),
        deductions: [{ basis: "FLAT", label: "Ticketing fees", amount: usd("130.00") }],
        expenses: [
          { id: "exp-1", category: "VENUE_RENT", description: "Room hire", amount: usd("1200.00") },
          { id: "exp-2", category: "STAFFING", description: "Door and sound", amount: usd("800.00") },
        ],
      },
      { dealType: "DOOR_DEAL_AFTER_EXPENSES", percentage: "70" },
    );

    expect(sheet(waterfall)).toEqual([
      ["GROSS_TICKET_SALES", "Gross ticket sales", "1950.00"],
      ["DEDUCTION", "Ticketing fees", "130.00"],
      ["ADJUSTED_GROSS", "Adjusted gross", "1820.00"],
      ["EXPENSE", "Staffing", "800.00"],
      ["EXPENSE", "Venue rent", "1200.00"],
      ["TOTAL_EXPENSES", "Total expenses", "2000.00"],
      ["NET", "Net", "-180.00"],
      ["ARTIST_PAYOUT", "70% of net after expenses (USD 0.00)", "0.00"],
      ["PROMOTER_RESULT", "Promoter loss", "-180.00"],
    ]);
    expect(totals(waterfall)).toMatchObject({ artistPayouts: "0.00", promoterResult: "-180.00" });
  });
});

describe("computeSettlement: door deals in a small room", () => {
  it("pays the artist 80% of adjusted gross, before expenses", () => {
    // 120 tickets × $15 = 1,800; fees 90; adjusted gross 1,710; door person and sound engineer 250; net 1,460.
    const waterfall = settle(
      {
        currency: "USD",
        grossTicketSales: usd("1800.00"),
        deductions: [{ basis: "FLAT", label: "Ticketing fees", amount: usd("90.00") }],
        expenses: [
          { id: "exp-1", category: "STAFFING", description: "Door and sound engineer", amount: usd("250.00") },
        ],
      },
      { dealType: "DOOR_DEAL", percentage: "80" },
    );

    // Artist 80% × 1,710 = 1,368; promoter 1,460 − 1,368 = 92.
    expect(sheet(waterfall)).toEqual([
      ["GROSS_TICKET_SALES", "Gross ticket sales", "1800.00"],
      ["DEDUCTION", "Ticketing fees", "90.00"],
      ["ADJUSTED_GROSS", "Adjusted gross", "1710.00"],
      ["EXPENSE", "Staffing", "250.00"],
      ["TOTAL_EXPENSES", "Total expenses", "250.00"],
      ["NET", "Net", "1460.00"],
      ["ARTIST_PAYOUT", "80% of adjusted gross (USD 1368.00)", "1368.00"],
      ["PROMOTER_RESULT", "Promoter profit", "92.00"],
    ]);
  });
});

describe("computeSettlement: shows that lose money", () => {
  it("still pays the guarantee when net is negative, and the promoter carries the loss", () => {
    // A soft night: 250 tickets × $35 = 8,750; fees 5% = 437.50; tax 7.5% = 656.25;
    // adjusted gross 8,750 − 437.50 − 656.25 = 7,656.25; same $8,300 of expenses; net 7,656.25 − 8,300 = −643.75.
    const waterfall = settle(
      {
        ...soldOutClubNight,
        grossTicketSales: usd("8750.00"),
        deductions: [
          { basis: "FLAT", label: "Ticketing fees", amount: usd("437.50") },
          { basis: "FLAT", label: "Sales tax", amount: usd("656.25") },
        ],
      },
      { dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: dollars("5000.00"), percentage: "80" },
    );

    // A loss counts as zero net: 80% × 0 = 0 < 5,000, so the artist gets 5,000.
    // Promoter: −643.75 − 5,000 = −5,643.75.
    expect(sheet(waterfall)).toEqual([
      ["GROSS_TICKET_SALES", "Gross ticket sales", "8750.00"],
      ["DEDUCTION", "Ticketing fees", "437.50"],
      ["DEDUCTION", "Sales tax", "656.25"],
      ["ADJUSTED_GROSS", "Adjusted gross", "7656.25"],
      ["EXPENSE", "Production", "3500.00"],
      ["EXPENSE", "Marketing", "1200.00"],
      ["EXPENSE", "Hospitality", "300.00"],
      ["EXPENSE", "Staffing", "800.00"],
      ["EXPENSE", "Venue rent", "2500.00"],
      ["TOTAL_EXPENSES", "Total expenses", "8300.00"],
      ["NET", "Net", "-643.75"],
      ["ARTIST_PAYOUT", "Guarantee (USD 5000.00) exceeds 80% of net (USD 0.00)", "5000.00"],
      ["PROMOTER_RESULT", "Promoter loss", "-5643.75"],
    ]);
    expect(totals(waterfall)).toEqual({
      grossTicketSales: "8750.00",
      deductions: "1093.75",
      adjustedGross: "7656.25",
      totalExpenses: "8300.00",
      net: "-643.75",
      artistPayouts: "5000.00",
      promoterResult: "-5643.75",
    });
  });

  it("door deal on a small gross: the artist is paid off the top even though the night loses money", () => {
    // 40 tickets × $12 = 480; fees 24; adjusted gross 456; staffing 300 + flyers 200 = 500; net 456 − 500 = −44.
    const waterfall = settle(
      {
        currency: "USD",
        grossTicketSales: usd("480.00"),
        deductions: [{ basis: "FLAT", label: "Ticketing fees", amount: usd("24.00") }],
        expenses: [
          { id: "exp-1", category: "STAFFING", description: "Door and sound engineer", amount: usd("300.00") },
          { id: "exp-2", category: "MARKETING", description: "Flyers", amount: usd("200.00") },
        ],
      },
      { dealType: "DOOR_DEAL", percentage: "80" },
    );

    // Artist 80% × 456 = 364.80; promoter −44 − 364.80 = −408.80.
    expect(sheet(waterfall)).toEqual([
      ["GROSS_TICKET_SALES", "Gross ticket sales", "480.00"],
      ["DEDUCTION", "Ticketing fees", "24.00"],
      ["ADJUSTED_GROSS", "Adjusted gross", "456.00"],
      ["EXPENSE", "Marketing", "200.00"],
      ["EXPENSE", "Staffing", "300.00"],
      ["TOTAL_EXPENSES", "Total expenses", "500.00"],
      ["NET", "Net", "-44.00"],
      ["ARTIST_PAYOUT", "80% of adjusted gross (USD 364.80)", "364.80"],
      ["PROMOTER_RESULT", "Promoter loss", "-408.80"],
    ]);
  });
});

describe("computeSettlement: rounding", () => {
  it("rounds a share worth a fraction of a cent half up, on the payout line only", () => {
    // 100 tickets × $13 = 1,300; fees 65.50; adjusted gross 1,234.50; no expenses, so net 1,234.50.
    const waterfall = settle(
      {
        currency: "USD",
        grossTicketSales: usd("1300.00"),
        deductions: [{ basis: "FLAT", label: "Ticketing fees", amount: usd("65.50") }],
        expenses: [],
      },
      { dealType: "DOOR_DEAL", percentage: "85" },
    );

    // 85% × 1,234.50 = 1,049.325 → 1,049.33 (banker's rounding would say 1,049.32).
    // Promoter 1,234.50 − 1,049.33 = 185.17, and the two lines add back to net exactly.
    expect(sheet(waterfall)).toEqual([
      ["GROSS_TICKET_SALES", "Gross ticket sales", "1300.00"],
      ["DEDUCTION", "Ticketing fees", "65.50"],
      ["ADJUSTED_GROSS", "Adjusted gross", "1234.50"],
      ["TOTAL_EXPENSES", "Total expenses", "0.00"],
      ["NET", "Net", "1234.50"],
      ["ARTIST_PAYOUT", "85% of adjusted gross (USD 1049.33)", "1049.33"],
      ["PROMOTER_RESULT", "Promoter profit", "185.17"],
    ]);
  });

  it("settles a Tokyo show in whole yen", () => {
    // 500 tickets × ¥6,800 = ¥3,400,000; ticketing fees 5% = ¥170,000;
    // consumption tax included in the price: 3,400,000 × 10/110 = 309,090.9… → ¥309,091.
    // Adjusted gross 3,400,000 − 170,000 − 309,091 = ¥2,920,909.
    // Expenses: PA and lighting ¥450,000; hall rental ¥600,000 → ¥1,050,000; net ¥1,870,909.
    const waterfall = settle(
      {
        currency: "JPY",
        grossTicketSales: jpy("3400000"),
        deductions: [
          { basis: "FLAT", label: "Ticketing fees", amount: jpy("170000") },
          { basis: "FLAT", label: "Consumption tax", amount: jpy("309091") },
        ],
        expenses: [
          { id: "exp-1", category: "VENUE_RENT", description: "Hall rental", amount: jpy("600000") },
          { id: "exp-2", category: "PRODUCTION", description: "PA and lighting", amount: jpy("450000") },
        ],
      },
      { dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: { amount: "1000000", currency: "JPY" }, percentage: "85" },
    );

    // 85% × 1,870,909 = 1,590,272.65 → ¥1,590,273 > ¥1,000,000; promoter 1,870,909 − 1,590,273 = ¥280,636.
    expect(sheet(waterfall)).toEqual([
      ["GROSS_TICKET_SALES", "Gross ticket sales", "3400000"],
      ["DEDUCTION", "Ticketing fees", "170000"],
      ["DEDUCTION", "Consumption tax", "309091"],
      ["ADJUSTED_GROSS", "Adjusted gross", "2920909"],
      ["EXPENSE", "Production", "450000"],
      ["EXPENSE", "Venue rent", "600000"],
      ["TOTAL_EXPENSES", "Total expenses", "1050000"],
      ["NET", "Net", "1870909"],
      ["ARTIST_PAYOUT", "85% of net (JPY 1590273) exceeds guarantee (JPY 1000000)", "1590273"],
      ["PROMOTER_RESULT", "Promoter profit", "280636"],
    ]);
  });
});

describe("computeSettlement: refused input", () => {
  const flatFiveThousand: DealTermsInput = { dealType: "FLAT_GUARANTEE", guarantee: dollars("5000.00") };

  it("refuses an expense in another currency, naming the expense", () => {
    const show = {
      ...soldOutClubNight,
      expenses: [
        ...soldOutClubNight.expenses,
        { id: "exp-9", category: "TRAVEL" as const, description: "Tour bus fuel", amount: parseMoney("400.00", "EUR") },
      ],
    };

    expect(() => settle(show, flatFiveThousand)).toThrow(
      expect.objectContaining({
        name: "CurrencyMismatchError",
        reason: "CURRENCY_MISMATCH",
        expectedCurrency: "USD",
        actualCurrency: "EUR",
        item: 'Expense "exp-9" (Tour bus fuel)',
        message: 'Expense "exp-9" (Tour bus fuel) is in EUR but USD was expected',
      }),
    );
  });

  it("refuses gross, a deduction or the deal's money in another currency, naming each", () => {
    const canadian = parseMoney("100.00", "CAD");
    const namesItem = (item: string) => expect.objectContaining({ name: "CurrencyMismatchError", item });

    expect(() =>
      settle({ ...soldOutClubNight, grossTicketSales: parseMoney("28000.00", "EUR") }, flatFiveThousand),
    ).toThrow(namesItem("Gross ticket sales"));
    expect(() =>
      settle({ ...soldOutClubNight, deductions: [{ basis: "FLAT", label: "Facility fee", amount: canadian }] }, flatFiveThousand),
    ).toThrow(namesItem('Deduction "Facility fee"'));
    expect(() => settle(soldOutClubNight, { dealType: "FLAT_GUARANTEE", guarantee: { amount: "100.00", currency: "CAD" } }, "CAD")).toThrow(
      expect.objectContaining({ name: "CurrencyMismatchError", item: "The deal", message: "The deal is in CAD but USD was expected" }),
    );
  });

  it("refuses a settlement currency that is not ISO 4217", () => {
    expect(() => settle({ ...soldOutClubNight, currency: "XYZ" }, flatFiveThousand, "USD")).toThrow(
      expect.objectContaining({ reason: "UNSUPPORTED_CURRENCY", currency: "XYZ" }),
    );
  });

  it("refuses negative figures, which the waterfall signs itself", () => {
    const show = {
      ...soldOutClubNight,
      expenses: [{ id: "exp-7", category: "OTHER" as const, description: "Refund", amount: usd("-50.00") }],
    };

    expect(() => settle(show, flatFiveThousand)).toThrow(
      expect.objectContaining({
        name: "InvalidSettlementInputError",
        reason: "INVALID_SETTLEMENT_INPUT",
        message: 'Expense "exp-7" (Refund) cannot be negative',
      }),
    );
  });
});

describe("computeSettlement: a whole bill", () => {
  /**
   * The issue's show (#10): adjusted gross 26,500, expenses 12,000, net 14,500. Settled act by act,
   * a headliner on $10,000 vs 85% of net and a support on $1,000 vs 20% of net were paid
   * 12,325 + 2,900 = 15,225, more than the net, and each sheet showed a promoter profit.
   */
  const issueShow: Show = {
    currency: "USD",
    grossTicketSales: usd("26500.00"),
    deductions: [],
    expenses: [
      { id: "exp-1", category: "PRODUCTION", description: "Production", amount: usd("7000.00") },
      { id: "exp-2", category: "VENUE_RENT", description: "Room hire", amount: usd("5000.00") },
    ],
  };
  const headliner = { artistId: "headliner", dealTerms: parseDealTerms({ dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: dollars("10000.00"), percentage: "85" }, "USD") };
  const support = { artistId: "support", dealTerms: parseDealTerms({ dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: dollars("1000.00"), percentage: "20" }, "USD") };
  const settleBill = (show: Show, bill: SettlementInput["bill"]) => computeSettlement({ ...show, ticketsSold: show.ticketsSold ?? null, bill });
  const actFigures = (waterfall: SettlementWaterfall) =>
    waterfall.acts.map((act) => ({
      artistId: act.artistId,
      billingPosition: act.billingPosition,
      payout: formatMoney(act.payout),
      dealAmount: formatMoney(act.dealAmount),
      bonuses: formatMoney(act.bonuses),
      expensesCounted: act.expensesCounted && formatMoney(act.expensesCounted),
      promoterProfit: act.promoterProfit && formatMoney(act.promoterProfit),
      splitPoint: act.splitPoint && formatMoney(act.splitPoint),
    }));

  it("pays the support first and counts its payout as a cost before the headliner's percentage", () => {
    const waterfall = settleBill(issueShow, [headliner, support]);

    // Support: 20% × 14,500 = 2,900 > 1,000. Headliner: 85% × (14,500 − 2,900 = 11,600) = 9,860 < 10,000, so 10,000.
    // Payouts 12,900 ≤ net 14,500; the promoter keeps 1,600, shown once.
    expect(sheet(waterfall)).toEqual([
      ["GROSS_TICKET_SALES", "Gross ticket sales", "26500.00"],
      ["ADJUSTED_GROSS", "Adjusted gross", "26500.00"],
      ["EXPENSE", "Production", "7000.00"],
      ["EXPENSE", "Venue rent", "5000.00"],
      ["TOTAL_EXPENSES", "Total expenses", "12000.00"],
      ["NET", "Net", "14500.00"],
      ["ARTIST_PAYOUT", "Act 2 of 2: 20% of net (USD 2900.00) exceeds guarantee (USD 1000.00)", "2900.00"],
      ["ARTIST_PAYOUT", "Act 1 of 2: Guarantee (USD 10000.00) exceeds 85% of net (USD 9860.00)", "10000.00"],
      ["PROMOTER_RESULT", "Promoter profit", "1600.00"],
    ]);
    expect(totals(waterfall)).toMatchObject({ net: "14500.00", artistPayouts: "12900.00", promoterResult: "1600.00" });
    expect(actFigures(waterfall)).toEqual([
      { artistId: "headliner", billingPosition: 0, payout: "10000.00", dealAmount: "10000.00", bonuses: "0.00", expensesCounted: "14900.00", promoterProfit: null, splitPoint: null },
      { artistId: "support", billingPosition: 1, payout: "2900.00", dealAmount: "2900.00", bonuses: "0.00", expensesCounted: "12000.00", promoterProfit: null, splitPoint: null },
    ]);
    expect(waterfall.lines.filter((line) => line.kind === "PROMOTER_RESULT")).toHaveLength(1);
  });

  it("gives a one-act bill exactly the single artist's figures", () => {
    const waterfall = settleBill(issueShow, [headliner]);
    // 85% × 14,500 = 12,325 > 10,000; promoter 2,175.
    expect(sheet(waterfall).slice(-2)).toEqual([
      ["ARTIST_PAYOUT", "85% of net (USD 12325.00) exceeds guarantee (USD 10000.00)", "12325.00"],
      ["PROMOTER_RESULT", "Promoter profit", "2175.00"],
    ]);
    expect(actFigures(waterfall)).toEqual([
      { artistId: "headliner", billingPosition: 0, payout: "12325.00", dealAmount: "12325.00", bonuses: "0.00", expensesCounted: "12000.00", promoterProfit: null, splitPoint: null },
    ]);
  });

  it("counts each act's bonuses among the costs of every act above it, and prints them under their act", () => {
    // Three acts, 1,000 paid tickets. The opener: flat 500 + a 250 bonus at 800 tickets = 750.
    // The support: door deal after expenses, 10% of (26,500 − (12,000 + 750) = 13,750) = 1,375.
    // The headliner: 10,000 plus 85% above the split point, promoter profit 10% of its costs:
    //   costs 12,000 + 750 + 1,375 + 10,000 = 24,125; promoter profit 2,412.50; split point 26,537.50 > 26,500: 10,000 only.
    // Payouts 750 + 1,375 + 10,000 = 12,125; promoter 14,500 − 12,125 = 2,375.
    const opener = { artistId: "opener", dealTerms: parseDealTerms({ dealType: "FLAT_GUARANTEE", guarantee: dollars("500.00"), ticketBonuses: [{ ticketsSold: 800, bonus: dollars("250.00") }] }, "USD") };
    const doorSupport = { artistId: "support", dealTerms: parseDealTerms({ dealType: "DOOR_DEAL_AFTER_EXPENSES", percentage: "10" }, "USD") };
    const plusHeadliner = {
      artistId: "headliner",
      dealTerms: parseDealTerms({ dealType: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", guarantee: dollars("10000.00"), percentage: "85", promoterProfit: { percentageOfExpenses: "10" } }, "USD"),
    };
    const waterfall = settleBill({ ...issueShow, ticketsSold: 1000 }, [plusHeadliner, doorSupport, opener]);

    expect(sheet(waterfall).slice(-5)).toEqual([
      ["ARTIST_PAYOUT", "Act 3 of 3: Flat guarantee (USD 500.00)", "500.00"],
      ["ARTIST_BONUS", "Act 3 of 3: Bonus at 800 paid tickets", "250.00"],
      ["ARTIST_PAYOUT", "Act 2 of 3: 10% of net after expenses (USD 1375.00)", "1375.00"],
      ["ARTIST_PAYOUT", "Act 1 of 3: Guarantee (USD 10000.00) only: adjusted gross (USD 26500.00) does not exceed the USD 26537.50 split point", "10000.00"],
      ["PROMOTER_RESULT", "Promoter profit", "2375.00"],
    ]);
    expect(totals(waterfall)).toMatchObject({ artistPayouts: "12125.00", promoterResult: "2375.00" });
    expect(waterfall.ticketsSold).toBe(1000);
    expect(actFigures(waterfall)).toEqual([
      { artistId: "headliner", billingPosition: 0, payout: "10000.00", dealAmount: "10000.00", bonuses: "0.00", expensesCounted: "14125.00", promoterProfit: "2412.50", splitPoint: "26537.50" },
      { artistId: "support", billingPosition: 1, payout: "1375.00", dealAmount: "1375.00", bonuses: "0.00", expensesCounted: "12750.00", promoterProfit: null, splitPoint: null },
      { artistId: "opener", billingPosition: 2, payout: "750.00", dealAmount: "500.00", bonuses: "250.00", expensesCounted: null, promoterProfit: null, splitPoint: null },
    ]);
  });

  it("withholds the artist's tax from the act whose deal has a rate, without moving the sheet", () => {
    // Support first: 20% × 14,500 = 2,900, nothing withheld. Headliner: 85% × (26,500 − 12,000 − 2,900 = 11,600) = 9,860,
    // below the 10,000 guarantee; 30% withheld = 3,000, net payable 7,000. Payouts 12,900; promoter 14,500 − 12,900 = 1,600.
    const withheld = { ...headliner, dealTerms: parseDealTerms({ dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: dollars("10000.00"), percentage: "85", withholdingRate: "30", deposit: dollars("2500.00") }, "USD") };
    const waterfall = settleBill(issueShow, [withheld, support]);
    expect(waterfall.acts.map((act) => [act.artistId, formatMoney(act.payout), formatMoney(act.withholding), formatMoney(act.netPayable)])).toEqual([
      ["headliner", "10000.00", "3000.00", "7000.00"],
      ["support", "2900.00", "0.00", "2900.00"],
    ]);
    expect(sheet(waterfall)).toEqual(sheet(settleBill(issueShow, [headliner, support])));
    expect([formatMoney(waterfall.artistPayouts), formatMoney(waterfall.promoterResult)]).toEqual(["12900.00", "1600.00"]);
  });

  it("refuses an empty bill, more than 20 acts, and an artist listed twice", () => {
    expect(() => settleBill(issueShow, [])).toThrow(expect.objectContaining({ reason: "INVALID_SETTLEMENT_INPUT", message: "The bill must list 1 to 20 acts (got 0)" }));
    const many = Array.from({ length: 21 }, (_, index) => ({ ...support, artistId: `act-${index}` }));
    expect(() => settleBill(issueShow, many)).toThrow(expect.objectContaining({ message: "The bill must list 1 to 20 acts (got 21)" }));
    expect(() => settleBill(issueShow, [headliner, support, { ...support }])).toThrow(
      expect.objectContaining({ message: 'Artist "support" is on the bill twice (again at billing position 2); list each artist once' }),
    );
  });
});

describe("computeSettlement: buyouts and reimbursements", () => {
  // The issue's show: adjusted gross 26,500, the event's expenses 12,000 (production 7,000, venue rent 5,000).
  const show: Show = {
    currency: "USD",
    grossTicketSales: usd("26500.00"),
    deductions: [],
    expenses: [
      { id: "exp-1", category: "PRODUCTION", description: "Production", amount: usd("7000.00") },
      { id: "exp-2", category: "VENUE_RENT", description: "Room hire", amount: usd("5000.00") },
    ],
  };
  const settleBill = (bill: SettlementInput["bill"]) => computeSettlement({ ...show, ticketsSold: null, bill });
  const owed = (waterfall: SettlementWaterfall) =>
    waterfall.acts.map((act) => ({
      artistId: act.artistId,
      payout: formatMoney(act.payout),
      expensesCounted: act.expensesCounted && formatMoney(act.expensesCounted),
      withholding: formatMoney(act.withholding),
      buyouts: formatMoney(act.buyouts),
      reimbursements: formatMoney(act.reimbursements),
      netPayable: formatMoney(act.netPayable),
    }));

  it("counts them among the expenses before the percentage, pays them on top of the payout, and withholds nothing of them", () => {
    // $10,000 vs 85% of net, no promoter profit, a $500 catering buyout, a $420 backline reimbursement, 30% withheld.
    // Expenses 12,000 + 500 + 420 = 12,920; net 26,500 − 12,920 = 13,580; 85% × 13,580 = 11,543 > 10,000: payout 11,543.00.
    // Withholding 30% × 11,543 = 3,462.90; net payable 11,543 − 3,462.90 + 500 + 420 = 9,000.10.
    // Promoter: net − payouts = 13,580 − 11,543 = 2,037.00 (the 920 came off once, as expenses):
    // in cash, 26,500 − 12,000 − (11,543 + 920) = 2,037.
    const waterfall = settleBill([
      {
        artistId: "headliner",
        dealTerms: parseDealTerms(
          { dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: dollars("10000"), percentage: "85", withholdingRate: "30", buyouts: [{ label: "Catering buyout", amount: dollars("500") }] },
          "USD",
        ),
        reimbursements: [{ label: "Backline rental", amount: usd("420") }],
      },
    ]);
    expect(sheet(waterfall)).toEqual([
      ["GROSS_TICKET_SALES", "Gross ticket sales", "26500.00"],
      ["ADJUSTED_GROSS", "Adjusted gross", "26500.00"],
      ["EXPENSE", "Production", "7000.00"],
      ["EXPENSE", "Venue rent", "5000.00"],
      ["EXPENSE", "Buyout: Catering buyout", "500.00"],
      ["EXPENSE", "Reimbursement: Backline rental", "420.00"],
      ["TOTAL_EXPENSES", "Total expenses", "12920.00"],
      ["NET", "Net", "13580.00"],
      ["ARTIST_PAYOUT", "85% of net (USD 11543.00) exceeds guarantee (USD 10000.00)", "11543.00"],
      ["PROMOTER_RESULT", "Promoter profit", "2037.00"],
    ]);
    expect(totals(waterfall)).toMatchObject({ totalExpenses: "12920.00", net: "13580.00", artistPayouts: "11543.00", promoterResult: "2037.00" });
    expect(owed(waterfall)).toEqual([
      { artistId: "headliner", payout: "11543.00", expensesCounted: "12920.00", withholding: "3462.90", buyouts: "500.00", reimbursements: "420.00", netPayable: "9000.10" },
    ]);
    expect(waterfall.artistSheet.promoterResult).toEqual(waterfall.promoterResult);
  });

  it("on a whole bill, counts every act's buyouts and reimbursements for every deal, each line naming its act", () => {
    // Expenses 12,000 + 500 (headliner's catering) + 300 (support's hotel) + 200 (support's fuel) = 13,000; net 13,500.
    // Support: 20% × 13,500 = 2,700 > 1,000. Headliner: 85% × (26,500 − (13,000 + 2,700) = 10,800) = 9,180 < 10,000: 10,000.
    // Payouts 12,700; promoter 13,500 − 12,700 = 800. Net payables: 10,000 + 500 = 10,500; 2,700 + 300 + 200 = 3,200.
    // In cash: 26,500 − 12,000 − 10,500 − 3,200 = 800.
    const waterfall = settleBill([
      {
        artistId: "headliner",
        dealTerms: parseDealTerms({ dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: dollars("10000"), percentage: "85", buyouts: [{ label: "Catering buyout", amount: dollars("500") }] }, "USD"),
      },
      {
        artistId: "support",
        dealTerms: parseDealTerms({ dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: dollars("1000"), percentage: "20", buyouts: [{ label: "Hotel buyout", amount: dollars("300") }] }, "USD"),
        reimbursements: [{ label: "Van fuel", amount: usd("200") }],
      },
    ]);
    expect(sheet(waterfall).slice(2)).toEqual([
      ["EXPENSE", "Production", "7000.00"],
      ["EXPENSE", "Venue rent", "5000.00"],
      ["EXPENSE", "Act 1 of 2: Buyout: Catering buyout", "500.00"],
      ["EXPENSE", "Act 2 of 2: Buyout: Hotel buyout", "300.00"],
      ["EXPENSE", "Act 2 of 2: Reimbursement: Van fuel", "200.00"],
      ["TOTAL_EXPENSES", "Total expenses", "13000.00"],
      ["NET", "Net", "13500.00"],
      ["ARTIST_PAYOUT", "Act 2 of 2: 20% of net (USD 2700.00) exceeds guarantee (USD 1000.00)", "2700.00"],
      ["ARTIST_PAYOUT", "Act 1 of 2: Guarantee (USD 10000.00) exceeds 85% of net (USD 9180.00)", "10000.00"],
      ["PROMOTER_RESULT", "Promoter profit", "800.00"],
    ]);
    expect(owed(waterfall)).toEqual([
      { artistId: "headliner", payout: "10000.00", expensesCounted: "15700.00", withholding: "0.00", buyouts: "500.00", reimbursements: "0.00", netPayable: "10500.00" },
      { artistId: "support", payout: "2700.00", expensesCounted: "13000.00", withholding: "0.00", buyouts: "300.00", reimbursements: "200.00", netPayable: "3200.00" },
    ]);
  });

  it("leaves a flat guarantee's payout alone and takes the buyout off the promoter's result once", () => {
    // $8,000 flat with a $300 hotel buyout: net 26,500 − 12,300 = 14,200; payout 8,000; promoter 14,200 − 8,000 = 6,200;
    // the artist receives 8,000 + 300 = 8,300.
    const waterfall = settleBill([{ artistId: "headliner", dealTerms: parseDealTerms({ dealType: "FLAT_GUARANTEE", guarantee: dollars("8000"), buyouts: [{ label: "Hotel buyout", amount: dollars("300") }] }, "USD") }]);
    expect(totals(waterfall)).toMatchObject({ totalExpenses: "12300.00", net: "14200.00", artistPayouts: "8000.00", promoterResult: "6200.00" });
    expect(owed(waterfall)).toEqual([{ artistId: "headliner", payout: "8000.00", expensesCounted: null, withholding: "0.00", buyouts: "300.00", reimbursements: "0.00", netPayable: "8300.00" }]);
  });

  it("refuses a reimbursement in another currency or of zero, naming it", () => {
    const flat = parseDealTerms({ dealType: "FLAT_GUARANTEE", guarantee: dollars("8000") }, "USD");
    expect(() => settleBill([{ artistId: "headliner", dealTerms: flat, reimbursements: [{ label: "Backline rental", amount: parseMoney("420", "EUR") }] }])).toThrow(
      expect.objectContaining({ reason: "CURRENCY_MISMATCH", message: 'Reimbursement "Backline rental" is in EUR but USD was expected' }),
    );
    expect(() => settleBill([{ artistId: "headliner", dealTerms: flat, reimbursements: [{ label: "Backline rental", amount: usd("0") }] }])).toThrow(
      expect.objectContaining({ reason: "INVALID_SETTLEMENT_INPUT" }),
    );
  });
});

describe("computeSettlement: expenses on the artist's sheet or house only", () => {
  /**
   * The issue's two-act show (#10): adjusted gross 26,500, artist-sheet expenses 12,000, net 14,500; the headliner on
   * $10,000 vs 85% of net, the support on $1,000 vs 20% of net; plus 800 of house-only costs (the promoter's own
   * box-office staff) that no deal counts.
   */
  const bill = [
    { artistId: "headliner", dealTerms: parseDealTerms({ dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: dollars("10000.00"), percentage: "85" }, "USD") },
    { artistId: "support", dealTerms: parseDealTerms({ dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: dollars("1000.00"), percentage: "20" }, "USD") },
  ];
  const expenses: SettlementInput["expenses"] = [
    { id: "exp-1", category: "PRODUCTION", description: "Production", amount: usd("7000.00") },
    { id: "exp-2", category: "VENUE_RENT", description: "Room hire", amount: usd("5000.00"), sheet: "ARTIST_SHEET" },
    { id: "exp-3", category: "STAFFING", description: "House box office", amount: usd("800.00"), sheet: "HOUSE_ONLY" },
  ];
  const waterfall = computeSettlement({ bill, currency: "USD", grossTicketSales: usd("26500.00"), deductions: [], expenses, ticketsSold: null });

  it("pays every act from the artist-sheet expenses only, and takes the house-only ones off the promoter's books after them", () => {
    // Support 20% × 14,500 = 2,900; headliner 85% × (14,500 − 2,900 = 11,600) = 9,860 < 10,000 → 10,000.
    // Artist's sheet: 14,500 − 12,900 = 1,600. Promoter's books: 1,600 − 800 = 800.
    expect(sheet(waterfall).slice(-6)).toEqual([
      ["NET", "Net", "14500.00"],
      ["ARTIST_PAYOUT", "Act 2 of 2: 20% of net (USD 2900.00) exceeds guarantee (USD 1000.00)", "2900.00"],
      ["ARTIST_PAYOUT", "Act 1 of 2: Guarantee (USD 10000.00) exceeds 85% of net (USD 9860.00)", "10000.00"],
      ["HOUSE_EXPENSE", "Staffing (house only)", "800.00"],
      ["TOTAL_HOUSE_EXPENSES", "Total house-only expenses", "800.00"],
      ["PROMOTER_RESULT", "Promoter profit", "800.00"],
    ]);
    expect({ ...totals(waterfall), houseExpenses: formatMoney(waterfall.houseExpenses) }).toEqual({
      grossTicketSales: "26500.00",
      deductions: "0.00",
      adjustedGross: "26500.00",
      totalExpenses: "12000.00",
      net: "14500.00",
      artistPayouts: "12900.00",
      promoterResult: "800.00",
      houseExpenses: "800.00",
    });
    // The headliner counted the event's artist-sheet expenses and the support's payout: 12,000 + 2,900; not the 800.
    expect(waterfall.acts.map((act) => act.expensesCounted && formatMoney(act.expensesCounted))).toEqual(["14900.00", "12000.00"]);
  });

  it("shows the artist the same sheet without the house-only lines, its result before them", () => {
    const artistLines = waterfall.artistSheet.lines.map((line) => [line.kind, line.label, formatMoney(line.amount)]);
    expect(artistLines).toEqual([...sheet(waterfall).filter(([kind]) => kind !== "HOUSE_EXPENSE" && kind !== "TOTAL_HOUSE_EXPENSES").slice(0, -1), ["PROMOTER_RESULT", "Promoter profit", "1600.00"]]);
    expect(formatMoney(waterfall.artistSheet.promoterResult)).toBe("1600.00");
  });

  it("prints the promoter's books as a loss when the house-only expenses pass the artist's sheet's result", () => {
    const costly = computeSettlement({
      bill,
      currency: "USD",
      grossTicketSales: usd("26500.00"),
      deductions: [],
      expenses: [...expenses, { id: "exp-4", category: "OTHER", description: "Office recharge", amount: usd("1000.00"), sheet: "HOUSE_ONLY" }],
      ticketsSold: null,
    });
    // 1,600 − (800 + 1,000) = −200 on the books; the artist's sheet still shows 1,600.
    expect([sheet(costly).at(-1), formatMoney(costly.artistSheet.promoterResult)]).toEqual([["PROMOTER_RESULT", "Promoter loss", "-200.00"], "1600.00"]);
  });
});
