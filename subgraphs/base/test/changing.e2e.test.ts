// Changing events and artists through the gateway over HTTP: every rule answers with
// its exact error, and a refused change leaves nothing behind.
import { startTestStack, type TestStack } from "@marquee/gateway/testing";
import type { GraphQLResponse } from "@marquee/kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoArtists, demoEvents, type DemoEvent, demoHistory } from "@marquee/kit/demo";
import { baseSubgraph } from "../src/index.ts";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ packages: [baseSubgraph] });
});
afterAll(() => stack?.close());

const eventFields = `id name description status nextStatuses startsAt endsAt startsAtLocal endsAtLocal
  location { venueName city country latitude longitude timeZone } capacity ticketsSold ticketPrice { amount currency } lineup { name }`;

const newEvent = {
  name: "  Aurora Lane — Autumn Tour, Berlin ",
  startsAt: "2098-10-25T19:00:00Z",
  endsAt: "2098-10-26T01:30:00Z",
  location: { venueName: "Columbiahalle", city: "Berlin", country: "DE", latitude: 52.4836, longitude: 13.3923, timeZone: "Europe/Berlin" },
  capacity: 3500,
  ticketPrice: { amount: "49.9", currency: "EUR" },
  lineup: [demoArtists.sagaNord.id, demoArtists.auroraLane.id],
};

async function as(user: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> {
  return stack.query(query, { as: user, company: "northwind", variables });
}
const alice = (query: string, variables?: Record<string, unknown>) => as("alice@northwind.test", query, variables);

/** [code, message] of each error, for exact assertions. */
const errorsOf = (response: GraphQLResponse) => response.body.errors?.map((error) => [error.extensions?.["code"], error.message]);

const createEvent = `mutation Create($input: CreateEventInput!) { createEvent(input: $input) { ${eventFields} } }`;
const updateEvent = `mutation Update($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { ${eventFields} } }`;
const changeStatus = `mutation Change($id: ID!, $status: EventStatus!) { changeEventStatus(id: $id, status: $status) { status nextStatuses } }`;
const cancelEvent = `mutation Cancel($id: ID!) { cancelEvent(id: $id) { status nextStatuses } }`;
const deleteEvent = `mutation Delete($id: ID!) { deleteEvent(id: $id) }`;
const eventById = `query Event($id: ID!) { event(id: $id) { ${eventFields} } }`;
const eventCount = async () => (await alice(`{ dashboard { eventCountsByStatus { count } } }`)).body.data!["dashboard"].eventCountsByStatus.reduce((sum: number, { count }: { count: number }) => sum + count, 0);

describe("creating an event", () => {
  it("makes a DRAFT with its lineup in billing order, local times across the October change, and the price as the currency shows it", async () => {
    const response = await alice(createEvent, { input: newEvent });
    expect(response.status).toBe(200);
    expect(response.body.data!["createEvent"]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: "Aurora Lane — Autumn Tour, Berlin",
      description: null,
      status: "DRAFT",
      nextStatuses: ["ANNOUNCED", "ON_SALE", "CANCELLED"],
      startsAt: "2098-10-25T19:00:00.000Z",
      endsAt: "2098-10-26T01:30:00.000Z",
      // Summer time in Berlin ends at 01:00 UTC on 26 October 2098, between start and end.
      startsAtLocal: "2098-10-25T21:00:00+02:00",
      endsAtLocal: "2098-10-26T02:30:00+01:00",
      location: newEvent.location,
      capacity: 3500,
      ticketsSold: 0,
      ticketPrice: { amount: "49.90", currency: "EUR" },
      lineup: [{ name: "Saga Nord" }, { name: "Aurora Lane" }],
    });
  });

  it("refuses broken details with every problem at once, and writes nothing", async () => {
    const before = await eventCount();
    const response = await alice(createEvent, {
      input: { ...newEvent, endsAt: "2098-10-25T18:00:00Z", ticketsSold: 4000, ticketPrice: { amount: "49.999", currency: "EUR" } },
    });
    expect(response.status).toBe(400);
    expect(errorsOf(response)).toEqual([
      [
        "BAD_USER_INPUT",
        "endsAt (2098-10-25T18:00:00.000Z) must be after startsAt (2098-10-25T19:00:00.000Z). " +
          "ticketsSold (4000) must not exceed capacity (3500). ticketPrice 49.999 EUR has more decimals than EUR allows (2).",
      ],
    ]);
    expect(response.body.errors?.[0]?.extensions?.["problems"]).toHaveLength(3);
    expect(response.body.errors?.[0]?.extensions?.["reason"]).toBe("INVALID_EVENT");
    expect(await eventCount()).toBe(before);
  });

  it("refuses lineup artists the company does not have, naming them, and writes nothing", async () => {
    const before = await eventCount();
    const unknown = "00000000-0000-4000-8000-000000000000";
    const response = await alice(createEvent, { input: { ...newEvent, lineup: [demoArtists.auroraLane.id, demoArtists.elbeQuartet.id, unknown] } });
    expect(errorsOf(response)).toEqual([["BAD_USER_INPUT", `The lineup names artists this company does not have: ${demoArtists.elbeQuartet.id}, ${unknown}.`]]);
    const twice = await alice(createEvent, { input: { ...newEvent, lineup: [demoArtists.auroraLane.id, demoArtists.auroraLane.id] } });
    expect(errorsOf(twice)).toEqual([["BAD_USER_INPUT", `lineup lists these artists more than once: ${demoArtists.auroraLane.id}.`]]);
    expect(twice.body.errors?.[0]?.extensions).toEqual({
      code: "BAD_USER_INPUT",
      reason: "INVALID_LINEUP",
      problems: [`lineup lists these artists more than once: ${demoArtists.auroraLane.id}.`],
    });
    expect(await eventCount()).toBe(before);
  });

  it("refuses a time zone that does not exist, with the scalar's message, before any resolver runs", async () => {
    const response = await alice(createEvent, { input: { ...newEvent, location: { ...newEvent.location, timeZone: "Mars/Olympus_Mons" } } });
    expect(response.status).toBe(400);
    expect(errorsOf(response)).toEqual([
      ["BAD_USER_INPUT", 'Variable "$input" got invalid value "Mars/Olympus_Mons" at "input.location.timeZone"; Invalid TimeZone "Mars/Olympus_Mons": not an IANA time zone'],
    ]);
  });

  it("needs basic.event.create", async () => {
    const response = await as("bob@northwind.test", createEvent, { input: newEvent });
    expect(response.status).toBe(403);
    expect(errorsOf(response)).toEqual([["FORBIDDEN", 'You need the permission "basic.event.create" for this.']]);
  });
});

describe("updating an event", () => {
  it("changes only the fields given, replaces the lineup, and clears the description with null", async () => {
    const { id } = (await alice(createEvent, { input: { ...newEvent, description: "Doors 20:00" } })).body.data!["createEvent"];
    const response = await alice(updateEvent, { id, input: { capacity: 3000, ticketsSold: 120, description: null, lineup: [demoArtists.kasimirVale.id] } });
    expect(response.body.data!["updateEvent"]).toMatchObject({
      name: "Aurora Lane — Autumn Tour, Berlin",
      description: null,
      capacity: 3000,
      ticketsSold: 120,
      startsAt: "2098-10-25T19:00:00.000Z",
      lineup: [{ name: "Kasimir Vale" }],
    });
  });

  it("checks the result as a whole: fewer seats than tickets sold is refused, and nothing changes", async () => {
    const response = await alice(updateEvent, { id: demoEvents.chicago.id, input: { capacity: 500, lineup: [demoArtists.deepSignal.id] } });
    expect(errorsOf(response)).toEqual([["BAD_USER_INPUT", "ticketsSold (612) must not exceed capacity (500)."]]);
    const unchanged = await alice(eventById, { id: demoEvents.chicago.id });
    expect(unchanged.body.data!["event"]).toMatchObject({ capacity: 800, lineup: [{ name: "Aurora Lane" }, { name: "Saga Nord" }] });
  });

  it("refuses null for a field that cannot be empty", async () => {
    const response = await alice(updateEvent, { id: demoEvents.chicago.id, input: { name: null, capacity: null } });
    expect(errorsOf(response)).toEqual([["BAD_USER_INPUT", "name, capacity cannot be null; leave a field out to keep its value."]]);
  });

  it("refuses changing a final event", async () => {
    const response = await alice(updateEvent, { id: demoEvents.dublin.id, input: { ticketsSold: 871 } });
    expect(errorsOf(response)).toEqual([["BAD_USER_INPUT", "The event is COMPLETED, which is final: its details cannot change."]]);
  });

  it("answers NOT_FOUND for another company's event", async () => {
    const response = await alice(updateEvent, { id: demoEvents.harborJazzNight.id, input: { capacity: 1 } });
    expect(response.status).toBe(404);
    expect(errorsOf(response)).toEqual([["NOT_FOUND", `This company has no event with id ${demoEvents.harborJazzNight.id}.`]]);
  });
});

describe("an event's lifecycle", () => {
  it("moves DRAFT -> ANNOUNCED -> ON_SALE -> SOLD_OUT, and refuses illegal moves naming the state and the legal ones", async () => {
    const { id } = (await alice(createEvent, { input: newEvent })).body.data!["createEvent"];
    const illegal = await alice(changeStatus, { id, status: "SOLD_OUT" });
    expect(errorsOf(illegal)).toEqual([["BAD_USER_INPUT", "The event is DRAFT and cannot move to SOLD_OUT; from DRAFT it can move to ANNOUNCED, ON_SALE, CANCELLED."]]);
    expect(illegal.body.errors?.[0]?.extensions).toMatchObject({ reason: "ILLEGAL_EVENT_TRANSITION" });

    expect((await alice(changeStatus, { id, status: "ANNOUNCED" })).body.data).toEqual({ changeEventStatus: { status: "ANNOUNCED", nextStatuses: ["ON_SALE", "CANCELLED"] } });
    expect((await alice(changeStatus, { id, status: "ON_SALE" })).body.data).toEqual({ changeEventStatus: { status: "ON_SALE", nextStatuses: ["SOLD_OUT", "CANCELLED"] } });
    const early = await alice(changeStatus, { id, status: "COMPLETED" });
    expect(errorsOf(early)).toEqual([
      [
        "BAD_USER_INPUT",
        "The event is ON_SALE and cannot move to COMPLETED; from ON_SALE it can move to SOLD_OUT, CANCELLED. It can be COMPLETED once it has ended (2098-10-26T01:30:00.000Z).",
      ],
    ]);
    expect((await alice(changeStatus, { id, status: "SOLD_OUT" })).body.data).toEqual({ changeEventStatus: { status: "SOLD_OUT", nextStatuses: ["ON_SALE", "CANCELLED"] } });
  });

  it("cancels only through cancelEvent, which needs its own permission, and once only", async () => {
    const viaStatus = await alice(changeStatus, { id: demoEvents.london.id, status: "CANCELLED" });
    expect(errorsOf(viaStatus)).toEqual([["BAD_USER_INPUT", "Use cancelEvent to cancel an event (it needs the permission basic.event.cancel)."]]);
    const bySam = await as("sam@both.test", cancelEvent, { id: demoEvents.london.id });
    expect(errorsOf(bySam)).toEqual([["FORBIDDEN", 'You need the permission "basic.event.cancel" for this.']]);

    expect((await alice(cancelEvent, { id: demoEvents.london.id })).body.data).toEqual({ cancelEvent: { status: "CANCELLED", nextStatuses: [] } });
    const again = await alice(cancelEvent, { id: demoEvents.london.id });
    expect(errorsOf(again)).toEqual([["BAD_USER_INPUT", "The event is CANCELLED, which is final: its status cannot change."]]);
  });

  it("deletes drafts only, with their lineup; other events are to be cancelled", async () => {
    const onSale = await alice(deleteEvent, { id: demoEvents.atlanta.id });
    expect(errorsOf(onSale)).toEqual([["BAD_USER_INPUT", "Only DRAFT events can be deleted; this event is ON_SALE. Cancel it instead."]]);
    expect(onSale.body.errors?.[0]?.extensions).toMatchObject({ reason: "EVENT_NOT_DELETABLE" });

    expect((await alice(deleteEvent, { id: demoEvents.paris.id })).body.data).toEqual({ deleteEvent: demoEvents.paris.id });
    expect((await alice(eventById, { id: demoEvents.paris.id })).body.data).toEqual({ event: null });
    const gone = await alice(deleteEvent, { id: demoEvents.paris.id });
    expect(errorsOf(gone)).toEqual([["NOT_FOUND", `This company has no event with id ${demoEvents.paris.id}.`]]);
  });
});

describe("artists", () => {
  const createArtist = `mutation Create($input: CreateArtistInput!) { createArtist(input: $input) { id name genres homeCity homeCountry } }`;
  const updateArtist = `mutation Update($id: ID!, $input: UpdateArtistInput!) { updateArtist(id: $id, input: $input) { name genres homeCity homeCountry } }`;
  const deleteArtist = `mutation Delete($id: ID!) { deleteArtist(id: $id) }`;

  it("are created, changed and deleted, with genres kept lower case and without repeats", async () => {
    const created = await alice(createArtist, { input: { name: " Velvet Orbit ", genres: ["Dream Pop", "dream pop", "Shoegaze"], homeCity: "Leeds", homeCountry: "GB" } });
    const artist = created.body.data!["createArtist"];
    expect(artist).toEqual({ id: expect.any(String), name: "Velvet Orbit", genres: ["dream pop", "shoegaze"], homeCity: "Leeds", homeCountry: "GB" });

    const updated = await alice(updateArtist, { id: artist.id, input: { genres: ["Shoegaze"], homeCity: null, homeCountry: null } });
    expect(updated.body.data).toEqual({ updateArtist: { name: "Velvet Orbit", genres: ["shoegaze"], homeCity: null, homeCountry: null } });

    expect((await alice(deleteArtist, { id: artist.id })).body.data).toEqual({ deleteArtist: artist.id });
    expect((await alice(`query A($id: ID!) { artist(id: $id) { id } }`, { id: artist.id })).body.data).toEqual({ artist: null });
  });

  it("cannot be deleted while billed in a lineup", async () => {
    const response = await alice(deleteArtist, { id: demoArtists.kasimirVale.id });
    // The demo's events and its generated past shows, in start order.
    const billed = [...demoHistory(new Date()), ...(Object.values(demoEvents) as DemoEvent[])]
      .filter((event) => event.lineup.includes(demoArtists.kasimirVale.id))
      .sort((left, right) => left.day - right.day);
    const named = billed.slice(0, 3).map((event) => `"${event.name}"`).join(", ");
    // One more: the event the update test above billed him in.
    const count = billed.length + 1;
    expect(errorsOf(response)).toEqual([
      ["BAD_USER_INPUT", `Kasimir Vale is in the lineup of ${count} events (${named} and ${count - 3} more); remove them from those lineups first.`],
    ]);
  });

  it("refuses a blank name", async () => {
    const response = await alice(createArtist, { input: { name: "   " } });
    expect(errorsOf(response)).toEqual([["BAD_USER_INPUT", "name must not be empty."]]);
  });
});
