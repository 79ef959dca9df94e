// Venue through the gateway, over HTTP, on the seeded demo world: Harbor Hall (finance and
// venue, no basic) runs its calendar; ranks, promotion and confirmation; 50 concurrent
// confirmations; combination spaces and turnarounds; changing and removing spaces and
// layouts; availability across a daylight-saving change; another company's ids; who may
// do what; and what a list of events costs in SQL statements.
import { demoEvents } from "@marquee/kit/demo";
import { baseSubgraph } from "@marquee/subgraph-base";
import { startTestStack, type TestStack } from "@marquee/gateway/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { venueSubgraph } from "../src/index.ts";

const alice = { as: "alice@northwind.test", company: "northwind" } as const;
const bob = { as: "bob@northwind.test", company: "northwind" } as const;
const hana = { as: "hana@harbor.test", company: "harbor" } as const;

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ packages: [baseSubgraph, venueSubgraph] });
});
afterAll(async () => {
  await stack?.close();
});

type Caller = { as: string; company: string };
const ask = (caller: Caller, query: string, variables: Record<string, unknown> = {}) => stack.query(query, { ...caller, variables });
const venueStatements = () => stack.stack.subgraphs.get("venue")!.opened.queryCount();

/** Runs a mutation that must succeed and returns its one field's value. */
async function mutate(caller: Caller, mutation: string, variables: Record<string, unknown>) {
  const response = await ask(caller, mutation, variables);
  expect(response.body.errors, mutation).toBeUndefined();
  return Object.values(response.body.data!)[0] as Record<string, any>;
}

/** A fresh Hamburg venue like Harbor Hall: Main Hall, Club Room, Full House (both) and a layout each. */
async function harborLikeVenue(onConfirm: "RELEASE_OVERLAPPING" | "DEMOTE_OVERLAPPING" = "RELEASE_OVERLAPPING", owner: Caller = hana) {
  const venue = await mutate(owner, "mutation($input: CreateVenueInput!) { createVenue(input: $input) { id } }", {
    input: { name: `Speicher ${crypto.randomUUID().slice(0, 8)}`, address: "Am Sandtorkai 1", city: "Hamburg", country: "DE", timeZone: "Europe/Berlin", onConfirm },
  });
  const space = (name: string, turnaroundMinutes: number, partIds: string[] = []) =>
    mutate(owner, "mutation($input: AddVenueSpaceInput!) { addVenueSpace(input: $input) { id isCombination } }", { input: { venueId: venue.id, name, turnaroundMinutes, partIds } });
  const mainHall = await space("Main Hall", 60);
  const clubRoom = await space("Club Room", 30);
  const fullHouse = await space("Full House", 90, [mainHall.id, clubRoom.id]);
  const layout = (spaceId: string, name: string, sections: { name: string; capacity: number }[]) =>
    mutate(owner, "mutation($input: CreateVenueLayoutInput!) { createVenueLayout(input: $input) { id capacity } }", { input: { spaceId, name, kind: "STANDING", sections } });
  const layouts = {
    mainHall: await layout(mainHall.id, "Standing", [{ name: "Floor", capacity: 700 }, { name: "Balcony", capacity: 200 }]),
    clubRoom: await layout(clubRoom.id, "Club", [{ name: "Floor", capacity: 250 }]),
    fullHouse: await layout(fullHouse.id, "Everything", [{ name: "Floor", capacity: 1150 }]),
  };
  return { venueId: venue.id as string, mainHall: mainHall.id as string, clubRoom: clubRoom.id as string, fullHouse: fullHouse.id as string, layouts };
}

/** A Northwind event alice creates in Base. */
async function northwindEvent(name: string, startsAt: Date, capacity: number): Promise<string> {
  const event = await mutate(alice, "mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }", {
    input: {
      name,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
      location: { venueName: "Crystal Ballroom", city: "Portland", country: "US", latitude: 45.5231, longitude: -122.6847, timeZone: "America/Los_Angeles" },
      capacity,
      ticketPrice: { amount: "30.00", currency: "USD" },
    },
  });
  return event.id as string;
}

const placeHold = `mutation($input: PlaceVenueHoldInput!) { placeVenueHold(input: $input) { id rank status startsAtLocal endsAtLocal event { id name } space { name } } }`;
const hold = (caller: Caller, input: Record<string, unknown>) => mutate(caller, placeHold, { input });
const rankOf = async (id: string, caller: Caller = hana) => (await ask(caller, "query($id: ID!) { venueHold(id: $id) { status rank } }", { id })).body.data!.venueHold;

describe("hana, at Harbor Hall, which has venue and finance but not basic", () => {
  it("sees the demo venue: its spaces, combinations, layouts with derived capacities, holds by rank and the booking, with Base's event names", async () => {
    const response = await ask(
      hana,
      `{ venues { edges { node {
          name city country timeZone onConfirm
          spaces { name turnaroundMinutes isCombination parts { name } partOf { name } layouts { name kind capacity sections { name capacity } } }
        } } }
        venueHolds(filter: { status: ACTIVE }, first: 50) { edges { node { rank space { name } event { name } note } } }
        venueBookings(filter: { status: CONFIRMED }) { edges { node { space { name } layout { name capacity } event { name } hold { status rank } } } }
      }`,
    );
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    const data = response.body.data!;
    expect(data.venues.edges).toHaveLength(1);
    const hall = data.venues.edges[0].node;
    expect(hall).toMatchObject({ name: "Harbor Hall", city: "Hamburg", country: "DE", timeZone: "Europe/Berlin", onConfirm: "DEMOTE_OVERLAPPING" });
    expect(hall.spaces).toEqual([
      { name: "Club Room", turnaroundMinutes: 30, isCombination: false, parts: [], partOf: [{ name: "Full House" }], layouts: [{ name: "Club", kind: "STANDING", capacity: 250, sections: [{ name: "Floor", capacity: 250 }] }] },
      {
        name: "Full House",
        turnaroundMinutes: 90,
        isCombination: true,
        parts: expect.arrayContaining([{ name: "Main Hall" }, { name: "Club Room" }]),
        partOf: [],
        layouts: [{ name: "Gala", kind: "MIXED", capacity: 930, sections: [{ name: "Main Hall tables", capacity: 500 }, { name: "Balcony seats", capacity: 180 }, { name: "Club Room standing", capacity: 250 }] }],
      },
      {
        name: "Main Hall",
        turnaroundMinutes: 60,
        isCombination: false,
        parts: [],
        partOf: [{ name: "Full House" }],
        layouts: [
          { name: "Concert seated", kind: "SEATED", capacity: 600, sections: [{ name: "Stalls", capacity: 420 }, { name: "Balcony", capacity: 180 }] },
          { name: "Concert standing", kind: "STANDING", capacity: 900, sections: [{ name: "Floor", capacity: 700 }, { name: "Balcony", capacity: 200 }] },
        ],
      },
    ]);
    const holds = data.venueHolds.edges.map(({ node }: { node: { rank: number; space: { name: string }; event: { name: string } } }) => `${node.rank} ${node.space.name} ${node.event.name}`).sort();
    expect(holds).toEqual([
      `1 Club Room ${demoEvents.harborClubNight.name}`,
      `1 Full House ${demoEvents.harborAnniversaryGala.name}`,
      `2 Club Room ${demoEvents.harborClubNight.name}`,
      `2 Main Hall ${demoEvents.harborClubNight.name}`,
      `3 Full House ${demoEvents.harborClubNight.name}`,
    ]);
    const bookings = data.venueBookings.edges.map(({ node }: { node: Record<string, any> }) => node);
    expect(bookings).toHaveLength(2);
    for (const booking of bookings) expect(booking).toMatchObject({ space: { name: "Main Hall" }, layout: { name: "Concert standing", capacity: 900 }, hold: { status: "CONFIRMED", rank: 1 } });
    expect(bookings.map((booking: { event: { name: string } }) => booking.event.name).sort()).toEqual([demoEvents.harborJazzNight.name, demoEvents.harborSeasonClosing.name].sort());

    const baseEvents = await ask(hana, "{ events { edges { node { id } } } }");
    expect(baseEvents.status).toBe(403);
    expect(baseEvents.body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", module: "basic" });
  });

  it("holds at the event's own times, ranks holds on an occupied range, promotes on release and refuses to confirm a second hold", async () => {
    const venue = await harborLikeVenue();
    const first = await hold(hana, { spaceId: venue.mainHall, eventId: demoEvents.harborClubNight.id });
    expect(first).toMatchObject({ rank: 1, status: "ACTIVE", event: { id: demoEvents.harborClubNight.id, name: demoEvents.harborClubNight.name }, space: { name: "Main Hall" } });
    expect(first.startsAtLocal).toMatch(/T23:00:00\+0[12]:00$/);
    const second = await hold(hana, { spaceId: venue.mainHall, eventId: demoEvents.harborJazzNight.id, startsAt: "2026-12-01T18:00:00Z", endsAt: "2026-12-01T22:00:00Z" });
    const third = await hold(hana, { spaceId: venue.fullHouse, eventId: demoEvents.harborAnniversaryGala.id, startsAt: "2026-12-01T21:00:00Z", endsAt: "2026-12-01T23:00:00Z" });
    const fourth = await hold(hana, { spaceId: venue.mainHall, eventId: demoEvents.harborClubNight.id, startsAt: "2026-12-01T19:00:00Z", endsAt: "2026-12-01T21:00:00Z" });
    expect([second.rank, third.rank, fourth.rank]).toEqual([1, 2, 3]);
    expect(second.startsAtLocal).toBe("2026-12-01T19:00:00+01:00");

    const refused = await ask(hana, "mutation($input: ConfirmVenueHoldInput!) { confirmVenueHold(input: $input) { id } }", { input: { holdId: third.id, layoutId: venue.layouts.fullHouse.id } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]).toMatchObject({ message: "The hold is ranked 2; only the first hold can be confirmed.", extensions: { code: "BAD_USER_INPUT", reason: "HOLD_NOT_FIRST", rank: 2 } });

    const released = await mutate(hana, "mutation($id: ID!) { releaseVenueHold(id: $id) { status rank closedAt } }", { id: second.id });
    expect(released).toMatchObject({ status: "RELEASED", rank: 1, closedAt: expect.any(String) });
    expect(await rankOf(third.id)).toEqual({ status: "ACTIVE", rank: 1 });
    expect(await rankOf(fourth.id)).toEqual({ status: "ACTIVE", rank: 2 });

    const booked = await mutate(hana, "mutation($input: ConfirmVenueHoldInput!) { confirmVenueHold(input: $input) { status space { name } layout { capacity } event { name } startsAtLocal } }", {
      input: { holdId: third.id, layoutId: venue.layouts.fullHouse.id },
    });
    expect(booked).toMatchObject({ status: "CONFIRMED", space: { name: "Full House" }, layout: { capacity: 1150 }, event: { name: demoEvents.harborAnniversaryGala.name }, startsAtLocal: "2026-12-01T22:00:00+01:00" });
    // The venue releases what the booking competed with.
    expect(await rankOf(fourth.id)).toEqual({ status: "RELEASED", rank: 2 });
  });

  it("is told when the event does not fit the layout, and about unknown events", async () => {
    const venue = await harborLikeVenue();
    const clubHold = await hold(hana, { spaceId: venue.clubRoom, eventId: demoEvents.harborClubNight.id });
    const tooBig = await ask(hana, "mutation($input: ConfirmVenueHoldInput!) { confirmVenueHold(input: $input) { id } }", { input: { holdId: clubHold.id, layoutId: venue.layouts.clubRoom.id } });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.errors?.[0]).toMatchObject({ message: 'The event\'s capacity (900) exceeds the layout "Club" (250).', extensions: { code: "BAD_USER_INPUT" } });
    expect(await rankOf(clubHold.id)).toEqual({ status: "ACTIVE", rank: 1 });

    const unknownEvent = crypto.randomUUID();
    const missing = await ask(hana, placeHold, { input: { spaceId: venue.clubRoom, eventId: unknownEvent } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.[0]).toMatchObject({ message: `There is no event "${unknownEvent}" in this company.`, extensions: { code: "BAD_USER_INPUT" } });
  });

  it("ranks holds across a combination and its parts, turnarounds included", async () => {
    const venue = await harborLikeVenue();
    const club = await hold(hana, { spaceId: venue.clubRoom, eventId: demoEvents.harborClubNight.id, startsAt: "2026-11-10T18:00:00Z", endsAt: "2026-11-10T22:00:00Z" });
    // 22:10 is inside the Club Room's 30-minute turnaround; 22:30 is after it.
    const house = await hold(hana, { spaceId: venue.fullHouse, eventId: demoEvents.harborAnniversaryGala.id, startsAt: "2026-11-10T22:10:00Z", endsAt: "2026-11-10T23:00:00Z" });
    // The house's other part, ready (60-minute turnaround) just as the house is held.
    const main = await hold(hana, { spaceId: venue.mainHall, eventId: demoEvents.harborJazzNight.id, startsAt: "2026-11-10T18:00:00Z", endsAt: "2026-11-10T21:10:00Z" });
    const afterTurnaround = await hold(hana, { spaceId: venue.clubRoom, eventId: demoEvents.harborJazzNight.id, startsAt: "2026-11-10T22:30:00Z", endsAt: "2026-11-10T23:00:00Z" });
    expect([club.rank, house.rank, main.rank, afterTurnaround.rank]).toEqual([1, 2, 1, 3]);
    // afterTurnaround is behind the house only (which includes the Club Room): first once it goes.
    await mutate(hana, "mutation($id: ID!) { releaseVenueHold(id: $id) { id } }", { id: house.id });
    expect(await rankOf(afterTurnaround.id)).toEqual({ status: "ACTIVE", rank: 1 });
  });
});

describe("another company's venues", () => {
  it("are invisible to Northwind, and its ids behave as unknown in every query and mutation, changing nothing", async () => {
    const harborBefore = await ask(hana, "{ venues { edges { node { id spaces { id layouts { id } } } } } venueHolds(first: 50) { edges { node { id rank status } } } venueBookings { edges { node { id status } } } }");
    const { venues, venueHolds, venueBookings } = harborBefore.body.data!;
    const venueId = venues.edges[0].node.id;
    const space = venues.edges[0].node.spaces[0];
    const layoutId = space.layouts[0].id;
    const holdId = venueHolds.edges.find((edge: { node: { status: string } }) => edge.node.status === "ACTIVE").node.id;
    const bookingId = venueBookings.edges[0].node.id;

    const reads = await ask(
      alice,
      `query($venueId: ID!, $holdId: ID!, $bookingId: ID!, $eventId: ID!) {
        venues { edges { node { name } } }
        venue(id: $venueId) { id } venueHold(id: $holdId) { id } venueBooking(id: $bookingId) { id }
        venueHolds(filter: { venueId: $venueId }) { edges { node { id } } }
        byEvent: venueHolds(filter: { eventId: $eventId }) { edges { node { id } } }
        venueBookings(filter: { venueId: $venueId }) { edges { node { id } } }
        venueAvailability(venueId: $venueId, from: "2026-06-01", to: "2026-06-02") { from }
      }`,
      { venueId, holdId, bookingId, eventId: demoEvents.harborJazzNight.id },
    );
    expect(reads.body).toEqual({
      data: {
        venues: { edges: [{ node: { name: "Crystal Ballroom" } }] },
        venue: null,
        venueHold: null,
        venueBooking: null,
        venueHolds: { edges: [] },
        byEvent: { edges: [] },
        venueBookings: { edges: [] },
        venueAvailability: null,
      },
    });

    const notFound: [string, Record<string, unknown>, string][] = [
      ["mutation($id: ID!) { updateVenue(input: { id: $id, name: \"Mine now\" }) { id } }", { id: venueId }, venueId],
      ["mutation($id: ID!) { addVenueSpace(input: { venueId: $id, name: \"Annex\", turnaroundMinutes: 0 }) { id } }", { id: venueId }, venueId],
      ["mutation($id: ID!) { updateVenueSpace(input: { id: $id, turnaroundMinutes: 0 }) { id } }", { id: space.id }, space.id],
      ["mutation($id: ID!) { removeVenueSpace(id: $id) }", { id: space.id }, space.id],
      ["mutation($id: ID!) { updateVenueLayout(input: { id: $id, sections: [{ name: \"A\", capacity: 1 }] }) { id } }", { id: layoutId }, layoutId],
      ["mutation($id: ID!) { removeVenueLayout(id: $id) }", { id: layoutId }, layoutId],
      ["mutation($id: ID!) { createVenueLayout(input: { spaceId: $id, name: \"Mine\", kind: SEATED, sections: [{ name: \"A\", capacity: 1 }] }) { id } }", { id: space.id }, space.id],
      ["mutation($id: ID!) { placeVenueHold(input: { spaceId: $id, eventId: \"" + demoEvents.chicago.id + "\" }) { id } }", { id: space.id }, space.id],
      ["mutation($id: ID!) { releaseVenueHold(id: $id) { id } }", { id: holdId }, holdId],
      ["mutation($id: ID!, $layoutId: ID!) { confirmVenueHold(input: { holdId: $id, layoutId: $layoutId }) { id } }", { id: holdId, layoutId }, holdId],
      ["mutation($id: ID!) { cancelVenueBooking(id: $id) { id } }", { id: bookingId }, bookingId],
    ];
    for (const [mutation, variables, id] of notFound) {
      const response = await ask(alice, mutation, variables);
      expect(response.status, mutation).toBe(404);
      expect(response.body.errors?.[0]?.extensions, mutation).toMatchObject({ code: "NOT_FOUND", id });
    }
    const withHarborEvent = await ask(alice, "{ venues { edges { node { spaces { id } } } } }");
    const northwindSpace = withHarborEvent.body.data!.venues.edges[0].node.spaces[0].id;
    const holdHarborEvent = await ask(alice, placeHold, { input: { spaceId: northwindSpace, eventId: demoEvents.harborJazzNight.id } });
    expect(holdHarborEvent.body.errors?.[0]).toMatchObject({ message: `There is no event "${demoEvents.harborJazzNight.id}" in this company.`, extensions: { code: "BAD_USER_INPUT" } });

    expect((await ask(hana, "{ venues { edges { node { id spaces { id layouts { id } } } } } venueHolds(first: 50) { edges { node { id rank status } } } venueBookings { edges { node { id status } } } }")).body).toEqual(harborBefore.body);
  });
});

describe("a venue manager maintaining spaces and layouts", () => {
  const updateSpace = "mutation($input: UpdateVenueSpaceInput!) { updateVenueSpace(input: $input) { id name turnaroundMinutes } }";
  const removeSpace = "mutation($id: ID!) { removeVenueSpace(id: $id) }";
  const updateLayout = "mutation($input: UpdateVenueLayoutInput!) { updateVenueLayout(input: $input) { id name kind capacity sections { name capacity } } }";
  const removeLayout = "mutation($id: ID!) { removeVenueLayout(id: $id) }";
  const confirm = "mutation($input: ConfirmVenueHoldInput!) { confirmVenueHold(input: $input) { id } }";
  const cancel = "mutation($id: ID!) { cancelVenueBooking(id: $id) { status } }";
  /** The first error of a request that must be refused. */
  const refusal = async (caller: Caller, mutation: string, variables: Record<string, unknown>) => {
    const response = await ask(caller, mutation, variables);
    expect(response.body.data ?? null, mutation).toBeNull();
    return response.body.errors?.[0];
  };
  const spacesOf = async (venueId: string, caller: Caller = hana) =>
    (await ask(caller, "query($id: ID!) { venue(id: $id) { spaces { name turnaroundMinutes layouts { name kind capacity } } } }", { id: venueId })).body.data!.venue.spaces;

  it("renames a space and lengthens its turnaround: a hold inside the booking's new turnaround moves behind it; a taken name or a bad turnaround changes nothing", async () => {
    const venue = await harborLikeVenue();
    const booked = await hold(hana, { spaceId: venue.mainHall, eventId: demoEvents.harborClubNight.id, startsAt: "2027-02-10T18:00:00Z", endsAt: "2027-02-10T22:00:00Z" });
    const booking = await mutate(hana, confirm, { input: { holdId: booked.id, layoutId: venue.layouts.mainHall.id } });
    // 30 minutes after the booking's 60-minute turnaround: nothing ahead of it.
    const after = await hold(hana, { spaceId: venue.mainHall, eventId: demoEvents.harborAnniversaryGala.id, startsAt: "2027-02-10T23:30:00Z", endsAt: "2027-02-11T01:00:00Z" });
    expect(after.rank).toBe(1);

    expect(await mutate(hana, updateSpace, { input: { id: venue.mainHall, name: "Great Hall", turnaroundMinutes: 120 } })).toEqual({ id: venue.mainHall, name: "Great Hall", turnaroundMinutes: 120 });
    expect(await rankOf(after.id)).toEqual({ status: "ACTIVE", rank: 2 });

    expect(await refusal(hana, updateSpace, { input: { id: venue.mainHall, name: "Club Room" } })).toMatchObject({
      message: 'The venue already has a space named "Club Room".',
      extensions: { code: "BAD_USER_INPUT", reason: "SPACE_NAME_TAKEN", field: "name" },
    });
    expect(await refusal(hana, updateSpace, { input: { id: venue.mainHall, turnaroundMinutes: 1441 } })).toMatchObject({
      message: "turnaroundMinutes must be a whole number from 0 to 1440 (got 1441).",
      extensions: { code: "BAD_USER_INPUT", field: "turnaroundMinutes" },
    });
    expect((await spacesOf(venue.venueId)).map((space: { name: string; turnaroundMinutes: number }) => [space.name, space.turnaroundMinutes])).toEqual([
      ["Club Room", 30],
      ["Full House", 90],
      ["Great Hall", 120],
    ]);
    // Frees the club night for the tests that book it.
    await mutate(hana, cancel, { id: booking.id });
  });

  it("refuses a turnaround that would make two confirmed bookings overlap, and nothing changes", async () => {
    const venue = await harborLikeVenue("RELEASE_OVERLAPPING", alice);
    // Three hours each; the second starts exactly one turnaround (60 minutes) after the first ends.
    const early = await northwindEvent("Early show", new Date("2027-03-01T18:00:00Z"), 500);
    const late = await northwindEvent("Late show", new Date("2027-03-01T22:00:00Z"), 500);
    for (const eventId of [early, late]) {
      const placed = await hold(alice, { spaceId: venue.mainHall, eventId });
      await mutate(alice, confirm, { input: { holdId: placed.id, layoutId: venue.layouts.mainHall.id } });
    }
    expect(await refusal(alice, updateSpace, { input: { id: venue.mainHall, name: "Great Hall", turnaroundMinutes: 61 } })).toMatchObject({
      message: 'With a turnaround of 61 minutes, confirmed bookings of "Main Hall" (or of a space it shares a floor with) would overlap; move or cancel one first.',
      extensions: { code: "BAD_USER_INPUT", reason: "DOUBLE_BOOKING", field: "turnaroundMinutes" },
    });
    expect((await spacesOf(venue.venueId, alice)).map((space: { name: string; turnaroundMinutes: number }) => [space.name, space.turnaroundMinutes])).toEqual([
      ["Club Room", 30],
      ["Full House", 90],
      ["Main Hall", 60],
    ]);
    const bookings = await ask(alice, "query($venueId: ID) { venueBookings(filter: { venueId: $venueId }) { edges { node { status } } } }", { venueId: venue.venueId });
    expect(bookings.body.data!.venueBookings.edges).toEqual([{ node: { status: "CONFIRMED" } }, { node: { status: "CONFIRMED" } }]);
  });

  it("changes a booked layout only as far as the booked event (capacity from Base) still fits, and removes layouts and spaces only when nothing needs them", async () => {
    const venue = await harborLikeVenue();
    const held = await hold(hana, { spaceId: venue.mainHall, eventId: demoEvents.harborClubNight.id, startsAt: "2027-02-20T18:00:00Z", endsAt: "2027-02-20T22:00:00Z" });
    const booking = await mutate(hana, confirm, { input: { holdId: held.id, layoutId: venue.layouts.mainHall.id } });
    const standing = venue.layouts.mainHall.id;

    expect(await mutate(hana, updateLayout, { input: { id: standing, name: "Concert standing", kind: "MIXED", sections: [{ name: "Floor", capacity: 600 }, { name: "Balcony", capacity: 300 }] } })).toEqual({
      id: standing,
      name: "Concert standing",
      kind: "MIXED",
      capacity: 900,
      sections: [
        { name: "Floor", capacity: 600 },
        { name: "Balcony", capacity: 300 },
      ],
    });
    // The club night (capacity 900 in Base) is booked in it.
    expect(await refusal(hana, updateLayout, { input: { id: standing, sections: [{ name: "Floor", capacity: 899 }] } })).toMatchObject({
      message: `Event "${demoEvents.harborClubNight.id}" is booked in this layout with a capacity of 900; the new sections take 899.`,
      extensions: { code: "BAD_USER_INPUT", reason: "LAYOUT_TOO_SMALL", field: "sections", eventCapacity: 900, layoutCapacity: 899 },
    });
    expect(await refusal(hana, updateLayout, { input: { id: standing, sections: [] } })).toMatchObject({ message: "A layout needs at least one section.", extensions: { code: "BAD_USER_INPUT" } });
    const seated = await mutate(hana, "mutation($input: CreateVenueLayoutInput!) { createVenueLayout(input: $input) { id } }", {
      input: { spaceId: venue.mainHall, name: "Seated", kind: "SEATED", sections: [{ name: "Stalls", capacity: 400 }] },
    });
    expect(await mutate(hana, updateLayout, { input: { id: seated.id, sections: [{ name: "Stalls", capacity: 380 }] } })).toEqual({
      id: seated.id,
      name: "Seated",
      kind: "SEATED",
      capacity: 380,
      sections: [{ name: "Stalls", capacity: 380 }],
    });
    expect(await refusal(hana, updateLayout, { input: { id: standing, name: "Seated" } })).toMatchObject({
      message: 'The space already has a layout named "Seated".',
      extensions: { code: "BAD_USER_INPUT", reason: "LAYOUT_NAME_TAKEN", field: "name" },
    });
    expect(await refusal(hana, removeLayout, { id: standing })).toMatchObject({
      message: "The layout is used by 1 confirmed booking(s); cancel them first.",
      extensions: { code: "BAD_USER_INPUT", reason: "LAYOUT_IN_USE", confirmedBookings: 1 },
    });
    expect((await spacesOf(venue.venueId)).find((space: { name: string }) => space.name === "Main Hall").layouts).toEqual([
      { name: "Concert standing", kind: "MIXED", capacity: 900 },
      { name: "Seated", kind: "SEATED", capacity: 380 },
    ]);

    expect(await mutate(hana, removeLayout, { id: seated.id })).toBe(seated.id);
    expect(await refusal(hana, removeSpace, { id: venue.mainHall })).toMatchObject({
      message: 'The space is part of the combination "Full House"; remove the combination first.',
      extensions: { code: "BAD_USER_INPUT", reason: "SPACE_IN_COMBINATION", combinationIds: [venue.fullHouse] },
    });
    expect(await mutate(hana, removeSpace, { id: venue.fullHouse })).toBe(venue.fullHouse);
    expect(await refusal(hana, removeSpace, { id: venue.mainHall })).toMatchObject({
      message: "The space has 0 active hold(s) and 1 confirmed booking(s); release and cancel them first.",
      extensions: { code: "BAD_USER_INPUT", reason: "SPACE_IN_USE", activeHolds: 0, confirmedBookings: 1 },
    });
    expect((await spacesOf(venue.venueId)).map((space: { name: string; layouts: unknown[] }) => [space.name, space.layouts.length])).toEqual([
      ["Club Room", 1],
      ["Main Hall", 1],
    ]);

    // Once the booking is cancelled the space goes, with its layout and its history.
    await mutate(hana, cancel, { id: booking.id });
    expect(await mutate(hana, removeSpace, { id: venue.mainHall })).toBe(venue.mainHall);
    expect(await spacesOf(venue.venueId)).toEqual([{ name: "Club Room", turnaroundMinutes: 30, layouts: [{ name: "Club", kind: "STANDING", capacity: 250 }] }]);
    const gone = await ask(hana, "query($booking: ID!, $hold: ID!) { venueBooking(id: $booking) { id } venueHold(id: $hold) { id } }", { booking: booking.id, hold: held.id });
    expect(gone.body).toEqual({ data: { venueBooking: null, venueHold: null } });
    expect((await refusal(hana, removeSpace, { id: venue.mainHall }))?.extensions).toMatchObject({ code: "NOT_FOUND", id: venue.mainHall });
  });
});

describe("50 concurrent confirmations for overlapping ranges", () => {
  it("let exactly one win; every other request is refused as bad input", async () => {
    const venue = await harborLikeVenue("DEMOTE_OVERLAPPING");
    const holds: Record<string, any>[] = [];
    for (let index = 0; index < 50; index += 1) {
      holds.push(
        await hold(hana, {
          spaceId: [venue.mainHall, venue.fullHouse, venue.clubRoom][index % 3],
          eventId: demoEvents.harborClubNight.id,
          startsAt: `2027-01-15T${String(18 + (index % 4)).padStart(2, "0")}:00:00Z`,
          endsAt: "2027-01-15T23:00:00Z",
        }),
      );
    }
    const layoutOf = (space: string) => (space === "Main Hall" ? venue.layouts.mainHall.id : space === "Club Room" ? venue.layouts.clubRoom.id : venue.layouts.fullHouse.id);
    const responses = await Promise.all(
      holds.map((one) => ask(hana, "mutation($input: ConfirmVenueHoldInput!) { confirmVenueHold(input: $input) { id status } }", { input: { holdId: one.id, layoutId: layoutOf(one.space.name) } })),
    );
    const won = responses.filter((response) => response.body.data?.confirmVenueHold?.status === "CONFIRMED");
    const refused = responses.filter((response) => response.body.errors?.[0]?.extensions?.code === "BAD_USER_INPUT");
    expect(won).toHaveLength(1);
    expect(refused).toHaveLength(49);
    const bookings = await ask(hana, "query($venueId: ID) { venueBookings(filter: { venueId: $venueId }) { edges { node { status } } } }", { venueId: venue.venueId });
    expect(bookings.body.data!.venueBookings.edges).toEqual([{ node: { status: "CONFIRMED" } }]);
  });
});

describe("availability", () => {
  it("covers Berlin's 25-hour autumn day, in the venue's local time with offsets, with holds by rank and the booking", async () => {
    // Alice's Northwind also runs a Hamburg room here: she can create the small event the Club Room takes.
    const venue = await harborLikeVenue("DEMOTE_OVERLAPPING", alice);
    // 01:00 summer time to 04:00 winter time, across the change at 03:00 summer time.
    const night = await hold(alice, { spaceId: venue.mainHall, eventId: demoEvents.berlin.id, startsAt: "2026-10-24T23:00:00Z", endsAt: "2026-10-25T03:00:00Z" });
    await hold(alice, { spaceId: venue.fullHouse, eventId: demoEvents.munich.id, startsAt: "2026-10-25T00:00:00Z", endsAt: "2026-10-25T02:00:00Z" });
    const smallShow = await northwindEvent("Hamburg club show", new Date("2026-10-25T19:00:00Z"), 200);
    const evening = await hold(alice, { spaceId: venue.clubRoom, eventId: smallShow });
    await mutate(alice, "mutation($input: ConfirmVenueHoldInput!) { confirmVenueHold(input: $input) { id } }", { input: { holdId: evening.id, layoutId: venue.layouts.clubRoom.id } });

    const response = await ask(
      alice,
      `query($venueId: ID!) { venueAvailability(venueId: $venueId, from: "2026-10-25", to: "2026-10-25") {
          from to spaces { space { name } intervals { state startsAtLocal endsAtLocal holds { rank hold { id } } booking { id status } } }
        } }`,
      { venueId: venue.venueId },
    );
    expect(response.body.errors).toBeUndefined();
    const spaces = Object.fromEntries(
      response.body.data!.venueAvailability.spaces.map((space: { space: { name: string }; intervals: Record<string, any>[] }) => [
        space.space.name,
        space.intervals.map((interval) => [interval.state, interval.startsAtLocal, interval.endsAtLocal, interval.holds.map((ranked: { rank: number; hold: { id: string } }) => `${ranked.rank}:${ranked.hold.id === night.id ? "night" : "backup"}`), interval.booking?.status ?? null]),
      ]),
    );
    expect(spaces["Main Hall"]).toEqual([
      ["FREE", "2026-10-25T00:00:00+02:00", "2026-10-25T01:00:00+02:00", [], null],
      ["HELD", "2026-10-25T01:00:00+02:00", "2026-10-25T02:00:00+02:00", ["1:night"], null],
      ["HELD", "2026-10-25T02:00:00+02:00", "2026-10-25T04:30:00+01:00", ["1:night", "2:backup"], null],
      ["HELD", "2026-10-25T04:30:00+01:00", "2026-10-25T05:00:00+01:00", ["1:night"], null],
      ["FREE", "2026-10-25T05:00:00+01:00", "2026-10-26T00:00:00+01:00", [], null],
    ]);
    expect(spaces["Club Room"]).toEqual([
      ["FREE", "2026-10-25T00:00:00+02:00", "2026-10-25T02:00:00+02:00", [], null],
      ["HELD", "2026-10-25T02:00:00+02:00", "2026-10-25T04:30:00+01:00", ["2:backup"], null],
      ["FREE", "2026-10-25T04:30:00+01:00", "2026-10-25T20:00:00+01:00", [], null],
      ["BOOKED", "2026-10-25T20:00:00+01:00", "2026-10-25T23:30:00+01:00", [], "CONFIRMED"],
      ["FREE", "2026-10-25T23:30:00+01:00", "2026-10-26T00:00:00+01:00", [], null],
    ]);
    // The whole house is booked wherever its Club Room is, and held wherever either part is.
    expect(spaces["Full House"].map((interval: unknown[]) => interval[0])).toEqual(["FREE", "HELD", "HELD", "HELD", "FREE", "BOOKED", "FREE"]);
  });

  it("starts and ends Berlin's 23-hour spring day at its midnights", async () => {
    const venue = await harborLikeVenue();
    const response = await ask(hana, `query($venueId: ID!, $spaceId: ID) { venueAvailability(venueId: $venueId, from: "2026-03-29", to: "2026-03-29", spaceId: $spaceId) { spaces { intervals { state startsAt startsAtLocal endsAt endsAtLocal } } } }`, {
      venueId: venue.venueId,
      spaceId: venue.mainHall,
    });
    expect(response.body.data!.venueAvailability.spaces).toEqual([
      { intervals: [{ state: "FREE", startsAt: "2026-03-28T23:00:00.000Z", startsAtLocal: "2026-03-29T00:00:00+01:00", endsAt: "2026-03-29T22:00:00.000Z", endsAtLocal: "2026-03-30T00:00:00+02:00" }] },
    ]);
  });
});

describe("access", () => {
  it("is 401 without a token and 403 naming the module for bob (no venue grant), whose events keep their other fields", async () => {
    const anonymous = await stack.query("{ venues { edges { node { id } } } }", { company: "harbor" });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED" });

    const withoutModule = await ask(bob, "{ venues { edges { node { id } } } }");
    expect(withoutModule.status).toBe(403);
    expect(withoutModule.body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", module: "venue" });

    // bob may read Northwind's events; their venue fields are null with FORBIDDEN beside them.
    const events = await ask(bob, `{ events(first: 2) { edges { node { name venueBooking { id } venueHolds { id } } } } }`);
    expect(events.status).toBe(200);
    expect(events.body.data!.events.edges).toHaveLength(2);
    for (const { node } of events.body.data!.events.edges) expect(node).toMatchObject({ venueBooking: null, venueHolds: null });
    expect(events.body.errors?.every((error: { extensions?: { code?: string } }) => error.extensions?.code === "FORBIDDEN")).toBe(true);
  });
});

describe("a list of events with their venue booking and holds", () => {
  it("costs Venue the same number of SQL statements for 10 events as for 100", async () => {
    const venues = await ask(alice, "{ venues { edges { node { name spaces { id } } } } }");
    const ballroom = venues.body.data!.venues.edges.find((edge: { node: { name: string } }) => edge.node.name === "Crystal Ballroom").node.spaces[0].id;
    const createEvent = async (index: number) => {
      const eventId = await northwindEvent(`Ballroom night ${index}`, new Date(Date.UTC(2028, 3, 1, 3) + index * 86_400_000), 1000);
      await hold(alice, { spaceId: ballroom, eventId });
    };
    for (let start = 0; start < 100; start += 10) await Promise.all(Array.from({ length: 10 }, (_, offset) => createEvent(start + offset)));

    const statementsFor = async (first: number) => {
      const before = venueStatements();
      const response = await ask(
        alice,
        `query($first: Int) { events(first: $first, filter: { search: "Ballroom night" }) { edges { node {
            venueBooking { status }
            venueHolds { rank startsAtLocal space { name venue { name } } }
          } } } }`,
        { first },
      );
      expect(response.body.errors).toBeUndefined();
      const events = response.body.data!.events.edges;
      expect(events).toHaveLength(first);
      for (const { node } of events) {
        expect(node.venueBooking).toBeNull();
        expect(node.venueHolds).toEqual([{ rank: 1, startsAtLocal: expect.stringMatching(/T20:00:00-07:00$/), space: { name: "Ballroom", venue: { name: "Crystal Ballroom" } } }]);
      }
      return venueStatements() - before;
    };
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    expect(hundred).toBe(ten);
    // The events' bookings, their holds, the holds' spaces (with their parts: three), their venue.
    expect(ten).toBe(6);
  });
});
