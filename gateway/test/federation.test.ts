// The supergraph as the frontend uses it: one request that joins every module around
// Base's shared Event and Artist (issue acceptance: Market + Venue, Touring + AI).
import { demoArtists, demoEvents } from "@marquee/kit/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "@marquee/gateway/testing";

const alice = { as: "alice@northwind.test", company: "northwind" } as const;

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.close());

describe("one federated query", () => {
  it("returns Northwind's events with their finance totals, their deals with artist names from Base, and their venue booking", async () => {
    // Book the Chicago show into Northwind's Portland ballroom, through the API.
    const venues = await stack.query("{ venues { edges { node { name spaces { id name layouts { id name } } } } } }", alice);
    const ballroom = venues.body.data!["venues"].edges[0].node;
    const space = ballroom.spaces[0];
    const hold = await stack.query("mutation($spaceId: ID!, $eventId: ID!) { placeVenueHold(input: { spaceId: $spaceId, eventId: $eventId }) { id rank } }", {
      ...alice,
      variables: { spaceId: space.id, eventId: demoEvents.chicago.id },
    });
    expect(hold.body.data!["placeVenueHold"].rank).toBe(1);
    const confirmed = await stack.query("mutation($holdId: ID!, $layoutId: ID!) { confirmVenueHold(input: { holdId: $holdId, layoutId: $layoutId }) { id } }", {
      ...alice,
      variables: { holdId: hold.body.data!["placeVenueHold"].id, layoutId: space.layouts[0].id },
    });
    expect(confirmed.body.errors).toBeUndefined();

    const response = await stack.query(
      `query($id: ID!) { event(id: $id) {
        name
        financeTotals { currency totalIncome { amount } totalExpenses { amount } net { amount } }
        deals { edges { node { status artist { name } } } }
        venueBooking { status venue { name } space { name } layout { name } }
      } }`,
      { ...alice, variables: { id: demoEvents.chicago.id } },
    );
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    const event = response.body.data!["event"];
    expect(event.name).toBe(demoEvents.chicago.name);
    expect(event.financeTotals).toHaveLength(1);
    expect(event.financeTotals[0].currency).toBe("USD");
    expect(event.deals.edges.map((edge: { node: { artist: { name: string } } }) => edge.node.artist.name)).toContain(demoArtists.auroraLane.name);
    expect(event.venueBooking).toEqual({
      status: "CONFIRMED",
      venue: { name: ballroom.name },
      space: { name: space.name },
      layout: { name: space.layouts[0].name },
    });
  });

  it("returns an artist with their tours, routing legs and flags, their upcoming events with predictions, and their draw score", async () => {
    const response = await stack.query(
      `query($id: ID!) { artist(id: $id) {
        name
        tours { edges { node { name routing { legs { distanceKm } flags { kind } totals { distanceKm } } } } }
        events(first: 100) { edges { node { name startsAt prediction { expectedTicketsSold capacity } } } }
        drawScore { score factors { name } }
      } }`,
      { ...alice, variables: { id: demoArtists.auroraLane.id } },
    );
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    const artist = response.body.data!["artist"];
    expect(artist.name).toBe(demoArtists.auroraLane.name);

    const [tour] = artist.tours.edges.map((edge: { node: unknown }) => edge.node);
    expect(tour.routing.legs.length).toBeGreaterThan(2);
    expect(tour.routing.flags.map((flag: { kind: string }) => flag.kind)).toEqual(expect.arrayContaining(["OVER_DRIVE_LIMIT", "BACKTRACKING"]));
    expect(tour.routing.totals.distanceKm).toBeCloseTo(
      tour.routing.legs.reduce((sum: number, leg: { distanceKm: number }) => sum + leg.distanceKm, 0),
      0,
    );

    const upcoming = artist.events.edges.map((edge: { node: any }) => edge.node).filter((event: { startsAt: string }) => Date.parse(event.startsAt) > Date.now());
    expect(upcoming.length).toBeGreaterThan(0);
    for (const event of upcoming) {
      expect(event.prediction.expectedTicketsSold).toBeGreaterThanOrEqual(0);
      expect(event.prediction.expectedTicketsSold).toBeLessThanOrEqual(event.prediction.capacity);
    }

    expect(artist.drawScore.score).toBeGreaterThanOrEqual(0);
    expect(artist.drawScore.score).toBeLessThanOrEqual(100);
    expect(artist.drawScore.factors.map((factor: { name: string }) => factor.name)).toEqual(expect.arrayContaining(["AVERAGE_SELL_THROUGH", "TICKETS_PER_SHOW"]));
  });
});
