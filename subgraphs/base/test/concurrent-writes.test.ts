// Two requests changing one event at once are checked one after the other: the second
// sees the first's result, so a rule is never passed twice on the same old state.
import { demoCompanies, demoArtists, demoEvents } from "@marquee/kit/demo";
import type { GraphQLError } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBaseData } from "../src/data/base-data.ts";
import { seedDemo } from "../src/demo/seed.ts";
import { openBaseDatabase, type BaseDatabase } from "./support/base-database.ts";

let database: BaseDatabase;
beforeAll(async () => {
  database = await openBaseDatabase();
  await seedDemo(database.prisma, new Date());
});
afterAll(() => database.close());

const scope = { companyId: demoCompanies.northwind.id };
/** A request of its own: its own loaders, the same database. */
const request = () => createBaseData(database.prisma, scope);
const codeOf = (result: PromiseSettledResult<unknown>) => (result.status === "rejected" ? (result.reason as GraphQLError).extensions["code"] : "ok");

describe("concurrent changes", () => {
  it("let exactly one of two changes through when together they would sell more than capacity", async () => {
    // Chicago: 800 seats, 612 sold. Either change alone is fine; both are not.
    const results = await Promise.allSettled([
      request().eventWrites.update(demoEvents.chicago.id, { capacity: 650 }, undefined),
      request().eventWrites.update(demoEvents.chicago.id, { ticketsSold: 700 }, undefined),
    ]);
    expect(results.map(codeOf).sort()).toEqual(["BAD_USER_INPUT", "ok"]);
    const event = await database.prisma.event.findUniqueOrThrow({ where: { id: demoEvents.chicago.id } });
    expect(event.ticketsSold).toBeLessThanOrEqual(event.capacity);
  });

  it("let two replacements of an event's tiers through one after the other: the result is one whole set, not a mix", async () => {
    const usd = (amount: string) => ({ amount, currency: "USD" });
    const tiersNamed = (suffix: string, floor: number) => [
      { name: `Floor ${suffix}`, price: usd("60.00"), allocation: floor, kills: 0, comps: 0, sold: 1010 },
      { name: `Balcony ${suffix}`, price: usd("75.00"), allocation: 400, kills: 10, comps: 0, sold: 390 },
    ];
    const results = await Promise.allSettled([
      request().eventWrites.update(demoEvents.atlanta.id, { ticketTiers: tiersNamed("A", 2000) }, undefined),
      request().eventWrites.update(demoEvents.atlanta.id, { ticketTiers: tiersNamed("B", 2200) }, undefined),
    ]);
    expect(results.map(codeOf)).toEqual(["ok", "ok"]);
    const tiers = await database.prisma.ticketTier.findMany({ where: { eventId: demoEvents.atlanta.id }, orderBy: { position: "asc" } });
    const event = await database.prisma.event.findUniqueOrThrow({ where: { id: demoEvents.atlanta.id } });
    const names = tiers.map((tier) => tier.name);
    expect([["Floor A", "Balcony A"], ["Floor B", "Balcony B"]]).toContainEqual(names);
    // The event's figures are those of the set that stayed: 2000 + 390 or 2200 + 390 seats, 1400 sold.
    expect([event.capacity, event.ticketsSold]).toEqual([names[0] === "Floor A" ? 2390 : 2590, 1400]);
  });

  it("let a lineup and the deletion of its artist not both through", async () => {
    const newcomer = await request().artistWrites.create({ name: "Late Addition", genres: [], homeCity: null, homeCountry: null });
    const results = await Promise.allSettled([
      request().eventWrites.update(demoEvents.atlanta.id, {}, [demoArtists.deepSignal.id, newcomer.id]),
      request().artistWrites.delete(newcomer.id),
    ]);
    expect(results.map(codeOf).sort()).toEqual(["BAD_USER_INPUT", "ok"]);
    const billed = await database.prisma.eventLineup.count({ where: { artistId: newcomer.id } });
    const exists = await database.prisma.artist.count({ where: { id: newcomer.id } });
    expect([billed, exists]).toEqual(billed === 1 ? [1, 1] : [0, 0]);
  });
});
