// Ticket tiers through the gateway over HTTP: an event's tiers, the figures derived from
// them, the ways to give them, and refusals that leave nothing behind.
import { startTestStack, type TestStack } from "@marquee/gateway/testing";
import { demoEvents } from "@marquee/kit/demo";
import type { GraphQLResponse } from "@marquee/kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseSubgraph } from "../src/index.ts";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ packages: [baseSubgraph] });
});
afterAll(() => stack?.close());

const alice = (query: string, variables: Record<string, unknown> = {}) => stack.query(query, { as: "alice@northwind.test", company: "northwind", variables });
const errorsOf = (response: GraphQLResponse) => response.body.errors?.map((error) => [error.extensions?.["code"], error.message]);

const tierFields = `id name price { amount currency } allocation kills comps sold available grossPotential { amount currency } grossSales { amount currency }`;
const eventFields = `id name capacity ticketsSold ticketPrice { amount currency } grossPotential { amount currency } grossSales { amount currency } sellThrough
  ticketTiers { ${tierFields} }`;
const createEvent = `mutation Create($input: CreateEventInput!) { createEvent(input: $input) { ${eventFields} } }`;
const updateEvent = `mutation Update($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { ${eventFields} } }`;
const eventById = `query Event($id: ID!) { event(id: $id) { ${eventFields} } }`;
const eventCount = async () =>
  (await alice(`{ dashboard { eventCountsByStatus { count } } }`)).body.data!["dashboard"].eventCountsByStatus.reduce((sum: number, { count }: { count: number }) => sum + count, 0);

const eur = (amount: string) => ({ amount, currency: "EUR" });
const details = {
  name: "Kasimir Vale — Tempodrom",
  startsAt: "2098-03-14T20:00:00Z",
  endsAt: "2098-03-15T01:00:00Z",
  location: { venueName: "Tempodrom", city: "Berlin", country: "DE", latitude: 52.5015, longitude: 13.3812, timeZone: "Europe/Berlin" },
};
const threeTiers = [
  { name: "General admission", price: eur("35"), allocation: 1000, comps: 20, sold: 640 },
  { name: "Balcony", price: eur("48.5"), allocation: 300, kills: 12, comps: 8, sold: 150 },
  { name: "VIP", price: eur("120.00"), allocation: 60, kills: 4, comps: 6, sold: 25 },
];
const money = (amount: string, currency = "EUR") => ({ amount, currency });

describe("an event with ticket tiers", () => {
  it("derives its capacity, tickets sold and price from the tiers, with exact gross potential, gross sales and sell-through", async () => {
    const response = await alice(createEvent, { input: { ...details, ticketTiers: threeTiers } });
    expect(response.status).toBe(200);
    // By hand:
    //   tier               price   allocation kills comps sold  sellable=a−k−c  available  gross potential      gross sales
    //   General admission  35.00   1000       0     20    640   980             340        35.00 × 980 = 34300  35.00 × 640 = 22400
    //   Balcony            48.50    300      12      8    150   280             130        48.50 × 280 = 13580  48.50 × 150 =  7275
    //   VIP               120.00     60       4      6     25    50              25       120.00 ×  50 =  6000 120.00 ×  25 =  3000
    //   capacity = Σ (allocation − kills) = 1000 + 288 + 56 = 1344; tickets sold = 640 + 150 + 25 = 815;
    //   price = the lowest, 35.00; gross potential 53880.00; gross sales 32675.00;
    //   sell-through = 815 / (980 + 280 + 50) = 815 / 1310 = 62.2137…% → 62.21.
    expect(response.body.data!["createEvent"]).toEqual({
      id: expect.any(String),
      name: "Kasimir Vale — Tempodrom",
      capacity: 1344,
      ticketsSold: 815,
      ticketPrice: money("35.00"),
      grossPotential: money("53880.00"),
      grossSales: money("32675.00"),
      sellThrough: "62.21",
      ticketTiers: [
        { id: expect.any(String), name: "General admission", price: money("35.00"), allocation: 1000, kills: 0, comps: 20, sold: 640, available: 340, grossPotential: money("34300.00"), grossSales: money("22400.00") },
        { id: expect.any(String), name: "Balcony", price: money("48.50"), allocation: 300, kills: 12, comps: 8, sold: 150, available: 130, grossPotential: money("13580.00"), grossSales: money("7275.00") },
        { id: expect.any(String), name: "VIP", price: money("120.00"), allocation: 60, kills: 4, comps: 6, sold: 25, available: 25, grossPotential: money("6000.00"), grossSales: money("3000.00") },
      ],
    });
  });

  it("is created from capacity and ticketPrice, as before tiers, with one General admission tier", async () => {
    const response = await alice(createEvent, { input: { ...details, capacity: 500, ticketsSold: 120, ticketPrice: money("24.90") } });
    expect(response.body.data!["createEvent"]).toMatchObject({
      capacity: 500,
      ticketsSold: 120,
      ticketPrice: money("24.90"),
      // 24.90 × 500 = 12450.00; 24.90 × 120 = 2988.00; 120 / 500 = 24.00%.
      grossPotential: money("12450.00"),
      grossSales: money("2988.00"),
      sellThrough: "24.00",
      ticketTiers: [{ name: "General admission", price: money("24.90"), allocation: 500, kills: 0, comps: 0, sold: 120, available: 380 }],
    });
  });

  it("is refused, naming the fields, unless given exactly one of tiers or capacity + ticketPrice; and nothing is written", async () => {
    const before = await eventCount();
    const both = await alice(createEvent, { input: { ...details, ticketTiers: threeTiers, capacity: 1344, ticketPrice: money("35.00") } });
    expect(both.status).toBe(400);
    expect(errorsOf(both)).toEqual([
      ["BAD_USER_INPUT", "Give the tickets either as ticketTiers or as capacity, ticketsSold and ticketPrice, not both (got ticketTiers with capacity, ticketPrice)."],
    ]);
    const neither = await alice(createEvent, { input: { ...details, ticketsSold: 3 } });
    expect(errorsOf(neither)).toEqual([["BAD_USER_INPUT", "Give the tickets as ticketTiers, or as capacity and ticketPrice (missing: capacity, ticketPrice)."]]);
    expect(await eventCount()).toBe(before);
  });

  it("refuses broken tiers with every problem at once, the event's own included, and writes nothing", async () => {
    const before = await eventCount();
    const response = await alice(createEvent, {
      input: {
        ...details,
        endsAt: details.startsAt,
        ticketTiers: [
          { name: "Floor", price: eur("40"), allocation: 100, kills: 10, comps: 5, sold: 90 },
          { name: "Floor ", price: money("55", "USD"), allocation: 10 },
        ],
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.["problems"]).toEqual([
      "endsAt (2098-03-14T20:00:00.000Z) must be after startsAt (2098-03-14T20:00:00.000Z).",
      'ticketTiers[0] ("Floor"): kills (10), comps (5) and sold (90) add up to 105, more than its allocation (100).',
      'ticketTiers must have distinct names; more than once: "Floor".',
      "ticketTiers must all be priced in one currency, the event's (got EUR, USD).",
    ]);
    expect(await eventCount()).toBe(before);
  });
});

describe("updating an event's tiers", () => {
  it("replaces the set: tiers named again keep their ids, new names are added, missing ones go, and the figures follow", async () => {
    const created = (await alice(createEvent, { input: { ...details, ticketTiers: threeTiers } })).body.data!["createEvent"];
    const idOf = (name: string) => created.ticketTiers.find((tier: { name: string }) => tier.name === name).id;
    const response = await alice(updateEvent, {
      id: created.id,
      input: {
        name: "Kasimir Vale — Tempodrom, rescaled",
        ticketTiers: [
          { name: "VIP", price: money("140.00", "CHF"), allocation: 80, kills: 4, comps: 6, sold: 25 },
          { name: "General admission", price: money("39.00", "CHF"), allocation: 1100, comps: 20, sold: 640 },
          { name: "Standing", price: money("29.00", "CHF"), allocation: 200 },
        ],
      },
    });
    expect(response.status).toBe(200);
    const updated = response.body.data!["updateEvent"];
    // capacity = 76 + 1100 + 200 = 1376; sold = 25 + 640 + 0 = 665; the lowest price 29.00;
    // gross potential = 140 × 70 + 39 × 1080 + 29 × 200 = 9800 + 42120 + 5800 = 57720.00;
    // gross sales = 140 × 25 + 39 × 640 = 3500 + 24960 = 28460.00; 665 / 1350 = 49.259…% → 49.26.
    expect(updated).toMatchObject({
      name: "Kasimir Vale — Tempodrom, rescaled",
      capacity: 1376,
      ticketsSold: 665,
      ticketPrice: money("29.00", "CHF"),
      grossPotential: money("57720.00", "CHF"),
      grossSales: money("28460.00", "CHF"),
      sellThrough: "49.26",
    });
    expect(updated.ticketTiers.map((tier: { id: string; name: string; price: unknown }) => [tier.id, tier.name, tier.price])).toEqual([
      [idOf("VIP"), "VIP", money("140.00", "CHF")],
      [idOf("General admission"), "General admission", money("39.00", "CHF")],
      [expect.not.stringMatching(new RegExp(`^(${created.ticketTiers.map((tier: { id: string }) => tier.id).join("|")})$`)), "Standing", money("29.00", "CHF")],
    ]);
    expect((await alice(eventById, { id: created.id })).body.data!["event"]).toEqual(updated);
  });

  it("takes capacity, ticketsSold and ticketPrice for a one-tier event, changing its tier", async () => {
    const created = (await alice(createEvent, { input: { ...details, capacity: 500, ticketPrice: money("24.90") } })).body.data!["createEvent"];
    const response = await alice(updateEvent, { id: created.id, input: { capacity: 450, ticketsSold: 300, ticketPrice: money("260", "SEK") } });
    expect(response.body.data!["updateEvent"]).toMatchObject({
      capacity: 450,
      ticketsSold: 300,
      ticketPrice: money("260.00", "SEK"),
      ticketTiers: [{ id: created.ticketTiers[0].id, name: "General admission", price: money("260.00", "SEK"), allocation: 450, sold: 300, available: 150 }],
    });
  });

  it("refuses capacity or ticketPrice for an event with several tiers, and either with ticketTiers; nothing changes", async () => {
    const berlin = demoEvents.berlin.id;
    const before = (await alice(eventById, { id: berlin })).body.data!["event"];
    const shortcut = await alice(updateEvent, { id: berlin, input: { name: "Renamed", capacity: 3600, ticketPrice: money("40.00") } });
    expect(shortcut.status).toBe(400);
    expect(errorsOf(shortcut)).toEqual([
      [
        "BAD_USER_INPUT",
        "This event has 3 ticket tiers, so capacity, ticketPrice cannot be set on their own: they are figures of the whole set. Send ticketTiers, the whole new set, instead.",
      ],
    ]);
    const mixed = await alice(updateEvent, { id: berlin, input: { ticketsSold: 2200, ticketTiers: threeTiers } });
    expect(errorsOf(mixed)).toEqual([
      ["BAD_USER_INPUT", "Give the tickets either as ticketTiers or as capacity, ticketsSold and ticketPrice, not both (got ticketTiers with ticketsSold)."],
    ]);
    const nulled = await alice(updateEvent, { id: berlin, input: { ticketTiers: null } });
    expect(errorsOf(nulled)).toEqual([["BAD_USER_INPUT", "ticketTiers cannot be null; leave a field out to keep its value."]]);
    expect((await alice(eventById, { id: berlin })).body.data!["event"]).toEqual(before);
  });

  it("leaves nothing half-written when the new set is refused: not the tiers, the name or the lineup", async () => {
    const berlin = demoEvents.berlin.id;
    const read = `query($id: ID!) { event(id: $id) { name lineup { name } ${eventFields} } }`;
    const before = (await alice(read, { id: berlin })).body.data!["event"];
    const response = await alice(updateEvent, {
      id: berlin,
      input: {
        name: "Kasimir Vale — one night only",
        lineup: [],
        ticketTiers: [
          { name: "Floor", price: eur("42.00"), allocation: 2800, comps: 40, sold: 1760 },
          { name: "Balcony", price: eur("55.00"), allocation: 600, kills: 24, comps: 16, sold: 300 },
          { name: "Standing", price: eur("30.00"), allocation: 999_000 },
        ],
      },
    });
    expect(errorsOf(response)).toEqual([
      ["BAD_USER_INPUT", "ticketTiers add up to a capacity of 1002376 (allocation minus kills, over all tiers); an event holds at most 1000000."],
    ]);
    expect((await alice(read, { id: berlin })).body.data!["event"]).toEqual(before);

    // Refused after the tiers were written (the lineup's artists are checked later in the
    // same transaction): the tiers are rolled back with everything else.
    const unknownArtist = "00000000-0000-4000-8000-000000000000";
    const late = await alice(updateEvent, { id: berlin, input: { ticketTiers: threeTiers, lineup: [unknownArtist] } });
    expect(errorsOf(late)).toEqual([["BAD_USER_INPUT", `The lineup names artists this company does not have: ${unknownArtist}.`]]);
    expect((await alice(read, { id: berlin })).body.data!["event"]).toEqual(before);
  });

  it("leaves no event and no tiers behind when a new event is refused after its tiers were written", async () => {
    const before = await eventCount();
    const unknownArtist = "00000000-0000-4000-8000-000000000000";
    const response = await alice(createEvent, { input: { ...details, ticketTiers: threeTiers, lineup: [unknownArtist] } });
    expect(errorsOf(response)).toEqual([["BAD_USER_INPUT", `The lineup names artists this company does not have: ${unknownArtist}.`]]);
    expect(await eventCount()).toBe(before);
  });
});

describe("the demo", () => {
  it("sells Berlin in three tiers that add up to the figures other modules know", async () => {
    const event = (await alice(eventById, { id: demoEvents.berlin.id })).body.data!["event"];
    expect(event.ticketTiers.map((tier: { name: string }) => tier.name)).toEqual(["Floor", "Balcony", "VIP lounge"]);
    expect(event).toMatchObject({ capacity: demoEvents.berlin.capacity, ticketsSold: demoEvents.berlin.ticketsSold, ticketPrice: demoEvents.berlin.ticketPrice });
    // Sellable 2760 + 560 + 104 = 3424; 2100 / 3424 = 61.331…% → 61.33.
    // Gross potential 42 × 2760 + 55 × 560 + 95 × 104 = 115920 + 30800 + 9880 = 156600.00.
    expect(event).toMatchObject({ sellThrough: "61.33", grossPotential: money("156600.00") });
  });
});
