// Bad input is a clear 400 and nothing is half-written, end to end through the gateway:
// dates that are not real calendar values or fall outside 1900–2199, text with NUL or
// broken Unicode, counts past their documented bounds, sums past GraphQL's Int, and an
// APQ hash that does not match its query.
import { createHash } from "node:crypto";
import { encodeCursor, openSqlExecutor, type SqlExecutor } from "@marquee/kit";
import { demoArtists } from "@marquee/kit/demo";
import { errorCodes } from "@marquee/kit/testing";
import { baseSubgraph } from "@marquee/subgraph-base";
import { financeSubgraph } from "@marquee/subgraph-finance";
import { venueSubgraph } from "@marquee/subgraph-venue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "@marquee/gateway/testing";

const alice = { as: "alice@northwind.test", company: "northwind" } as const;
const hana = { as: "hana@harbor.test", company: "harbor" } as const;

let stack: TestStack;
let sql: SqlExecutor;
beforeAll(async () => {
  stack = await startTestStack({ packages: [baseSubgraph, financeSubgraph, venueSubgraph] });
  sql = await openSqlExecutor(stack.database);
});
afterAll(async () => {
  await sql?.close();
  await stack?.close();
});

type Caller = { as: string; company: string };
const ask = (caller: Caller, query: string, variables: Record<string, unknown> = {}) => stack.query(query, { ...caller, variables });

/** The one refusal a bad input must produce: HTTP 400, BAD_USER_INPUT, a message saying what is wrong. */
function expectBadInput(response: Awaited<ReturnType<typeof ask>>, message: RegExp) {
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  expect(errorCodes(response)).toEqual(["BAD_USER_INPUT"]);
  expect(response.body.errors?.[0]?.message).toMatch(message);
}

const createEvent = "mutation($input: CreateEventInput!) { createEvent(input: $input) { id capacity } }";
const eventInput = (changes: Record<string, unknown> = {}) => ({
  name: "Integrity Night",
  startsAt: "2030-02-28T19:00:00Z",
  endsAt: "2030-02-28T23:00:00Z",
  location: { venueName: "Hall", city: "Berlin", country: "DE", latitude: 52.5, longitude: 13.4, timeZone: "Europe/Berlin" },
  capacity: 500,
  ticketPrice: { amount: "25.00", currency: "EUR" },
  ...changes,
});
const countRows = async (statement: string, params: unknown[] = []) => (await sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${statement}`, params))[0]!.count;

describe("dates and times are real calendar values in the years 1900 to 2199", () => {
  it.each([
    ["the year 0000 in a filter literal", '{ events(filter: { startsFrom: "0000-01-01T00:00:00Z" }) { edges { node { id } } } }', /outside the supported years 1900 to 2199/],
    ["31 February", '{ events(filter: { startsFrom: "2030-02-31T10:00Z" }) { edges { node { id } } } }', /not a real date/],
    ["24:00", '{ events(filter: { startsFrom: "2030-02-28T24:00Z" }) { edges { node { id } } } }', /not a real time of day/],
  ])("refuses %s with 400", async (_case, query, message) => {
    expectBadInput(await ask(alice, query), message);
  });

  it("refuses the year 0000 in a variable, and 31 February in a mutation, writing nothing", async () => {
    expectBadInput(await ask(alice, "query($from: DateTime) { events(filter: { startsFrom: $from }) { edges { node { id } } } }", { from: "0000-01-01T00:00:00Z" }), /outside the supported years/);
    const before = await countRows("base.event");
    expectBadInput(await ask(alice, createEvent, { input: eventInput({ startsAt: "2030-02-31T10:00Z", endsAt: "2030-03-04T10:00Z" }) }), /not a real date/);
    expectBadInput(await ask(alice, createEvent, { input: eventInput({ endsAt: "2030-02-28T24:00Z" }) }), /not a real time of day/);
    expect(await countRows("base.event")).toBe(before);
  });

  it("refuses a Date that does not exist or is out of range", async () => {
    const expenses = "query($from: Date) { expenses(filter: { incurredFrom: $from }) { edges { node { id } } } }";
    expectBadInput(await ask(alice, expenses, { from: "0000-01-01" }), /outside the supported years/);
    expectBadInput(await ask(alice, expenses, { from: "2030-02-31" }), /not a real date/);
    expect((await ask(alice, expenses, { from: "1900-01-01" })).status).toBe(200);
  });

  it("refuses a forged cursor whose date the database cannot hold", async () => {
    const cursor = encodeCursor(["0000-01-01T00:00:00.000Z", "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0004"]);
    expectBadInput(await ask(alice, "query($after: String) { events(after: $after) { edges { node { id } } } }", { after: cursor }), /cursor/);
  });
});

describe("text refuses NUL and broken Unicode, wherever it arrives", () => {
  it("in a mutation's variables, naming the field, writing nothing", async () => {
    const before = await countRows("base.artist");
    const response = await ask(alice, "mutation($input: CreateArtistInput!) { createArtist(input: $input) { id } }", { input: { name: "Null\u0000Hypothesis" } });
    expectBadInput(response, /\$input\.name contains a NUL character/);
    expect(response.body.errors?.[0]?.extensions?.["field"]).toBe("$input.name");
    expectBadInput(await ask(alice, "mutation($input: CreateArtistInput!) { createArtist(input: $input) { id } }", { input: { name: "Broken \uD83C" } }), /broken Unicode/);
    expect(await countRows("base.artist")).toBe(before);
  });

  it("in a search argument written into the query", async () => {
    expectBadInput(await ask(alice, '{ artists(filter: { search: "a\\u0000b" }) { edges { node { id } } } }'), /filter\.search contains a NUL character/);
  });

  it("in a list inside a variable", async () => {
    expectBadInput(await ask(alice, "mutation($input: CreateArtistInput!) { createArtist(input: $input) { id } }", { input: { name: "Fine", genres: ["rock", "\uDFB8"] } }), /\$input\.genres\[1\] contains broken Unicode/);
  });

  it("while text in any script, emoji included, is taken", async () => {
    const response = await ask(alice, "mutation($input: CreateArtistInput!) { createArtist(input: $input) { name } }", { input: { name: "東京 🎸 Zürich" } });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.["createArtist"]).toEqual({ name: "東京 🎸 Zürich" });
  });
});

describe("counts have bounds and sums never overflow", () => {
  const dashboard = "{ dashboard { upcomingTickets { eventCount ticketsSold capacity } } }";

  it("refuses an event capacity of 2^31 − 1, naming capacity, and the dashboard keeps working", async () => {
    expectBadInput(await ask(alice, createEvent, { input: eventInput({ capacity: 2 ** 31 - 1 }) }), /capacity must be a whole number from 0 to 1000000 \(got 2147483647\)/);
    const created = await ask(alice, createEvent, { input: eventInput({ capacity: 1_000_000 }) });
    expect(created.body.data?.["createEvent"]).toMatchObject({ capacity: 1_000_000 });
    expect((await ask(alice, dashboard)).status).toBe(200);
  });

  it("sums capacities past GraphQL's Int exactly, even for events stored before the bound", async () => {
    const northwind = (await sql.query<{ id: string }>("SELECT id FROM access.company WHERE name = 'Northwind Live'"))[0]!.id;
    // The database refuses such a capacity now; a row from before the bound is made as it was then.
    await expect(sql.query("UPDATE base.event SET capacity = 2147483647 WHERE company_id = $1", [northwind])).rejects.toThrow(/event_capacity_bound_check/);
    await sql.query("ALTER TABLE base.event DROP CONSTRAINT event_capacity_bound_check");
    await sql.query("UPDATE base.event SET capacity = 2147483647 WHERE company_id = $1 AND ends_at > now() AND status <> 'CANCELLED'", [northwind]);
    const [expected] = await sql.query<{ events: number; capacity: string }>(
      "SELECT count(*)::int AS events, sum(capacity)::text AS capacity FROM base.event WHERE company_id = $1 AND ends_at > now() AND status <> 'CANCELLED'",
      [northwind],
    );
    expect(expected!.events).toBeGreaterThan(1);
    const response = await ask(alice, dashboard);
    expect(response.status).toBe(200);
    expect(response.body.data?.["dashboard"].upcomingTickets).toMatchObject({ eventCount: expected!.events, capacity: Number(expected!.capacity) });
  });

  describe("venue layouts", () => {
    const createLayout = "mutation($input: CreateVenueLayoutInput!) { createVenueLayout(input: $input) { id capacity } }";
    let spaceId: string;
    beforeAll(async () => {
      const venue = await ask(hana, "mutation($input: CreateVenueInput!) { createVenue(input: $input) { id } }", {
        input: { name: "Integrity Hall", address: "Am Kai 1", city: "Hamburg", country: "DE", timeZone: "Europe/Berlin", onConfirm: "RELEASE_OVERLAPPING" },
      });
      const space = await ask(hana, "mutation($input: AddVenueSpaceInput!) { addVenueSpace(input: $input) { id } }", {
        input: { venueId: venue.body.data?.["createVenue"].id, name: "Main Hall", turnaroundMinutes: 60 },
      });
      spaceId = space.body.data?.["addVenueSpace"].id;
    });

    it("refuses sections summing past 2^31 − 1, names the section, and writes nothing", async () => {
      const response = await ask(hana, createLayout, {
        input: { spaceId, name: "Overflow", kind: "STANDING", sections: [{ name: "Floor", capacity: 2 ** 31 - 1 }, { name: "Balcony", capacity: 1 }] },
      });
      expectBadInput(response, /sections\[0\]\.capacity must be a whole number from 1 to 1000000 \(got 2147483647\)/);
      expect(response.body.errors?.[0]?.extensions?.["field"]).toBe("sections[0].capacity");
      expect(await countRows("venue.layout WHERE space_id = $1", [spaceId])).toBe(0);
      expect(await countRows("venue.layout_section s JOIN venue.layout l ON l.id = s.layout_id WHERE l.space_id = $1", [spaceId])).toBe(0);
    });

    it("takes the largest layout the bounds allow, and its space's layouts stay readable", async () => {
      const sections = Array.from({ length: 50 }, (_, index) => ({ name: `Section ${index + 1}`, capacity: 1_000_000 }));
      const created = await ask(hana, createLayout, { input: { spaceId, name: "Everything", kind: "STANDING", sections } });
      expect(created.body.data?.["createVenueLayout"]).toMatchObject({ capacity: 50_000_000 });
      const venueId = (await sql.query<{ venue_id: string }>("SELECT venue_id FROM venue.space WHERE id = $1", [spaceId]))[0]!.venue_id;
      const read = await ask(hana, "query($id: ID!) { venue(id: $id) { spaces { layouts { name capacity } } } }", { id: venueId });
      expect(read.status).toBe(200);
      expect(read.body.data?.["venue"].spaces[0].layouts).toEqual([{ name: "Everything", capacity: 50_000_000 }]);
    });
  });
});

describe("money sums the database cannot hold", () => {
  it("refuse to approve a settlement whose figures pass numeric(19,4), and write nothing", async () => {
    const event = await ask(alice, createEvent, { input: eventInput({ name: "Big Money", lineup: [demoArtists.auroraLane.id], ticketPrice: { amount: "25.00", currency: "USD" } }) });
    const eventId = event.body.data?.["createEvent"].id as string;
    const huge = { amount: "900000000000000.00", currency: "USD" };
    const created = await ask(
      alice,
      "mutation($input: CreateSettlementInput!) { createSettlement(input: $input) { id } }",
      {
        input: {
          eventId,
          currency: "USD",
          bill: [{ artistId: demoArtists.auroraLane.id, dealTerms: { dealType: "FLAT_GUARANTEE", guarantee: { amount: "1.00", currency: "USD" } } }],
          deductions: [{ label: "A", amount: huge }, { label: "B", amount: huge }],
        },
      },
    );
    const id = created.body.data?.["createSettlement"].id as string;
    expectBadInput(await ask(alice, "mutation($id: ID!) { approveSettlement(id: $id) { status } }", { id }), /largest amount that can be recorded/);
    expect(await sql.query("SELECT status::text AS status, frozen_deductions FROM finance.settlement WHERE id = $1", [id])).toEqual([{ status: "DRAFT", frozen_deductions: null }]);
    expect(await countRows("finance.settlement_line WHERE settlement_id = $1", [id])).toBe(0);
  });
});

describe("automatic persisted queries", () => {
  it("answers a hash that does not match its query with 400, not 500", async () => {
    const query = "{ viewer { id } }";
    const token = await stack.tokenFor("alice@northwind.test");
    const post = (sha256Hash: string) =>
      fetch(stack.gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } }),
      });
    const mismatch = await post(createHash("sha256").update("{ something { else } }").digest("hex"));
    expect(mismatch.status).toBe(400);
    expect(((await mismatch.json()) as { errors: { message: string; extensions: { code: string } }[] }).errors).toEqual([
      { message: "provided sha does not match query", extensions: { code: "BAD_REQUEST" } },
    ]);
    expect((await post(createHash("sha256").update(query).digest("hex"))).status).toBe(200);
  });
});
