// Ticket tiers' rules and figures, with hand-computed values.
import { describe, expect, it } from "vitest";
import {
  changedTicketTiers,
  checkTicketTiers,
  grossPotentialOf,
  grossSalesOf,
  legacyTiers,
  newEventTiers,
  ticketTierReplacement,
  ticketTotalsOf,
  availableOf,
  type StoredTicketTier,
  type TicketTierDetails,
} from "../src/domain/ticket-tiers.ts";
import type { Checked } from "../src/domain/checked.ts";

const eur = (amount: string) => ({ amount, currency: "EUR" });
const tier = (name: string, price: string, allocation: number, counts: Partial<Pick<TicketTierDetails, "kills" | "comps" | "sold">> = {}): TicketTierDetails => ({
  name,
  price: eur(price),
  allocation,
  kills: counts.kills ?? 0,
  comps: counts.comps ?? 0,
  sold: counts.sold ?? 0,
});

// The example the end-to-end test also uses:
//   General admission  35.00 × allocation 1000, kills  0, comps 20, sold 640
//   Balcony            48.50 × allocation  300, kills 12, comps  8, sold 150
//   VIP               120.00 × allocation   60, kills  4, comps  6, sold  25
const threeTiers = [
  tier("General admission", "35.00", 1000, { comps: 20, sold: 640 }),
  tier("Balcony", "48.50", 300, { kills: 12, comps: 8, sold: 150 }),
  tier("VIP", "120.00", 60, { kills: 4, comps: 6, sold: 25 }),
];
const priced = (tiers: readonly TicketTierDetails[]) => tiers.map((each) => ({ ...each, price: each.price.amount }));

const problemsOf = <T,>(checked: Checked<T>) => (checked.ok ? [] : checked.problems);

describe("a tier's figures", () => {
  it("are exact: available, gross potential and gross sales of each tier", () => {
    // available = allocation − kills − comps − sold: 1000 − 0 − 20 − 640 = 340; 300 − 12 − 8 − 150 = 130; 60 − 4 − 6 − 25 = 25.
    expect(threeTiers.map(availableOf)).toEqual([340, 130, 25]);
    // gross potential = price × (allocation − kills − comps): 35.00 × 980 = 34300; 48.50 × 280 = 13580; 120.00 × 50 = 6000.
    expect(priced(threeTiers).map((each) => grossPotentialOf(each).toFixed(2))).toEqual(["34300.00", "13580.00", "6000.00"]);
    // gross sales = price × sold: 35.00 × 640 = 22400; 48.50 × 150 = 7275; 120.00 × 25 = 3000.
    expect(priced(threeTiers).map((each) => grossSalesOf(each).toFixed(2))).toEqual(["22400.00", "7275.00", "3000.00"]);
  });

  it("add up for the event, with sell-through against what can be sold", () => {
    const totals = ticketTotalsOf(priced(threeTiers));
    // 34300 + 13580 + 6000 = 53880; 22400 + 7275 + 3000 = 32675.
    expect([totals.grossPotential.toFixed(2), totals.grossSales.toFixed(2)]).toEqual(["53880.00", "32675.00"]);
    // Sold 640 + 150 + 25 = 815 of sellable 980 + 280 + 50 = 1310: 62.2137…% → 62.21.
    expect(totals.sellThrough).toBe("62.21");
  });

  it("round sell-through half up, and answer 0.00 when nothing can be sold", () => {
    // 1 of 32 = 3.125% → 3.13 (half up, not half to even); 2 of 3 = 66.666…% → 66.67; all sold → 100.00.
    expect(ticketTotalsOf(priced([tier("A", "10", 32, { sold: 1 })])).sellThrough).toBe("3.13");
    expect(ticketTotalsOf(priced([tier("A", "10", 3, { sold: 2 })])).sellThrough).toBe("66.67");
    expect(ticketTotalsOf(priced([tier("A", "10", 10, { kills: 2, comps: 3, sold: 5 })])).sellThrough).toBe("100.00");
    expect(ticketTotalsOf(priced([tier("Guest list", "0", 50, { comps: 50 })])).sellThrough).toBe("0.00");
    expect(ticketTotalsOf([])).toMatchObject({ sellThrough: "0.00" });
  });

  it("stay exact where a float would not: 0.10 × 3 and prices near numeric(19,4)'s limit times a million tickets", () => {
    expect(grossSalesOf({ price: "0.10", allocation: 3, kills: 0, comps: 0, sold: 3 }).toFixed(2)).toBe("0.30");
    const biggest = { price: "999999999999999.9999", allocation: 1_000_000, kills: 0, comps: 0, sold: 1_000_000 };
    expect(grossPotentialOf(biggest).toFixed(4)).toBe("999999999999999999900.0000");
    expect(ticketTotalsOf(Array(20).fill(biggest)).grossSales.toFixed(4)).toBe("19999999999999999998000.0000");
  });
});

describe("a set of tiers", () => {
  it("is accepted with names trimmed", () => {
    expect(checkTicketTiers([{ ...threeTiers[0]!, name: "  General admission " }, ...threeTiers.slice(1)])).toEqual({ ok: true, value: threeTiers });
  });

  it("holds 1 to 20 tiers with distinct names, in one currency", () => {
    expect(problemsOf(checkTicketTiers([]))).toEqual(["ticketTiers must hold 1 to 20 tiers (got 0)."]);
    expect(problemsOf(checkTicketTiers(Array.from({ length: 21 }, (_, index) => tier(`Tier ${index}`, "10", 1))))).toEqual(["ticketTiers must hold 1 to 20 tiers (got 21)."]);
    expect(problemsOf(checkTicketTiers([tier("VIP", "90", 10), tier(" VIP ", "95", 10), tier("Floor", "40", 10)]))).toEqual(['ticketTiers must have distinct names; more than once: "VIP".']);
    expect(problemsOf(checkTicketTiers([tier("Floor", "40", 10), { ...tier("VIP", "90", 10), price: { amount: "90", currency: "USD" } }]))).toEqual([
      "ticketTiers must all be priced in one currency, the event's (got EUR, USD).",
    ]);
  });

  it("keeps each tier's kills, comps and sold within its allocation, and names the tier", () => {
    expect(problemsOf(checkTicketTiers([tier("Floor", "40", 100, { kills: 10, comps: 5, sold: 90 })]))).toEqual([
      'ticketTiers[0] ("Floor"): kills (10), comps (5) and sold (90) add up to 105, more than its allocation (100).',
    ]);
    expect(problemsOf(checkTicketTiers([tier("Floor", "40", 100, { kills: 10, comps: 5, sold: 85 })]))).toEqual([]);
  });

  it("refuses counts that are negative or not whole, an allocation over 1,000,000, and bad prices, naming the field", () => {
    expect(
      problemsOf(
        checkTicketTiers([
          tier("Floor", "-1", -5),
          { ...tier("", "12.505", 1_000_001, { kills: 1.5, comps: -1, sold: -2 }) },
          { ...tier("Box", "4500.5", 10), price: { amount: "4500.5", currency: "JPY" } },
        ]),
      ),
    ).toEqual([
      "ticketTiers[0].price must not be negative (got -1).",
      "ticketTiers[0].allocation must be a whole number from 0 to 1000000 (got -5).",
      "ticketTiers[1].name must not be empty.",
      "ticketTiers[1].price 12.505 EUR has more decimals than EUR allows (2).",
      "ticketTiers[1].allocation must be a whole number from 0 to 1000000 (got 1000001).",
      "ticketTiers[1].kills must be a whole number, 0 or more (got 1.5).",
      "ticketTiers[1].comps must be a whole number, 0 or more (got -1).",
      "ticketTiers[1].sold must be a whole number, 0 or more (got -2).",
      "ticketTiers[2].price 4500.5 JPY has more decimals than JPY allows (0).",
      "ticketTiers must all be priced in one currency, the event's (got EUR, JPY).",
    ]);
  });

  it("fits an event's capacity: allocations minus kills add up to at most 1,000,000", () => {
    expect(problemsOf(checkTicketTiers([tier("Field", "80", 1_000_000, { kills: 1 }), tier("Stand", "90", 1)]))).toEqual([]);
    expect(problemsOf(checkTicketTiers([tier("Field", "80", 1_000_000), tier("Stand", "90", 1)]))).toEqual([
      "ticketTiers add up to a capacity of 1000001 (allocation minus kills, over all tiers); an event holds at most 1000000.",
    ]);
  });
});

describe("a new event's tickets", () => {
  it("are its tiers", () => {
    expect(newEventTiers({ ticketTiers: threeTiers })).toEqual({ ok: true, value: threeTiers });
  });

  it("or, from capacity and ticketPrice, one General admission tier", () => {
    expect(newEventTiers({ capacity: 800, ticketsSold: 612, ticketPrice: eur("45.00") })).toEqual({
      ok: true,
      value: [tier("General admission", "45.00", 800, { sold: 612 })],
    });
    expect(newEventTiers({ capacity: 0, ticketPrice: eur("0") })).toEqual({ ok: true, value: [tier("General admission", "0", 0)] });
  });

  it("checks the shortcut in its own words, every problem at once", () => {
    expect(problemsOf(newEventTiers({ capacity: 800, ticketsSold: 801, ticketPrice: eur("45.00") }))).toEqual(["ticketsSold (801) must not exceed capacity (800)."]);
    expect(problemsOf(newEventTiers({ capacity: 2 ** 31 - 1, ticketPrice: eur("45.00") }))).toEqual(["capacity must be a whole number from 0 to 1000000 (got 2147483647)."]);
    expect(problemsOf(newEventTiers({ capacity: 1_000_000, ticketsSold: 1_000_000, ticketPrice: eur("1") }))).toEqual([]);
    expect(problemsOf(newEventTiers({ capacity: -1, ticketsSold: -3, ticketPrice: { amount: "12.505", currency: "USD" } }))).toEqual([
      "capacity must be a whole number from 0 to 1000000 (got -1).",
      "ticketsSold must be a whole number, 0 or more (got -3).",
      "ticketPrice 12.505 USD has more decimals than USD allows (2).",
    ]);
    expect(problemsOf(newEventTiers({ capacity: 10, ticketPrice: { amount: "-1.00", currency: "USD" } }))).toEqual(["ticketPrice must not be negative (got -1.00)."]);
    expect(problemsOf(newEventTiers({ capacity: 10, ticketPrice: { amount: "12.500", currency: "KWD" } }))).toEqual([]);
  });

  it("are given one way: tiers, or capacity and ticketPrice, naming the fields otherwise", () => {
    expect(problemsOf(newEventTiers({ ticketTiers: threeTiers, capacity: 800, ticketPrice: eur("45.00") }))).toEqual([
      "Give the tickets either as ticketTiers or as capacity, ticketsSold and ticketPrice, not both (got ticketTiers with capacity, ticketPrice).",
    ]);
    expect(problemsOf(newEventTiers({}))).toEqual(["Give the tickets as ticketTiers, or as capacity and ticketPrice (missing: capacity, ticketPrice)."]);
    expect(problemsOf(newEventTiers({ capacity: 800, ticketsSold: 10 }))).toEqual(["Give the tickets as ticketTiers, or as capacity and ticketPrice (missing: ticketPrice)."]);
  });
});

describe("changing an event's tickets", () => {
  const single = [tier("General admission", "45.00", 820, { kills: 20, comps: 8, sold: 612 })];

  it("leaves them alone when nothing about them is given", () => {
    expect(changedTicketTiers(threeTiers, {})).toEqual({ ok: true, value: null });
  });

  it("replaces the whole set with ticketTiers", () => {
    expect(changedTicketTiers(single, { ticketTiers: threeTiers })).toEqual({ ok: true, value: threeTiers });
  });

  it("changes the one tier of a one-tier event through the shortcut: the allocation is capacity + its kills", () => {
    expect(changedTicketTiers(single, { capacity: 700, ticketsSold: 650, ticketPrice: { amount: "49.00", currency: "USD" } })).toEqual({
      ok: true,
      value: [{ ...single[0]!, price: { amount: "49.00", currency: "USD" }, allocation: 720, sold: 650 }],
    });
    // The tier's 8 comps take seats too: 693 sold + 8 comps do not fit in 700.
    expect(problemsOf(changedTicketTiers(single, { ticketsSold: 693, capacity: 700 }))).toEqual(["ticketsSold (693) and the tier's comps (8) must not exceed capacity (700)."]);
    expect(problemsOf(changedTicketTiers(single, { capacity: 999_990 }))).toEqual(["capacity (999990) and the tier's kills (20) must not add up to more than 1000000."]);
  });

  it("refuses the shortcut for an event with several tiers, and together with ticketTiers", () => {
    expect(problemsOf(changedTicketTiers(threeTiers, { capacity: 900, ticketPrice: eur("40.00") }))).toEqual([
      "This event has 3 ticket tiers, so capacity, ticketPrice cannot be set on their own: they are figures of the whole set. Send ticketTiers, the whole new set, instead.",
    ]);
    expect(problemsOf(changedTicketTiers(single, { ticketTiers: threeTiers, ticketsSold: 5 }))).toEqual([
      "Give the tickets either as ticketTiers or as capacity, ticketsSold and ticketPrice, not both (got ticketTiers with ticketsSold).",
    ]);
  });

  it("reads an event stored without tiers as one General admission tier of its figures", () => {
    const tiers = legacyTiers({ capacity: 500, ticketsSold: 120, ticketPrice: eur("25.00") });
    expect(changedTicketTiers(tiers, { capacity: 400 })).toEqual({ ok: true, value: [tier("General admission", "25.00", 400, { sold: 120 })] });
  });
});

describe("replacing the stored tiers", () => {
  const stored: StoredTicketTier[] = threeTiers.map((each, position) => ({ ...each, id: `tier-${position}`, position }));

  it("keeps the ids of tiers named again, adds new names, deletes names left out, and writes only what changes", () => {
    const next = [tier("VIP", "120.00", 60, { kills: 4, comps: 6, sold: 30 }), tier("General admission", "35.00", 1000, { comps: 20, sold: 640 }), tier("Standing", "25.00", 200)];
    expect(ticketTierReplacement(stored, next)).toEqual({
      deleted: ["tier-1"],
      changed: [
        { ...next[0]!, id: "tier-2", position: 0 },
        { ...next[1]!, id: "tier-0", position: 1 },
      ],
      added: [{ ...next[2]!, position: 2 }],
    });
  });

  it("writes nothing for the same set, however its prices are written", () => {
    const same = threeTiers.map((each) => ({ ...each, price: eur(`${each.price.amount}00`) }));
    expect(ticketTierReplacement(stored, same)).toEqual({ deleted: [], changed: [], added: [] });
  });
});
