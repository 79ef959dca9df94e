// A caller must never read or change another company's rows, whatever ids they send:
// another company's id behaves exactly like an unknown one.
import { isInstantKey, isTextKey, pageRequest } from "@marquee/kit";
import { demoCompanies, demoArtists, demoEvents } from "@marquee/kit/demo";
import type { GraphQLError } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBaseData, type BaseData } from "../src/data/base-data.ts";
import { seedDemo } from "../src/demo/seed.ts";
import type { NewEvent } from "../src/domain/event-details.ts";
import { openBaseDatabase, type BaseDatabase } from "./support/base-database.ts";

let database: BaseDatabase;
let northwind: BaseData;
let harbor: BaseData;

beforeAll(async () => {
  database = await openBaseDatabase();
  await seedDemo(database.prisma, new Date());
  northwind = createBaseData(database.prisma, { companyId: demoCompanies.northwind.id });
  harbor = createBaseData(database.prisma, { companyId: demoCompanies.harbor.id });
});

afterAll(() => database.close());

const firstPage = pageRequest({ first: 100 }, isInstantKey);
const northwindEvent = demoEvents.chicago;
const northwindArtist = demoArtists.auroraLane;

const details: NewEvent = {
  name: "Harbor Hall Summer Party",
  description: null,
  startsAt: new Date("2027-07-01T18:00:00Z"),
  endsAt: new Date("2027-07-01T22:00:00Z"),
  location: { venueName: "Harbor Hall", city: "Hamburg", country: "DE", latitude: 53.5453, longitude: 9.9666, timeZone: "Europe/Berlin" },
  capacity: 900,
  ticketsSold: 0,
  ticketPrice: { amount: "25.00", currency: "EUR" },
};

async function rejectionOf(write: Promise<unknown>): Promise<{ code: unknown; message: string }> {
  const error = (await write.then(
    () => {
      throw new Error("expected the write to be refused");
    },
    (reason: unknown) => reason,
  )) as GraphQLError;
  return { code: error.extensions["code"], message: error.message };
}

describe("another company's rows", () => {
  it("read as null by id, for events and artists alike", async () => {
    expect(await harbor.loaders.eventById.load(northwindEvent.id)).toBeNull();
    expect(await harbor.loaders.artistById.load(northwindArtist.id)).toBeNull();
    expect((await northwind.loaders.eventById.load(northwindEvent.id))?.name).toBe(northwindEvent.name);
  });

  it("never appear in lists, lineups or an artist's events", async () => {
    const harborEvents = await harbor.events.page({}, firstPage);
    expect(harborEvents.edges.map((edge) => edge.node.companyId)).toEqual(Array(4).fill(demoCompanies.harbor.id));
    expect((await harbor.events.page({ artistId: northwindArtist.id }, firstPage)).edges).toEqual([]);
    expect(await harbor.events.lineupArtistIds([northwindEvent.id])).toEqual([[]]);
    const [page] = await harbor.events.pagesOfArtists([{ artistId: northwindArtist.id, page: firstPage }]);
    expect(page?.edges).toEqual([]);
    expect((await harbor.artists.page({}, pageRequest({ first: 100 }, isTextKey))).edges.map((edge) => edge.node.name)).toEqual([
      "Elbe Quartet",
      "Nordlicht Collective",
    ]);
  });

  it("count for nothing on the dashboard", async () => {
    expect(await harbor.dashboard.artistCount()).toBe(2);
    expect((await harbor.dashboard.eventCountsByStatus()).reduce((sum, { count }) => sum + count, 0)).toBe(4);
  });

  it("cannot be changed, cancelled or deleted: NOT_FOUND, and the row stays as it was", async () => {
    const before = await database.prisma.event.findUniqueOrThrow({ where: { id: northwindEvent.id } });
    const notFound = { code: "NOT_FOUND", message: `This company has no event with id ${northwindEvent.id}.` };
    expect(await rejectionOf(harbor.eventWrites.update(northwindEvent.id, { capacity: 1 }, undefined))).toEqual(notFound);
    expect(await rejectionOf(harbor.eventWrites.changeStatus(northwindEvent.id, "CANCELLED", new Date()))).toEqual(notFound);
    expect(await rejectionOf(harbor.eventWrites.delete(northwindEvent.id))).toEqual(notFound);
    expect(await rejectionOf(harbor.artistWrites.update(northwindArtist.id, { name: "Taken" }))).toEqual({
      code: "NOT_FOUND",
      message: `This company has no artist with id ${northwindArtist.id}.`,
    });
    expect(await rejectionOf(harbor.artistWrites.delete(northwindArtist.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await database.prisma.event.findUniqueOrThrow({ where: { id: northwindEvent.id } })).toEqual(before);
    expect(await database.prisma.artist.count({ where: { id: northwindArtist.id } })).toBe(1);
  });

  it("cannot join a lineup: the event is refused, naming the artist, and nothing is written", async () => {
    const eventsBefore = await database.prisma.event.count();
    expect(await rejectionOf(harbor.eventWrites.create(details, [demoArtists.elbeQuartet.id, northwindArtist.id]))).toEqual({
      code: "BAD_USER_INPUT",
      message: `The lineup names artists this company does not have: ${northwindArtist.id}.`,
    });
    const harborEvent = demoEvents.harborJazzNight;
    expect(await rejectionOf(harbor.eventWrites.update(harborEvent.id, { capacity: 950 }, [northwindArtist.id]))).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await database.prisma.event.count()).toBe(eventsBefore);
    expect((await database.prisma.event.findUniqueOrThrow({ where: { id: harborEvent.id } })).capacity).toBe(harborEvent.capacity);
    expect(await harbor.events.lineupArtistIds([harborEvent.id])).toEqual([[demoArtists.elbeQuartet.id]]);
  });

  it("look exactly like ids that do not exist, including ones that are not UUIDs", async () => {
    expect(await Promise.all(["not-a-uuid", "6C2D9E41-7B3A-4F58-8E10-2B9C4A6F0004", "00000000-0000-4000-8000-000000000000"].map((id) => harbor.loaders.eventById.load(id)))).toEqual([null, null, null]);
    expect(await rejectionOf(harbor.eventWrites.delete("not-a-uuid"))).toEqual({ code: "NOT_FOUND", message: "This company has no event with id not-a-uuid." });
  });
});
