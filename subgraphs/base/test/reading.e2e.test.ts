// Reading Base through the gateway over HTTP, as the frontend does, on the demo world.
import { demoCompanies, demoArtists, demoEvents, type DemoEvent, demoHistory } from "@marquee/kit/demo";
import type { GraphQLResponse } from "@marquee/kit/testing";
import { startTestStack, type TestStack } from "@marquee/gateway/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseSubgraph } from "../src/index.ts";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ packages: [baseSubgraph] });
});
afterAll(() => stack?.close());

const alice = { as: "alice@northwind.test", company: "northwind" } as const;

/** The demo events of a company with Northwind's generated past shows, in start order (every pair is at least a day apart). */
const demoEventsOf = (companyId: string): DemoEvent[] =>
  [...Object.values(demoEvents as Record<string, DemoEvent>), ...demoHistory(new Date())]
    .filter((event) => event.companyId === companyId)
    .sort((left, right) => left.day - right.day);
const northwindEvents = demoEventsOf(demoCompanies.northwind.id);
/** Names of Northwind's events that meet a condition, in start order. */
const namesWhere = (condition: (event: DemoEvent) => boolean) => northwindEvents.filter(condition).map((event) => event.name);
/** The generated past shows end 45 days before the seed day; the demo's own events start 40 days before it. */
const sinceDemoEvents = new Date(Date.now() - 42 * 86_400_000).toISOString();

const eventNames = `query Events($filter: EventFilter, $first: Int, $after: String) {
  events(filter: $filter, first: $first, after: $after) { edges { cursor node { name } } pageInfo { hasNextPage endCursor } }
}`;

async function namesOf(filter: Record<string, unknown>): Promise<string[]> {
  const response = await stack.query(eventNames, { ...alice, variables: { filter, first: 100 } });
  return response.body.data!["events"].edges.map((edge: { node: { name: string } }) => edge.node.name);
}

describe("events", () => {
  it("lists the company's events by start, with lineups in billing order, local times and prices", async () => {
    const response = await stack.query(
      `query($since: DateTime) { events(first: 100, filter: { startsFrom: $since }) { edges { node {
          id name description status nextStatuses startsAt endsAt timeZone startsAtLocal endsAtLocal
          location { venueName city country latitude longitude timeZone }
          capacity ticketsSold ticketPrice { amount currency } lineup { id name }
      } } } }`,
      { ...alice, variables: { since: sinceDemoEvents } },
    );
    expect(response.status).toBe(200);
    const events = response.body.data!["events"].edges.map((edge: { node: Record<string, any> }) => edge.node);
    expect(events.map((event: { id: string }) => event.id)).toEqual(northwindEvents.filter((event) => event.day > -42).map((event) => event.id));

    const chicago = events.find((event: { id: string }) => event.id === demoEvents.chicago.id);
    expect(chicago).toMatchObject({
      name: "Aurora Lane — Spring Tour, Chicago",
      description: "Opening night of the spring tour. Support: Saga Nord.",
      status: "ON_SALE",
      nextStatuses: ["SOLD_OUT", "CANCELLED"],
      timeZone: "America/Chicago",
      location: { venueName: "Thalia Hall", city: "Chicago", country: "US", latitude: 41.8577, longitude: -87.6594, timeZone: "America/Chicago" },
      capacity: 800,
      ticketsSold: 612,
      ticketPrice: { amount: "45.00", currency: "USD" },
      lineup: [
        { id: demoArtists.auroraLane.id, name: "Aurora Lane" },
        { id: demoArtists.sagaNord.id, name: "Saga Nord" },
      ],
    });
    // 20:00 at the venue, CDT or CST depending on the season the demo was seeded in.
    expect(chicago.startsAtLocal).toMatch(/T20:00:00-0[56]:00$/);
    expect(chicago.endsAtLocal).toMatch(/T23:00:00-0[56]:00$/);
    expect(Date.parse(chicago.startsAtLocal)).toBe(Date.parse(chicago.startsAt));
    expect(Date.parse(chicago.endsAt) - Date.parse(chicago.startsAt)).toBe(3 * 3_600_000);

    const stockholm = events.find((event: { id: string }) => event.id === demoEvents.stockholm.id);
    expect(stockholm.ticketPrice).toEqual({ amount: "450.00", currency: "SEK" });
    const completed = events.find((event: { id: string }) => event.id === demoEvents.dublin.id);
    expect(completed).toMatchObject({ status: "COMPLETED", nextStatuses: [], startsAtLocal: expect.stringMatching(/T20:00:00\+0[01]:00$/) });
  });

  it("pages through every event with cursors, and refuses cursors and sizes it never gave out", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const response: GraphQLResponse = await stack.query(eventNames, { ...alice, variables: { first: 25, after } });
      const { edges, pageInfo } = response.body.data!["events"];
      seen.push(...edges.map((edge: { node: { name: string } }) => edge.node.name));
      expect(pageInfo.endCursor).toBe(edges.at(-1).cursor);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual(northwindEvents.map((event) => event.name));

    const forged = await stack.query(eventNames, { ...alice, variables: { after: Buffer.from('["yesterday","x"]').toString("base64url") } });
    expect(forged.status).toBe(400);
    expect(forged.body.errors?.map((error) => [error.extensions?.["code"], error.message])).toEqual([["BAD_USER_INPUT", "The cursor is not one this API gave out."]]);
    const tooMany = await stack.query(eventNames, { ...alice, variables: { first: 101 } });
    expect(tooMany.body.errors?.map((error) => [error.extensions?.["code"], error.message])).toEqual([["BAD_USER_INPUT", "first must be between 1 and 100 (got 101)."]]);
  });

  it("filters by status, city, artist, text and start, all at once when asked", async () => {
    expect(await namesOf({ status: ["SOLD_OUT", "CANCELLED"] })).toEqual(["Aurora Lane — Spring Tour, Brooklyn", "Deep Signal — Miami Beach"]);
    expect(await namesOf({ city: "new york" })).toEqual(namesWhere((event) => event.location.city === "New York"));
    expect(await namesOf({ city: "new york", startsFrom: sinceDemoEvents })).toEqual(["Aurora Lane — Spring Tour, Brooklyn"]);
    expect(await namesOf({ artistId: demoArtists.sagaNord.id, startsFrom: sinceDemoEvents })).toEqual([
      "The Midnight Tide — Dublin",
      "Aurora Lane — Spring Tour, Chicago",
      "Aurora Lane — Spring Tour, Brooklyn",
      "Saga Nord — Stockholm",
    ]);
    expect(await namesOf({ artistId: demoArtists.sagaNord.id })).toEqual(namesWhere((event) => event.lineup.includes(demoArtists.sagaNord.id)));
    expect(await namesOf({ search: "TIDE", startsFrom: sinceDemoEvents })).toEqual(["The Midnight Tide — Dublin", "The Midnight Tide at the Roundhouse", "The Midnight Tide — Paris"]);
    expect(await namesOf({ search: "roundhouse" })).toEqual(namesWhere((event) => event.location.venueName === "Roundhouse"));
    // Typed wildcards mean themselves.
    expect(await namesOf({ search: "%" })).toEqual([]);
    expect(await namesOf({ city: "_erlin" })).toEqual([]);
    expect(await namesOf({ city: "berlin", startsFrom: sinceDemoEvents })).toEqual(["Kasimir Vale — Columbiahalle Nights"]);
    expect(await namesOf({ artistId: demoArtists.sagaNord.id, status: ["ON_SALE"], startsFrom: new Date().toISOString() })).toEqual([
      "Aurora Lane — Spring Tour, Chicago",
      "Saga Nord — Stockholm",
    ]);
    const now = Date.now();
    const started = namesWhere((event) => event.day < 0 && event.day > -42);
    expect(await namesOf({ startsFrom: sinceDemoEvents, startsBefore: new Date(now).toISOString() })).toEqual(started);
  });

  it("answers null for an id of another company, or no id at all", async () => {
    const query = `query One($id: ID!) { event(id: $id) { name } }`;
    const own = await stack.query(query, { ...alice, variables: { id: demoEvents.chicago.id } });
    expect(own.body.data).toEqual({ event: { name: demoEvents.chicago.name } });
    for (const id of [demoEvents.harborJazzNight.id, "00000000-0000-4000-8000-000000000000", "chicago"]) {
      const response = await stack.query(query, { ...alice, variables: { id } });
      expect(response.body).toEqual({ data: { event: null } });
    }
  });
});

describe("artists", () => {
  it("lists by name, filters by genre and name, and pages each artist's events", async () => {
    const response = await stack.query(
      `{ artists(first: 3) { edges { node { name genres homeCity homeCountry } } pageInfo { hasNextPage } }
         folk: artists(filter: { genre: "FOLK" }) { edges { node { name } } }
         the: artists(filter: { search: "the" }) { edges { node { name } } } }`,
      alice,
    );
    expect(response.body.data).toEqual({
      artists: {
        edges: [
          { node: { name: "Aurora Lane", genres: ["indie pop", "folk"], homeCity: "Portland", homeCountry: "US" } },
          { node: { name: "Brass Republic", genres: ["jazz", "funk"], homeCity: "New Orleans", homeCountry: "US" } },
          { node: { name: "Deep Signal", genres: ["hip hop"], homeCity: "Atlanta", homeCountry: "US" } },
        ],
        pageInfo: { hasNextPage: true },
      },
      folk: { edges: [{ node: { name: "Aurora Lane" } }, { node: { name: "Saga Nord" } }] },
      the: { edges: [{ node: { name: "The Midnight Tide" } }] },
    });

    const events = `query ArtistEvents($id: ID!, $after: String) {
      artist(id: $id) { name events(first: 2, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } } }
    }`;
    const auroraNames = namesWhere((event) => event.lineup.includes(demoArtists.auroraLane.id));
    const first = await stack.query(events, { ...alice, variables: { id: demoArtists.auroraLane.id } });
    expect(first.body.data!["artist"].events.edges.map((edge: { node: { name: string } }) => edge.node.name)).toEqual(auroraNames.slice(0, 2));
    const second = await stack.query(events, { ...alice, variables: { id: demoArtists.auroraLane.id, after: first.body.data!["artist"].events.pageInfo.endCursor } });
    expect(second.body.data!["artist"].events).toEqual({
      edges: auroraNames.slice(2, 4).map((name) => ({ node: { name } })),
      pageInfo: { hasNextPage: auroraNames.length > 4, endCursor: expect.any(String) },
    });
    expect(auroraNames.slice(-4)).toEqual([
      "Aurora Lane — Winter Warm-Up, Portland",
      "Aurora Lane — Spring Tour, Chicago",
      "Aurora Lane — Spring Tour, Brooklyn",
      "Northwind Summer Sessions — Amsterdam",
    ]);
    const foreign = await stack.query(events, { ...alice, variables: { id: demoArtists.elbeQuartet.id } });
    expect(foreign.body).toEqual({ data: { artist: null } });
  });
});

describe("the dashboard", () => {
  it("shows the next events, counts by status, artists and ticket sales of what is still to come", async () => {
    const response = await stack.query(
      `{ dashboard(upcomingCount: 3) {
          upcomingEvents { name } eventCountsByStatus { status count } artistCount upcomingTickets { eventCount ticketsSold capacity }
      } }`,
      alice,
    );
    const upcoming = northwindEvents.filter((event) => event.day > 0 && event.status !== "CANCELLED");
    const countOf = (status: string) => northwindEvents.filter((event) => event.status === status).length;
    expect(response.body.data).toEqual({
      dashboard: {
        upcomingEvents: upcoming.slice(0, 3).map((event) => ({ name: event.name })),
        eventCountsByStatus: ["DRAFT", "ANNOUNCED", "ON_SALE", "SOLD_OUT", "CANCELLED", "COMPLETED"].map((status) => ({ status, count: countOf(status) })),
        artistCount: 8,
        upcomingTickets: {
          eventCount: upcoming.length,
          ticketsSold: upcoming.reduce((sum, event) => sum + event.ticketsSold, 0),
          capacity: upcoming.reduce((sum, event) => sum + event.capacity, 0),
        },
      },
    });
    expect(countOf("ON_SALE")).toBe(6);

    const tooMany = await stack.query(`{ dashboard(upcomingCount: 51) { artistCount } }`, alice);
    expect(tooMany.body.errors?.map((error) => [error.extensions?.["code"], error.message])).toEqual([
      ["BAD_USER_INPUT", "upcomingCount must be between 1 and 50 (got 51)."],
    ]);
  });
});

describe("the viewer", () => {
  const viewer = `{ viewer { id email companies { id name modules permissions } } }`;

  it("shows who is calling and what they hold in each company, with no company needed", async () => {
    const response = await stack.query(viewer, { as: "sam@both.test" });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({
      viewer: {
        id: "5e1f0a8b-7c2d-4e6f-8a9b-0c1d2e3f0004",
        email: "sam@both.test",
        companies: [
          // Sam's `basic` grant at Harbor Hall counts for nothing: the company is not entitled to it.
          { id: demoCompanies.harbor.id, name: "Harbor Hall", modules: ["venue"], permissions: [] },
          {
            id: demoCompanies.northwind.id,
            name: "Northwind Live",
            modules: ["basic", "finance"],
            permissions: ["basic.artist.view", "basic.dashboard.view", "basic.event.view"],
          },
        ],
      },
    });
  });

  it("needs a token", async () => {
    const response = await stack.query(viewer);
    expect(response.status).toBe(401);
    expect(response.body.errors?.map((error) => error.extensions?.["code"])).toEqual(["UNAUTHENTICATED"]);
  });
});

describe("access", () => {
  it("needs the module and the permission, and says which is missing", async () => {
    const harbor = await stack.query(`{ events { edges { node { id } } } }`, { as: "hana@harbor.test", company: "harbor" });
    expect(harbor.status).toBe(403);
    expect(harbor.body.errors?.map((error) => error.message)).toEqual(['The module "basic" is not enabled for you in this company.']);

    const stranger = await stack.query(`{ dashboard { artistCount } }`, { as: "nobody@nowhere.test", company: "northwind" });
    expect(stranger.body.errors?.map((error) => error.message)).toEqual(["You are not a member of this company."]);
  });
});
