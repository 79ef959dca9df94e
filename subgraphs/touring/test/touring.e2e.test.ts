// Touring through the gateway, over HTTP, on the seeded demo world: an artist with their
// tours, routing and suggestion in one federated query; a day sheet across a time-zone
// change; who may read and change what; another company's and unknown ids; and what a
// list of events costs Touring in SQL statements and calls to Base.
import { localDateOf } from "@marquee/kit";
import { demoArtists, demoEvents } from "@marquee/kit/demo";
import { baseSubgraph } from "@marquee/subgraph-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "@marquee/gateway/testing";
import { touringSubgraph } from "../src/index.ts";

const alice = { as: "alice@northwind.test", company: "northwind" } as const;
const bob = { as: "bob@northwind.test", company: "northwind" } as const;
const hana = { as: "hana@harbor.test", company: "harbor" } as const;

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ packages: [baseSubgraph, touringSubgraph] });
});
afterAll(async () => {
  await stack?.close();
});

type Caller = { as: string; company: string };
const ask = (caller: Caller, query: string, variables: Record<string, unknown> = {}) => stack.query(query, { ...caller, variables });
const touringStatements = () => stack.stack.subgraphs.get("touring")!.opened.queryCount();
const baseOperations = () => stack.logs.lines().filter((line) => line.msg === "operation" && line.endpoint === "/api/base/graphql").length;

/** The demo's dates: Base places each event `day` days after the seed day (today, UTC). */
const demoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const chicagoDay = demoDay(demoEvents.chicago.day);

const springTour = `{ artists(filter: { search: "Aurora" }) { edges { node {
  name
  tours { edges { node {
    id name status nextStatuses dailyDriveLimitKm startsOn endsOn
    stops { position kind dateFixed date place { city timeZone } event { name } }
    routing {
      legs { from { place { city } } to { place { city } } distanceKm days dailyDriveKm }
      flags { kind stops { position } message }
      totals { distanceKm showCount days }
    }
    routingSuggestion { stops { position } distanceBeforeKm distanceAfterKm }
  } } }
} } } }`;

async function springTourId(): Promise<string> {
  const response = await ask(alice, `{ tours(filter: { artistId: "${demoArtists.auroraLane.id}" }) { edges { node { id } } } }`);
  return response.body.data!.tours.edges[0].node.id;
}

const dayAfterChicago = (days: number) => {
  const date = new Date(`${chicagoDay}T00:00:00Z`);
  return new Date(date.getTime() + days * 86_400_000).toISOString().slice(0, 10);
};

describe("alice, who holds every touring permission", () => {
  it("gets an artist with their tour, its stops, routing legs, flags and suggestion in one federated query", async () => {
    const response = await ask(alice, springTour);
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    const [artist] = response.body.data!.artists.edges.map((edge: { node: unknown }) => edge.node);
    expect(artist.name).toBe(demoArtists.auroraLane.name);
    const [{ node: tour }] = artist.tours.edges;
    const place = (city: string, timeZone: string) => ({ city, timeZone });
    expect(tour).toMatchObject({
      name: "Aurora Lane — Spring Tour",
      status: "PLANNING",
      nextStatuses: ["CONFIRMED", "CANCELLED"],
      dailyDriveLimitKm: 600,
      startsOn: chicagoDay,
      endsOn: dayAfterChicago(3),
      stops: [
        { position: 0, kind: "SHOW", dateFixed: true, date: chicagoDay, place: place("Chicago", "America/Chicago"), event: { name: demoEvents.chicago.name } },
        { position: 1, kind: "TRAVEL_DAY", dateFixed: true, date: dayAfterChicago(1), place: place("Cleveland", "America/New_York"), event: null },
        { position: 2, kind: "DAY_OFF", dateFixed: true, date: dayAfterChicago(2), place: place("New York", "America/New_York"), event: null },
        { position: 3, kind: "SHOW", dateFixed: true, date: dayAfterChicago(3), place: place("New York", "America/New_York"), event: { name: demoEvents.brooklyn.name } },
        { position: 4, kind: "SHOW", dateFixed: false, date: null, place: place("Amsterdam", "Europe/Amsterdam"), event: { name: demoEvents.amsterdamFestival.name } },
        { position: 5, kind: "DAY_OFF", dateFixed: false, date: null, place: place("Boston", "America/New_York"), event: null },
      ],
    });
    const leg = (from: string, to: string, distanceKm: number, days: number | null, dailyDriveKm: number | null) => ({
      from: { place: { city: from } },
      to: { place: { city: to } },
      distanceKm,
      days,
      dailyDriveKm,
    });
    expect(tour.routing).toEqual({
      legs: [
        leg("Chicago", "Cleveland", 496.9, 1, 496.9),
        leg("Cleveland", "New York", 649.9, 1, 649.9),
        leg("New York", "New York", 5.7, 1, 5.7),
        leg("New York", "Amsterdam", 5862.7, null, null),
        leg("Amsterdam", "Boston", 5561.9, null, null),
      ],
      flags: [
        { kind: "OVER_DRIVE_LIMIT", stops: [{ position: 1 }, { position: 2 }], message: "Cleveland → New York: 649.9 km in 1 day(s) is 649.9 km a day, over the 600 km limit." },
        {
          kind: "BACKTRACKING",
          stops: [{ position: 3 }, { position: 4 }, { position: 5 }],
          message: "Amsterdam → Boston heads back toward New York: 5561.5 of its 5561.9 km undo the previous leg.",
        },
      ],
      totals: { distanceKm: 12577.1, showCount: 3, days: 4 },
    });
    // The two open stops swap: Boston on the way, then across the Atlantic; the four fixed stops stay put.
    expect(tour.routingSuggestion).toEqual({
      stops: [0, 1, 2, 3, 5, 4].map((position) => ({ position })),
      distanceBeforeKm: 12577.1,
      distanceAfterKm: 7015.6,
    });
  });

  it("gets the travel day's sheet: the bus leaves on Chicago's clock and arrives on Cleveland's, an hour ahead", async () => {
    const tourId = await springTourId();
    const response = await ask(
      alice,
      `query($tourId: ID!, $date: Date!) { daySheet(tourId: $tourId, date: $date) {
        date timeZone place { city } stops { kind } show { name }
        travel { title origin destination startsAt endsAt startTimeZone endTimeZone startsAtLocal { date time } endsAtLocal { date time } }
        hotel { title startsAtLocal { time } endsAtLocal { date time } }
        items { kind title } conflicts { first { title } } text
      } }`,
      { tourId, date: dayAfterChicago(1) },
    );
    expect(response.body.errors).toBeUndefined();
    const sheet = response.body.data!.daySheet;
    expect(sheet).toMatchObject({
      date: dayAfterChicago(1),
      timeZone: "America/New_York",
      place: { city: "Cleveland" },
      stops: [{ kind: "TRAVEL_DAY" }],
      show: null,
      travel: [
        {
          title: "Tour bus",
          origin: "Chicago",
          destination: "Cleveland",
          startTimeZone: "America/Chicago",
          endTimeZone: "America/New_York",
          startsAtLocal: { date: dayAfterChicago(1), time: "10:00" },
          endsAtLocal: { date: dayAfterChicago(1), time: "17:30" },
        },
      ],
      hotel: { title: "Kimpton Schofield", startsAtLocal: { time: "18:00" }, endsAtLocal: { date: dayAfterChicago(2), time: "10:00" } },
      items: [
        { kind: "TRAVEL", title: "Tour bus" },
        { kind: "HOTEL", title: "Kimpton Schofield" },
      ],
      conflicts: [],
    });
    // 10:00 in Chicago to 17:30 in Cleveland is six and a half hours on the road, whatever the season.
    const [bus] = sheet.travel;
    expect(Date.parse(bus.endsAt) - Date.parse(bus.startsAt)).toBe(6.5 * 3_600_000);
    const [title, day, kind, , heading, busLine, hotelLine] = sheet.text.split("\n");
    expect([title, kind, heading]).toEqual(["Aurora Lane — Spring Tour — day sheet", "Travel day", "SCHEDULE"]);
    expect(day).toMatch(new RegExp(`^[A-Z][a-z]+day ${dayAfterChicago(1)} · Cleveland, US · local time America/New_York$`));
    expect(busLine).toMatch(/^ {2}10:00 C[SD]T → 17:30 E[SD]T {10}TRAVEL {5}Tour bus \(Chicago → Cleveland\)$/);
    expect(hotelLine).toMatch(new RegExp(`^  18:00 E[SD]T → ${dayAfterChicago(2)} 10:00 E[SD]T HOTEL      Kimpton Schofield · 2000 E 9th St, Cleveland$`));
  });

  it("gets the Brooklyn show day's sheet with its show from Base and the interview that clashes with soundcheck", async () => {
    const tourId = await springTourId();
    const response = await ask(
      alice,
      `query($tourId: ID!, $date: Date!) { daySheet(tourId: $tourId, date: $date) {
        show { name } items { kind startsAtLocal { time } performer { name } } conflicts { first { title } second { title } } text
      } }`,
      { tourId, date: dayAfterChicago(3) },
    );
    expect(response.body.errors).toBeUndefined();
    const sheet = response.body.data!.daySheet;
    expect(sheet.show).toEqual({ name: demoEvents.brooklyn.name });
    expect(sheet.items.map((item: { kind: string; startsAtLocal: { time: string }; performer: { name: string } | null }) => [item.kind, item.startsAtLocal.time, item.performer?.name ?? null])).toEqual([
      ["LOAD_IN", "13:00", null],
      ["SOUNDCHECK", "16:00", null],
      ["PRESS", "16:30", null],
      ["DOORS", "19:00", null],
      ["SET", "20:00", demoArtists.sagaNord.name],
      ["SET", "21:15", demoArtists.auroraLane.name],
      ["CURFEW", "23:00", null],
    ]);
    expect(sheet.conflicts).toEqual([{ first: { title: "Soundcheck" }, second: { title: "WFUV radio session" } }]);
    expect(sheet.text).toMatch(/\nSHOW {2}Aurora Lane — Spring Tour, Brooklyn · 20:00 E[SD]T\n/);
    expect(sheet.text).toMatch(/\nCONFLICTS\n {2}SOUNDCHECK "Soundcheck" overlaps PRESS "WFUV radio session"\n$/);
  });

  it("plans a tour: creates it, adds stops and a schedule item in the day's zone, moves a stop, confirms it", async () => {
    const created = await ask(alice, `mutation { createTour(input: { artistId: "${demoArtists.brassRepublic.id}", name: "  Brass Republic — Summer Run ", dailyDriveLimitKm: 700 }) { id name status startsOn } }`);
    expect(created.body.errors).toBeUndefined();
    const tour = created.body.data!.createTour;
    expect(tour).toMatchObject({ name: "Brass Republic — Summer Run", status: "PLANNING", startsOn: null });

    const addStop = (input: Record<string, unknown>) => ask(alice, "mutation($input: AddTourStopInput!) { addTourStop(input: $input) { id position date dateFixed } }", { input: { tourId: tour.id, ...input } });
    const newOrleans = await addStop({ kind: "SHOW", eventId: demoEvents.newOrleans.id });
    expect(newOrleans.body.data!.addTourStop).toMatchObject({ position: 0, date: demoDay(demoEvents.newOrleans.day), dateFixed: true });
    const travel = await addStop({ kind: "TRAVEL_DAY", date: demoDay(demoEvents.newOrleans.day + 1), place: { city: "Houston", country: "US", latitude: 29.7604, longitude: -95.3698, timeZone: "America/Chicago" } });
    const zurich = await addStop({ kind: "SHOW", eventId: demoEvents.zurich.id, position: 1 });
    expect(zurich.body.data!.addTourStop.position).toBe(1);

    const item = await ask(
      alice,
      "mutation($input: AddScheduleItemInput!) { addScheduleItem(input: $input) { startTimeZone startsAtLocal { time } } }",
      { input: { tourId: tour.id, day: demoDay(demoEvents.newOrleans.day + 1), kind: "PRESS", title: "Radio", startsAt: `${demoDay(demoEvents.newOrleans.day + 1)}T15:00:00Z` } },
    );
    expect(item.body.errors).toBeUndefined();
    expect(item.body.data!.addScheduleItem.startTimeZone).toBe("America/Chicago");

    const moved = await ask(alice, `mutation($id: ID!) { moveTourStop(input: { id: $id, position: 2 }) { stops { kind date } routing { flags { kind } } } }`, { id: zurich.body.data!.addTourStop.id });
    expect(moved.body.errors).toBeUndefined();
    expect(moved.body.data!.moveTourStop.stops.map((stop: { kind: string }) => stop.kind)).toEqual(["SHOW", "TRAVEL_DAY", "SHOW"]);
    expect(travel.body.data!.addTourStop.position).toBe(1);

    const confirmed = await ask(alice, `mutation { changeTourStatus(input: { id: "${tour.id}", status: CONFIRMED }) { status nextStatuses } }`);
    expect(confirmed.body.data!.changeTourStatus).toEqual({ status: "CONFIRMED", nextStatuses: ["PLANNING", "ON_THE_ROAD", "CANCELLED"] });
    const skipped = await ask(alice, `mutation { changeTourStatus(input: { id: "${tour.id}", status: COMPLETED }) { status } }`);
    expect(skipped.status).toBe(400);
    expect(skipped.body.errors?.[0]).toMatchObject({
      message: "A tour cannot move from CONFIRMED to COMPLETED: from CONFIRMED it can only move to PLANNING, ON_THE_ROAD, CANCELLED.",
      extensions: { code: "BAD_USER_INPUT" },
    });
  });

  it("shows each event's tour stop on Base's events", async () => {
    const response = await ask(alice, `{ events(filter: { search: "Spring Tour" }) { edges { node { name tourStop { position tour { name } } } } } }`);
    expect(response.body.errors).toBeUndefined();
    const stops = response.body.data!.events.edges.map((edge: { node: { name: string; tourStop: unknown } }) => [edge.node.name, edge.node.tourStop]);
    expect(new Map(stops)).toEqual(
      new Map([
        [demoEvents.chicago.name, { position: 0, tour: { name: "Aurora Lane — Spring Tour" } }],
        [demoEvents.brooklyn.name, { position: 3, tour: { name: "Aurora Lane — Spring Tour" } }],
      ]),
    );
  });
});

describe("a tour manager changing a tour", () => {
  const city = (name: string, latitude: number, longitude: number, timeZone: string, country = "US") => ({ city: name, country, latitude, longitude, timeZone });
  const newYork = city("New York", 40.7128, -74.006, "America/New_York");
  const boston = city("Boston", 42.3601, -71.0589, "America/New_York");
  const chicago = city("Chicago", 41.8781, -87.6298, "America/Chicago");
  const amsterdam = city("Amsterdam", 52.3676, 4.9041, "Europe/Amsterdam", "NL");
  const stopFields = "id position kind dateFixed date place { city timeZone } notes";
  const tourStops = `query($id: ID!) { tour(id: $id) { status stops { ${stopFields} } } }`;

  const newTour = async (name: string) => {
    const created = await ask(alice, `mutation { createTour(input: { artistId: "${demoArtists.midnightTide.id}", name: "${name}", dailyDriveLimitKm: 800 }) { id } }`);
    return created.body.data!.createTour.id as string;
  };
  const addStop = async (tourId: string, input: Record<string, unknown>) => {
    const response = await ask(alice, `mutation($input: AddTourStopInput!) { addTourStop(input: $input) { ${stopFields} } }`, { input: { tourId, ...input } });
    expect(response.body.errors).toBeUndefined();
    return response.body.data!.addTourStop;
  };
  const changeStatus = (id: string, status: string) => ask(alice, "mutation($id: ID!, $status: TourStatus!) { changeTourStatus(input: { id: $id, status: $status }) { status } }", { id, status });
  const refusal = (message: string) => ({ status: 400, body: { data: null, errors: [expect.objectContaining({ message, extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) })] } });
  const statusAndBody = (response: { status: number; body: unknown }) => ({ status: response.status, body: response.body });

  it("deletes a planning tour with its stops and schedule, and refuses to delete a confirmed one", async () => {
    const tourId = await newTour("Midnight Tide — London Warm-up");
    await addStop(tourId, { kind: "SHOW", eventId: demoEvents.london.id });
    await ask(alice, "mutation($input: AddScheduleItemInput!) { addScheduleItem(input: $input) { id } }", {
      input: { tourId, day: demoDay(demoEvents.london.day), kind: "DOORS", title: "Doors", startsAt: `${demoDay(demoEvents.london.day)}T17:30:00Z` },
    });
    const deleteTour = `mutation($id: ID!) { deleteTour(id: $id) }`;
    const everything = `query($id: ID!, $date: Date!) { tour(id: $id) { status stops { id } } daySheet(tourId: $id, date: $date) { items { title } } }`;
    const variables = { id: tourId, date: demoDay(demoEvents.london.day) };
    const before = await ask(alice, everything, variables);

    await changeStatus(tourId, "CONFIRMED");
    const refused = await ask(alice, deleteTour, { id: tourId });
    expect(statusAndBody(refused)).toEqual(refusal("The tour is CONFIRMED; only a PLANNING or CANCELLED tour can be deleted (cancel it instead)."));
    expect(refused.body.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "TOUR_NOT_DELETABLE", id: tourId, status: "CONFIRMED" });
    await changeStatus(tourId, "PLANNING");
    expect((await ask(alice, everything, variables)).body).toEqual(before.body);

    expect((await ask(alice, deleteTour, { id: tourId })).body).toEqual({ data: { deleteTour: tourId } });
    expect((await ask(alice, everything, variables)).body).toEqual({ data: { tour: null, daySheet: null } });
    // The event is free to be routed again: its stop went with the tour.
    const event = await ask(alice, `{ event(id: "${demoEvents.london.id}") { tourStop { id } } }`);
    expect(event.body).toEqual({ data: { event: { tourStop: null } } });
    expect((await ask(alice, deleteTour, { id: tourId })).body.errors?.[0]).toMatchObject({ message: `There is no tour "${tourId}".`, extensions: { code: "NOT_FOUND", id: tourId } });
  });

  it("changes a travel day's date, place and notes and opens it again; a show keeps Base's date and place", async () => {
    const tourId = await newTour("Midnight Tide — Stop edits");
    const show = await addStop(tourId, { kind: "SHOW", eventId: demoEvents.london.id });
    const travel = await addStop(tourId, { kind: "TRAVEL_DAY" });
    const updateStop = `mutation($input: UpdateTourStopInput!) { updateTourStop(input: $input) { ${stopFields} } }`;
    const londonDay = demoDay(demoEvents.london.day);

    const fixed = await ask(alice, updateStop, { input: { id: travel.id, date: demoDay(demoEvents.london.day + 1), place: amsterdam, notes: " Ferry from Harwich " } });
    expect(fixed.body).toEqual({
      data: { updateTourStop: { id: travel.id, position: 1, kind: "TRAVEL_DAY", dateFixed: true, date: demoDay(demoEvents.london.day + 1), place: { city: "Amsterdam", timeZone: "Europe/Amsterdam" }, notes: "Ferry from Harwich" } },
    });
    const opened = await ask(alice, updateStop, { input: { id: travel.id, date: null, place: null } });
    expect(opened.body.data!.updateTourStop).toEqual({ ...fixed.body.data!.updateTourStop, dateFixed: false, date: null, place: null });
    const held = await ask(alice, updateStop, { input: { id: show.id, dateOpen: true, notes: "Hold until the promoter confirms" } });
    expect(held.body.data!.updateTourStop).toEqual({ ...show, dateFixed: false, date: null, notes: "Hold until the promoter confirms" });
    const confirmed = await ask(alice, updateStop, { input: { id: show.id, dateOpen: false, notes: null } });
    expect(confirmed.body.data!.updateTourStop).toEqual({ ...show, date: londonDay, place: { city: "London", timeZone: "Europe/London" } });

    const before = await ask(alice, tourStops, { id: tourId });
    const showDate = "A SHOW stop's date and place are its Base event's; change the event in Base, or open or fix its date with dateOpen.";
    expect(statusAndBody(await ask(alice, updateStop, { input: { id: show.id, date: londonDay } }))).toEqual(refusal(showDate));
    expect(statusAndBody(await ask(alice, updateStop, { input: { id: show.id, place: boston } }))).toEqual(refusal(showDate));
    expect(statusAndBody(await ask(alice, updateStop, { input: { id: travel.id, dateOpen: true } }))).toEqual(refusal("A TRAVEL_DAY stop's date is opened by setting date to null; leave dateOpen out."));
    expect(statusAndBody(await ask(alice, updateStop, { input: { id: travel.id, place: { ...boston, latitude: 91 } } }))).toEqual(refusal("place.latitude must be between -90 and 90 (got 91)."));
    expect((await ask(alice, tourStops, { id: tourId })).body).toEqual(before.body);

    await changeStatus(tourId, "CANCELLED");
    expect(statusAndBody(await ask(alice, updateStop, { input: { id: travel.id, notes: "Too late" } }))).toEqual(refusal("The tour is CANCELLED; it, its stops and its schedule can no longer change."));
    expect((await ask(alice, tourStops, { id: tourId })).body.data!.tour.stops).toEqual(before.body.data!.tour.stops);
    await ask(alice, `mutation { deleteTour(id: "${tourId}") }`);
  });

  it("changes a flight's arrival and destination, checked as a new item would be", async () => {
    const tourId = await newTour("Midnight Tide — Schedule edits");
    const day = "2027-03-10";
    const fields = "id day kind title startsAt endsAt startTimeZone endTimeZone endsAtLocal { date time } origin destination performer { name } location notes";
    const added = await ask(alice, `mutation($input: AddScheduleItemInput!) { addScheduleItem(input: $input) { ${fields} } }`, {
      input: { tourId, day, kind: "TRAVEL", title: "BA 178", startsAt: `${day}T11:00:00Z`, timeZone: "Europe/London", endsAt: `${day}T19:00:00Z`, endTimeZone: "America/New_York", origin: "London", destination: "New York" },
    });
    const flight = added.body.data!.addScheduleItem;
    const updateItem = `mutation($input: UpdateScheduleItemInput!) { updateScheduleItem(input: $input) { ${fields} } }`;

    const rerouted = await ask(alice, updateItem, { input: { id: flight.id, title: "BA 203", endsAt: `${day}T20:30:00Z`, destination: " Boston ", notes: "Row 40" } });
    expect(rerouted.body).toEqual({
      data: {
        updateScheduleItem: {
          ...flight,
          title: "BA 203",
          endsAt: `${day}T20:30:00.000Z`,
          endTimeZone: "America/New_York",
          endsAtLocal: { date: day, time: "15:30" },
          destination: "Boston",
          notes: "Row 40",
        },
      },
    });

    const read = `query($id: ID!) { daySheet(tourId: $id, date: "${day}") { items { ${fields} } } }`;
    const before = await ask(alice, read, { id: tourId });
    expect(before.body.data!.daySheet.items).toEqual([rerouted.body.data!.updateScheduleItem]);
    expect(statusAndBody(await ask(alice, updateItem, { input: { id: flight.id, endsAt: `${day}T10:00:00Z` } }))).toEqual(refusal("endsAt cannot come before startsAt."));
    expect(statusAndBody(await ask(alice, updateItem, { input: { id: flight.id, endsAt: null } }))).toEqual(refusal("TRAVEL needs timeZone (the departure city's), endsAt and endTimeZone (the arrival city's)."));
    expect(statusAndBody(await ask(alice, updateItem, { input: { id: flight.id, origin: null } }))).toEqual(refusal("origin and destination are given for TRAVEL, and only for it."));
    expect(statusAndBody(await ask(alice, updateItem, { input: { id: flight.id, title: "  " } }))).toEqual(refusal("title cannot be empty."));
    expect(statusAndBody(await ask(alice, updateItem, { input: { id: flight.id, performerArtistId: demoArtists.midnightTide.id } }))).toEqual(refusal("Only a SET has a performer."));
    expect(statusAndBody(await ask(alice, updateItem, { input: { id: flight.id, performerArtistId: demoArtists.elbeQuartet.id } }))).toEqual(
      refusal(`There is no artist "${demoArtists.elbeQuartet.id}" in this company.`),
    );
    expect((await ask(alice, read, { id: tourId })).body).toEqual(before.body);
    await ask(alice, `mutation { deleteTour(id: "${tourId}") }`);
  });

  it("applies the routing suggestion: the open stops swap, the fixed ones stay, and the route is as short as suggested", async () => {
    const tourId = await newTour("Midnight Tide — East Coast and Europe");
    const first = await addStop(tourId, { kind: "DAY_OFF", date: "2027-04-01", place: newYork });
    const europe = await addStop(tourId, { kind: "DAY_OFF", place: amsterdam });
    const coast = await addStop(tourId, { kind: "TRAVEL_DAY", place: boston });
    const last = await addStop(tourId, { kind: "DAY_OFF", date: "2027-04-09", place: chicago });
    const suggested = await ask(alice, `query($id: ID!) { tour(id: $id) { routingSuggestion { stops { id } distanceBeforeKm distanceAfterKm } } }`, { id: tourId });
    expect(suggested.body.data!.tour.routingSuggestion).toEqual({ stops: [first, coast, europe, last].map(({ id }) => ({ id })), distanceBeforeKm: 12786.6, distanceAfterKm: 12472.3 });

    const applied = await ask(alice, `mutation($id: ID!) { applyRoutingSuggestion(tourId: $id) { id stops { id position } routing { totals { distanceKm } } routingSuggestion { distanceBeforeKm distanceAfterKm } } }`, { id: tourId });
    expect(applied.body).toEqual({
      data: {
        applyRoutingSuggestion: {
          id: tourId,
          stops: [first, coast, europe, last].map(({ id }, position) => ({ id, position })),
          routing: { totals: { distanceKm: 12472.3 } },
          routingSuggestion: { distanceBeforeKm: 12472.3, distanceAfterKm: 12472.3 },
        },
      },
    });

    await changeStatus(tourId, "CANCELLED");
    const before = await ask(alice, tourStops, { id: tourId });
    expect(statusAndBody(await ask(alice, `mutation($id: ID!) { applyRoutingSuggestion(tourId: $id) { id } }`, { id: tourId }))).toEqual(
      refusal("The tour is CANCELLED; it, its stops and its schedule can no longer change."),
    );
    expect((await ask(alice, tourStops, { id: tourId })).body).toEqual(before.body);
    await ask(alice, `mutation { deleteTour(id: "${tourId}") }`);
  });
});

describe("a long tour", () => {
  it("suggests and applies a routing for 200 open stops within a second, however many aliases ask, saying the search stopped early", async () => {
    const created = await ask(alice, `mutation { createTour(input: { artistId: "${demoArtists.midnightTide.id}", name: "Midnight Tide — Every Town", dailyDriveLimitKm: 800 }) { id } }`);
    const tourId = created.body.data!.createTour.id as string;
    // Twenty stops a request, the most root fields a request may have.
    for (let batch = 0; batch < 10; batch++) {
      const stops = Array.from({ length: 20 }, (_, index) => {
        const town = batch * 20 + index;
        const place = { city: `Town ${town}`, country: "US", latitude: 30 + ((town * 7919) % 1500) / 100, longitude: -120 + ((town * 104729) % 4500) / 100, timeZone: "America/Chicago" };
        return `s${index}: addTourStop(input: { tourId: "${tourId}", kind: DAY_OFF, place: { city: "${place.city}", country: US, latitude: ${place.latitude}, longitude: ${place.longitude}, timeZone: "${place.timeZone}" } }) { id }`;
      });
      const added = await ask(alice, `mutation { ${stops.join(" ")} }`);
      expect(added.body.errors).toBeUndefined();
    }
    const suggestion = "routingSuggestion { distanceBeforeKm distanceAfterKm stoppedEarly }";
    const started = performance.now();
    const suggested = await ask(alice, `query($id: ID!) { tour(id: $id) { ${Array.from({ length: 5 }, (_, index) => `s${index}: ${suggestion}`).join(" ")} } }`, { id: tourId });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(suggested.body.errors).toBeUndefined();
    const suggestions = Object.values(suggested.body.data!.tour) as { distanceBeforeKm: number; distanceAfterKm: number; stoppedEarly: boolean }[];
    expect(new Set(suggestions.map((each) => JSON.stringify(each))).size).toBe(1);
    expect(suggestions[0]!.stoppedEarly).toBe(true);
    expect(suggestions[0]!.distanceAfterKm).toBeLessThan(suggestions[0]!.distanceBeforeKm / 2);

    const applying = performance.now();
    const applied = await ask(alice, `mutation($id: ID!) { applyRoutingSuggestion(tourId: $id) { routing { totals { distanceKm } } } }`, { id: tourId });
    expect(performance.now() - applying).toBeLessThan(1000);
    expect(applied.body.data!.applyRoutingSuggestion.routing.totals.distanceKm).toBe(suggestions[0]!.distanceAfterKm);
    await ask(alice, `mutation { deleteTour(id: "${tourId}") }`);
  });
});

describe("access", () => {
  it("is 401 without a token", async () => {
    const response = await stack.query("{ tours { edges { node { id } } } }", { company: "northwind" });
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("is 403 for bob, who has no touring module, while Base's events still come with a null tour stop", async () => {
    const tours = await ask(bob, "{ tours { edges { node { id } } } }");
    expect(tours.status).toBe(403);
    expect(tours.body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", module: "touring" });

    const create = await ask(bob, `mutation { createTour(input: { artistId: "${demoArtists.auroraLane.id}", name: "Mine", dailyDriveLimitKm: 500 }) { id } }`);
    expect(create.status).toBe(403);
    const deleted = await ask(bob, `mutation { deleteTour(id: "${await springTourId()}") }`);
    expect(deleted.status).toBe(403);

    const events = await ask(bob, `{ events(filter: { search: "Spring Tour" }) { edges { node { name tourStop { id } } } } }`);
    expect(events.body.data!.events.edges.map((edge: { node: { tourStop: unknown } }) => edge.node.tourStop)).toEqual([null, null]);
    expect(events.body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN" });
  });

  it("is 403 for hana, whose company is not entitled to touring", async () => {
    const response = await ask(hana, "{ tours { edges { node { id } } } }");
    expect(response.status).toBe(403);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("another company's and unknown ids", () => {
  it("read as unknown in every touring query and mutation, and change nothing", async () => {
    const before = await ask(alice, springTour);
    const unknown = crypto.randomUUID();
    const reads = await ask(alice, `query($id: ID!) { tour(id: $id) { id } daySheet(tourId: $id, date: "2026-06-01") { text } tours(filter: { artistId: "${demoArtists.elbeQuartet.id}" }) { edges { node { id } } } }`, { id: unknown });
    expect(reads.body).toEqual({ data: { tour: null, daySheet: null, tours: { edges: [] } } });

    const mutations = [
      `mutation($id: ID!) { updateTour(input: { id: $id, name: "Mine" }) { id } }`,
      `mutation($id: ID!) { changeTourStatus(input: { id: $id, status: CANCELLED }) { id } }`,
      `mutation($id: ID!) { addTourStop(input: { tourId: $id, kind: DAY_OFF }) { id } }`,
      `mutation($id: ID!) { moveTourStop(input: { id: $id, position: 0 }) { id } }`,
      `mutation($id: ID!) { removeTourStop(id: $id) { id } }`,
      `mutation($id: ID!) { addScheduleItem(input: { tourId: $id, day: "2026-06-01", kind: DOORS, title: "Doors", startsAt: "2026-06-01T18:00:00Z" }) { id } }`,
      `mutation($id: ID!) { removeScheduleItem(id: $id) { id } }`,
      `mutation($id: ID!) { deleteTour(id: $id) }`,
      `mutation($id: ID!) { updateTourStop(input: { id: $id, notes: "Mine" }) { id } }`,
      `mutation($id: ID!) { applyRoutingSuggestion(tourId: $id) { id } }`,
      `mutation($id: ID!) { updateScheduleItem(input: { id: $id, title: "Mine" }) { id } }`,
    ];
    for (const mutation of mutations) {
      const response = await ask(alice, mutation, { id: unknown });
      expect(response.status, mutation).toBe(404);
      expect(response.body.errors?.[0]?.extensions, mutation).toMatchObject({ code: "NOT_FOUND", id: unknown });
    }

    // Harbor Hall's artist and event exist in Base, but not in alice's company.
    const harborArtist = await ask(alice, `mutation { createTour(input: { artistId: "${demoArtists.elbeQuartet.id}", name: "Stolen", dailyDriveLimitKm: 500 }) { id } }`);
    expect(harborArtist.body.errors?.[0]).toMatchObject({ message: `There is no artist "${demoArtists.elbeQuartet.id}" in this company.`, extensions: { code: "BAD_USER_INPUT" } });
    const tourId = await springTourId();
    const harborEvent = await ask(alice, `mutation { addTourStop(input: { tourId: "${tourId}", kind: SHOW, eventId: "${demoEvents.harborJazzNight.id}" }) { id } }`);
    expect(harborEvent.body.errors?.[0]).toMatchObject({ message: `There is no event "${demoEvents.harborJazzNight.id}" in this company.`, extensions: { code: "BAD_USER_INPUT" } });

    expect((await ask(alice, springTour)).body).toEqual(before.body);
  });
});

describe("a list of events with their tour stops", () => {
  it("costs Touring the same SQL statements and the same calls to Base for 10 events as for 100", async () => {
    const thaliaHall = { venueName: "Thalia Hall", city: "Chicago", country: "US", latitude: 41.8577, longitude: -87.6594, timeZone: "America/Chicago" };
    const createShow = async (index: number) => {
      const startsAt = new Date(Date.UTC(2027, 0, 1) + index * 86_400_000);
      const event = await ask(alice, "mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }", {
        input: {
          name: `Routing batch ${index}`,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
          location: thaliaHall,
          capacity: 500,
          ticketPrice: { amount: "30.00", currency: "USD" },
        },
      });
      const tour = await ask(alice, `mutation { createTour(input: { artistId: "${demoArtists.deepSignal.id}", name: "Batch tour ${index}", dailyDriveLimitKm: 600 }) { id } }`);
      await ask(alice, "mutation($tourId: ID!, $eventId: ID!) { addTourStop(input: { tourId: $tourId, kind: SHOW, eventId: $eventId }) { id } }", {
        tourId: tour.body.data!.createTour.id,
        eventId: event.body.data!.createEvent.id,
      });
    };
    for (let start = 0; start < 100; start += 10) await Promise.all(Array.from({ length: 10 }, (_, offset) => createShow(start + offset)));

    const costOf = async (first: number) => {
      const [statementsBefore, baseBefore] = [touringStatements(), baseOperations()];
      const response = await ask(
        alice,
        `query($first: Int) { events(first: $first, filter: { search: "Routing batch" }) { edges { node {
          tourStop { date place { city } tour { name startsOn routing { totals { showCount days } } } }
        } } } }`,
        { first },
      );
      expect(response.body.errors).toBeUndefined();
      const events = response.body.data!.events.edges;
      expect(events).toHaveLength(first);
      for (const { node } of events) {
        expect(node.tourStop).toMatchObject({ place: { city: "Chicago" }, tour: { routing: { totals: { showCount: 1, days: 1 } } } });
        expect(node.tourStop.tour.startsOn).toBe(node.tourStop.date);
      }
      return { statements: touringStatements() - statementsBefore, baseCalls: baseOperations() - baseBefore };
    };
    const ten = await costOf(10);
    const hundred = await costOf(100);
    expect(hundred).toEqual(ten);
    // Statements: the events' stops, their tours, the tours' stops. Base: the gateway's events
    // query, and Touring's one batched read of the shows' events.
    expect(ten).toEqual({ statements: 3, baseCalls: 2 });
  });

  it("dates each show's stop from the event the gateway passes along (@requires), with no call back to Base", async () => {
    const baseBefore = baseOperations();
    const response = await ask(alice, `{ events(first: 10, filter: { search: "Routing batch" }) { edges { node { startsAt tourStop { date } } } } }`);
    expect(response.body.errors).toBeUndefined();
    const events: { node: { startsAt: string; tourStop: { date: string } } }[] = response.body.data!.events.edges;
    expect(events).toHaveLength(10);
    // Midnight UTC is the evening before in Chicago: the date is the venue's.
    for (const { node } of events) expect(node.tourStop.date).toBe(localDateOf(new Date(node.startsAt), "America/Chicago"));
    expect(events[0]!.node).toMatchObject({ startsAt: "2027-01-01T00:00:00.000Z", tourStop: { date: "2026-12-31" } });
    // Base answers the gateway's events query, and nothing else.
    expect(baseOperations() - baseBefore).toBe(1);
  });
});
