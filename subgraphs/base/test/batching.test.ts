// However many events, artists or ticket tiers one request resolves, each kind costs the
// same number of statements: what a batch of 100 references costs, a batch of 10 costs too.
import { isInstantKey, pageRequest } from "@marquee/kit";
import { demoCompanies } from "@marquee/kit/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBaseData } from "../src/data/base-data.ts";
import { openBaseDatabase, type BaseDatabase } from "./support/base-database.ts";

const companyId = demoCompanies.northwind.id;
let database: BaseDatabase;
let artistIds: string[];
let eventIds: string[];

beforeAll(async () => {
  database = await openBaseDatabase();
  // 100 artists, each headlining one event and supporting the next one.
  const artists = Array.from({ length: 100 }, (_, index) => ({ companyId, name: `Artist ${String(index).padStart(3, "0")}` }));
  artistIds = (await database.prisma.artist.createManyAndReturn({ data: artists, select: { id: true } })).map((artist) => artist.id);
  const events = artistIds.map((_, index) => ({
    companyId,
    name: `Show ${index}`,
    startsAt: new Date(Date.UTC(2027, 0, 1 + index, 19)),
    endsAt: new Date(Date.UTC(2027, 0, 1 + index, 22)),
    timeZone: "Europe/Berlin",
    venueName: "Columbiahalle",
    city: "Berlin",
    country: "DE",
    latitude: 52.4836,
    longitude: 13.3923,
    currency: "EUR",
  }));
  eventIds = (await database.prisma.event.createManyAndReturn({ data: events, select: { id: true } })).map((event) => event.id);
  // Two tiers each: the database derives every event's capacity (1000) and price (40) from them.
  await database.prisma.ticketTier.createMany({
    data: eventIds.flatMap((eventId) => [
      { companyId, eventId, position: 0, name: "Floor", price: "40", allocation: 800 },
      { companyId, eventId, position: 1, name: "Balcony", price: "55", allocation: 200 },
    ]),
  });
  await database.prisma.eventLineup.createMany({
    data: eventIds.flatMap((eventId, index) => [
      { companyId, eventId, artistId: artistIds[index]!, position: 0 },
      { companyId, eventId, artistId: artistIds[(index + 1) % artistIds.length]!, position: 1 },
    ]),
  });
});

afterAll(() => database.close());

/** Statements sent while `work` runs, on a fresh request's loaders. */
async function statementsFor(work: (data: ReturnType<typeof createBaseData>) => Promise<unknown>): Promise<number> {
  const data = createBaseData(database.prisma, { companyId });
  database.queries.reset();
  await work(data);
  return database.queries.count();
}

describe("batched reads", () => {
  it("resolve 10 or 100 event references in one statement", async () => {
    const resolve = (count: number) => statementsFor((data) => Promise.all(eventIds.slice(0, count).map((id) => data.loaders.eventById.load(id))));
    expect(await resolve(10)).toBe(1);
    expect(await resolve(100)).toBe(1);
  });

  it("resolve 10 or 100 artist references in one statement", async () => {
    const resolve = (count: number) => statementsFor((data) => Promise.all(artistIds.slice(0, count).map((id) => data.loaders.artistById.load(id))));
    expect(await resolve(10)).toBe(1);
    expect(await resolve(100)).toBe(1);
  });

  it("load the lineups of 10 or 100 events, with their artists, in two statements", async () => {
    const lineups = (count: number) =>
      statementsFor(async (data) => {
        const lineupIds = await Promise.all(eventIds.slice(0, count).map((id) => data.loaders.lineupOfEvent.load(id)));
        const artists = await Promise.all(lineupIds.flat().map((id) => data.loaders.artistById.load(id)));
        expect(artists).toHaveLength(count * 2);
      });
    expect(await lineups(10)).toBe(2);
    expect(await lineups(100)).toBe(2);
  });

  it("list 10 or 100 events with their ticket tiers in two statements", async () => {
    const listed = (count: number) =>
      statementsFor(async (data) => {
        const page = await data.events.page({}, pageRequest({ first: count }, isInstantKey));
        const tiers = await Promise.all(page.edges.map((edge) => data.loaders.ticketTiersOfEvent.load(edge.node.id)));
        expect(tiers.map((eventTiers) => eventTiers.map((tier) => tier.name))).toEqual(Array(count).fill(["Floor", "Balcony"]));
        expect(page.edges.map((edge) => [edge.node.capacity, edge.node.ticketPrice.toFixed(2)])).toEqual(Array(count).fill([1000, "40.00"]));
      });
    expect(await listed(10)).toBe(2);
    expect(await listed(100)).toBe(2);
  });

  it("page the events of 10 or 100 artists, each from its own cursor, in two statements", async () => {
    const pages = (count: number) =>
      statementsFor(async (data) => {
        const connections = await Promise.all(
          artistIds.slice(0, count).map((artistId) => data.loaders.eventsOfArtist.load({ artistId, page: pageRequest({ first: 1 }, isInstantKey) })),
        );
        // Each artist plays two shows: page one holds the first, and says more follow.
        expect(connections.map((connection) => [connection.edges.length, connection.pageInfo.hasNextPage])).toEqual(Array(count).fill([1, true]));
        const second = await Promise.all(
          artistIds.slice(0, count).map((artistId, index) =>
            data.loaders.eventsOfArtist.load({ artistId, page: pageRequest({ first: 5, after: connections[index]!.pageInfo.endCursor }, isInstantKey) }),
          ),
        );
        expect(second.map((connection) => [connection.edges.length, connection.pageInfo.hasNextPage])).toEqual(Array(count).fill([1, false]));
      });
    expect(await pages(10)).toBe(4);
    expect(await pages(100)).toBe(4);
  });

  it("returns each artist's events in start order, headlining and supporting alike", async () => {
    const data = createBaseData(database.prisma, { companyId });
    const [page] = await data.events.pagesOfArtists([{ artistId: artistIds[5]!, page: pageRequest({ first: 10 }, isInstantKey) }]);
    expect(page?.edges.map((edge) => edge.node.name)).toEqual(["Show 4", "Show 5"]);
  });
});
