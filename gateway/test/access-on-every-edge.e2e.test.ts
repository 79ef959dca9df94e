// Access on every edge, end to end through the gateway: members holding one view each
// reach nothing beyond it by following a field of what they may see, a member with no
// module reads nothing of Base, and Base's own fields need `basic` wherever reached.
import { type AccessFacts } from "@marquee/kit";
import { demoCompanies } from "@marquee/kit/demo";
import { startFakeAuthService, type FakeAuthService } from "@marquee/kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../src/testing/test-stack.ts";

const everyModule = ["basic", "finance", "market", "touring", "venue", "ai"];

/** A member of `company` holding every module and exactly `permissions`. */
const member = (userId: string, company: (typeof demoCompanies)[keyof typeof demoCompanies], permissions: string[], modules = everyModule): AccessFacts => ({
  userId,
  company,
  entitlements: everyModule,
  grants: modules,
  permissions,
});

const users = {
  contractsOnly: "00000000-0000-4000-8000-00000000c001",
  bookingsOnly: "00000000-0000-4000-8000-00000000c002",
  holdsOnly: "00000000-0000-4000-8000-00000000c003",
  scheduleOnly: "00000000-0000-4000-8000-00000000c004",
  noModule: "00000000-0000-4000-8000-00000000c005",
  settlementsOnly: "00000000-0000-4000-8000-00000000c006",
  tourViewer: "00000000-0000-4000-8000-00000000c007",
};

let auth: FakeAuthService;
let stack: TestStack;
beforeAll(async () => {
  const { northwind, harbor } = demoCompanies;
  auth = await startFakeAuthService([
    member(users.contractsOnly, northwind, ["market.contract.view"]),
    member(users.bookingsOnly, harbor, ["venue.booking.view"]),
    member(users.holdsOnly, harbor, ["venue.hold.view"]),
    member(users.scheduleOnly, northwind, ["touring.schedule.view"]),
    member(users.noModule, northwind, [], []),
    member(users.settlementsOnly, harbor, ["finance.settlement.view"], ["finance"]),
    member(users.tourViewer, northwind, ["touring.tour.view", "touring.schedule.view"]),
  ]);
  stack = await startTestStack({
    config: { access: { authAccessUrl: new URL(auth.url), requestTimeoutMs: 2000, cacheTtlMs: 30_000, denialCacheTtlMs: 0, cacheMaxEntries: 100 } },
  });
});
afterAll(async () => {
  await stack?.close();
  await auth?.close();
});

type Errors = { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[] | undefined;
/** Each error as [path, code, the permission or module it names], sorted and without repeats. */
const denials = (errors: Errors) =>
  [...new Set((errors ?? []).map((error) => JSON.stringify([error.path?.filter((step) => typeof step === "string").join("."), error.extensions?.["code"], error.extensions?.["permission"] ?? error.extensions?.["module"] ?? null])))].sort().map((entry) => JSON.parse(entry) as unknown);

describe("a member who may see one type reaches nothing beyond it", () => {
  it("contracts, without the deal behind them or its negotiation", async () => {
    const { status, body } = await stack.query("{ contracts(first: 5) { edges { node { id status terms { dealType } deal { notes currentTerms { dealType } history { edges { node { number } } } } } } } }", {
      as: users.contractsOnly,
      company: "northwind",
    });
    expect(status).toBe(200);
    const contracts = body.data!["contracts"].edges;
    expect(contracts.length).toBeGreaterThan(0);
    for (const { node } of contracts) {
      expect(node.deal).toBeNull();
      expect(node.terms.dealType).toEqual(expect.any(String));
    }
    expect(denials(body.errors)).toEqual([["contracts.edges.node.deal", "FORBIDDEN", "market.deal.view"]]);

    const deals = await stack.query("{ deals(first: 1) { edges { node { id } } } }", { as: users.contractsOnly, company: "northwind" });
    expect(deals.status).toBe(403);
  });

  it("bookings, without the holds they came from, the venues or the spaces", async () => {
    const { status, body } = await stack.query("{ venueBookings(first: 5) { edges { node { id status hold { rank createdBy } venue { name } space { name } } } } }", {
      as: users.bookingsOnly,
      company: "harbor",
    });
    expect(status).toBe(200);
    const bookings = body.data!["venueBookings"].edges;
    expect(bookings.length).toBeGreaterThan(0);
    for (const { node } of bookings) expect([node.hold, node.venue, node.space]).toEqual([null, null, null]);
    expect(denials(body.errors)).toEqual([
      ["venueBookings.edges.node.hold", "FORBIDDEN", "venue.hold.view"],
      ["venueBookings.edges.node.space", "FORBIDDEN", "venue.venue.view"],
      ["venueBookings.edges.node.venue", "FORBIDDEN", "venue.venue.view"],
    ]);
  });

  it("holds, without the venues or the spaces", async () => {
    const { body } = await stack.query("{ venueHolds(first: 5) { edges { node { rank venue { name } space { name } } } } }", { as: users.holdsOnly, company: "harbor" });
    expect(body.data!["venueHolds"].edges.length).toBeGreaterThan(0);
    expect(denials(body.errors)).toEqual([
      ["venueHolds.edges.node.space", "FORBIDDEN", "venue.venue.view"],
      ["venueHolds.edges.node.venue", "FORBIDDEN", "venue.venue.view"],
    ]);
  });

  it("a day sheet, without the tour, its stops and routing", async () => {
    const tours = await stack.query("{ tours(first: 1) { edges { node { id stops { date kind } } } } }", { as: users.tourViewer, company: "northwind" });
    const tour = tours.body.data!["tours"].edges[0].node;
    const date = tour.stops.find((stop: { date: string | null; kind: string }) => stop.kind === "SHOW" && stop.date).date;
    const { status, body } = await stack.query("query($tourId: ID!, $date: Date!) { daySheet(tourId: $tourId, date: $date) { date timeZone tour { name stops { notes } routing { totals { distanceKm } } } stops { notes } } }", {
      as: users.scheduleOnly,
      company: "northwind",
      variables: { tourId: tour.id, date },
    });
    expect(status).toBe(200);
    expect(body.data!["daySheet"]).toMatchObject({ date, tour: null, stops: null });
    expect(denials(body.errors)).toEqual([
      ["daySheet.stops", "FORBIDDEN", "touring.tour.view"],
      ["daySheet.tour", "FORBIDDEN", "touring.tour.view"],
    ]);
  });
});

describe("Base by reference gives what modules need, no more", () => {
  it("a member with no module reads no event, no artist, no shared listing", async () => {
    for (const query of ["{ events(first: 5) { edges { node { name } } } }", "{ sharedEvents(first: 100) { edges { node { name ticketsSold } } } }", "{ artists(first: 5) { edges { node { name } } } }"]) {
      const { status, body } = await stack.query(query, { as: users.noModule, company: "northwind" });
      expect(status).toBe(403);
      expect(body.data).toBeNull();
    }
  });

  it("a module's member reads the shared fields of the events it reaches, and Base's own fields are closed without `basic`", async () => {
    const { status, body } = await stack.query(
      "{ settlements(first: 3) { edges { node { event { name startsAt capacity ticketsSold ticketPrice { amount } lineup { name } description nextStatuses createdAt } bill { artist { name events(first: 5) { edges { node { name } } } } } } } } }",
      { as: users.settlementsOnly, company: "harbor" },
    );
    expect(status).toBe(200);
    const settlement = body.data!["settlements"].edges[0].node;
    expect(settlement.event).toMatchObject({ name: expect.any(String), capacity: expect.any(Number), description: null, nextStatuses: null, createdAt: expect.any(String) });
    expect(settlement.bill[0].artist).toMatchObject({ name: expect.any(String), events: null });
    // Harbor Hall has no `basic`: the module is what is missing, before the permission.
    expect(denials(body.errors)).toEqual([
      ["settlements.edges.node.bill.artist.events", "FORBIDDEN", "basic"],
      ["settlements.edges.node.event.description", "FORBIDDEN", "basic"],
      ["settlements.edges.node.event.nextStatuses", "FORBIDDEN", "basic"],
    ]);
  });
});
