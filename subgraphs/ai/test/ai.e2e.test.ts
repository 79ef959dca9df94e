// AI through the gateway over HTTP, as a frontend uses it, on the demo world (Base's
// generated history included). Access comes from a stand-in Auth service, so that one
// Northwind member holds `ai` alone (spec §4.2: AI can exist without any other module).
import { randomUUID } from "node:crypto";
import { demoArtists, demoCompanies, demoEvents, demoUsers, demoHistorySize } from "@marquee/kit/demo";
import { errorCodes, startFakeAuthService, type FakeAuthService } from "@marquee/kit/testing";
import { startTestStack, type TestStack } from "@marquee/gateway/testing";
import { baseSubgraph } from "@marquee/subgraph-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aiSubgraph } from "../src/index.ts";
import { aiPermissions } from "../src/permissions.ts";

const everyAiPermission = Object.keys(aiPermissions.permissions);
const bob = { as: "bob@northwind.test", company: "northwind" } as const;
const alice = { as: "alice@northwind.test", company: "northwind" } as const;
const hana = { as: "hana@harbor.test", company: "harbor" } as const;

let auth: FakeAuthService;
let stack: TestStack;
beforeAll(async () => {
  auth = await startFakeAuthService([
    // Northwind with `ai` alone: no `basic`, so no Base features, yet analytics and predictions.
    { userId: demoUsers.bob.id, company: demoCompanies.northwind, entitlements: ["ai"], grants: ["ai"], permissions: everyAiPermission },
    {
      userId: demoUsers.alice.id,
      company: demoCompanies.northwind,
      entitlements: ["basic", "ai"],
      grants: ["basic", "ai"],
      permissions: ["basic.event.view", "basic.artist.view", ...everyAiPermission],
    },
    { userId: demoUsers.hana.id, company: demoCompanies.harbor, entitlements: ["ai"], grants: ["ai"], permissions: everyAiPermission },
  ]);
  stack = await startTestStack({
    packages: [baseSubgraph, aiSubgraph],
    config: { access: { authAccessUrl: new URL(auth.url), requestTimeoutMs: 1000, cacheTtlMs: 30_000, denialCacheTtlMs: 0, cacheMaxEntries: 100 } },
  });
});
afterAll(async () => {
  await stack?.close();
  await auth?.close();
});

const aiStatements = () => stack.stack.subgraphs.get("ai")!.opened.queryCount();
/** Calls Base answered for one request, whoever made them (the gateway or AI), by the request's id. */
const baseCallsOf = (requestId: string) => stack.logs.lines().filter((line) => line.msg === "operation" && line.endpoint === "/api/base/graphql" && line.requestId === requestId).length;
const fitCount = async () => (await stack.query("{ modelFits(first: 100) { edges { node { id } } } }", bob)).body.data!["modelFits"].edges.length;

const predictionFields = "modelVersion capacity expectedTicketsSold ticketsSoldLow ticketsSoldHigh expectedSellThrough sellThroughLow sellThroughHigh baselineSellThrough features { name value contribution }";

describe("a list of events with their predictions", () => {
  it("fits the company's model once for 100 events, then reuses it", async () => {
    expect(await fitCount()).toBe(0);
    const response = await stack.query(`{ events(first: 100) { edges { node { id prediction { expectedTicketsSold } } } } }`, alice);
    expect(response.body.errors).toBeUndefined();
    const nodes = response.body.data!["events"].edges.map((edge: { node: { prediction: unknown } }) => edge.node);
    expect(nodes).toHaveLength(100);
    expect(nodes.every((node: { prediction: unknown }) => node.prediction !== null)).toBe(true);
    expect(await fitCount()).toBe(1);

    await stack.query(`{ events(first: 100) { edges { node { prediction { expectedTicketsSold } } } } }`, alice);
    expect(await fitCount()).toBe(1);
  });

  it("costs the same SQL statements and calls to Base for 10 events as for 100", async () => {
    const costOf = async (first: number) => {
      const requestId = randomUUID();
      const before = aiStatements();
      const response = await stack.query(`query($first: Int) { events(first: $first) { edges { node { id prediction { expectedTicketsSold } } } } }`, {
        ...alice,
        variables: { first },
        headers: { "x-request-id": requestId },
      });
      expect(response.body.data!["events"].edges).toHaveLength(first);
      return { statements: aiStatements() - before, baseCalls: baseCallsOf(requestId) };
    };
    const ten = await costOf(10);
    const hundred = await costOf(100);
    expect(hundred).toEqual(ten);
    // The model fit is found by the history's fingerprint: one statement. Base: the list, the
    // history (two pages of 100) and the events' features.
    expect(ten).toEqual({ statements: 1, baseCalls: 4 });
  });
});

describe("a company with the ai module alone", () => {
  it("cannot list Base's events, yet gets its analytics", async () => {
    const events = await stack.query("{ events(first: 1) { edges { node { id } } } }", bob);
    expect(events.status).toBe(403);

    const response = await stack.query(
      `{ analytics { eventsByStatus { status count } overall { eventCount sellThrough }
          byWeekday { key eventCount } byCity { key eventCount } byMonth { key }
          byArtist { artist { id drawScore { score } } eventCount sellThrough } trend { slopePerMonth direction months } } }`,
      bob,
    );
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    const analytics = response.body.data!["analytics"];
    const demoNorthwind = Object.values(demoEvents).filter((event) => event.companyId === demoCompanies.northwind.id);
    const demoCount = (status: string) => demoNorthwind.filter((event) => event.status === status).length;
    expect(analytics.eventsByStatus).toEqual(
      ["DRAFT", "ANNOUNCED", "ON_SALE", "SOLD_OUT", "CANCELLED", "COMPLETED"].map((status) => ({
        status,
        count: demoCount(status) + (status === "COMPLETED" ? demoHistorySize : 0),
      })),
    );
    expect(analytics.overall.eventCount).toBe(demoHistorySize + demoCount("COMPLETED"));
    expect(analytics.byWeekday.reduce((sum: number, group: { eventCount: number }) => sum + group.eventCount, 0)).toBe(analytics.overall.eventCount);
    expect(analytics.byCity.map((group: { key: string }) => group.key)).toEqual(["Berlin", "Dublin", "London", "Los Angeles", "Madrid", "Munich", "New York", "Portland", "Stockholm"]);
    expect(analytics.byMonth.length).toBeGreaterThanOrEqual(23);
    expect(analytics.trend.months).toBe(analytics.byMonth.length);
    expect(["RISING", "STEADY", "FALLING"]).toContain(analytics.trend.direction);
    const sellThroughs = analytics.byArtist.map((row: { sellThrough: number }) => row.sellThrough);
    expect(sellThroughs).toEqual([...sellThroughs].sort((left, right) => right - left));
    expect(analytics.byArtist.every((row: { artist: { drawScore: { score: number } } }) => row.artist.drawScore.score >= 0 && row.artist.drawScore.score <= 100)).toBe(true);
  });

  it("reads the company's events from Base once per request, however many aliases ask for analytics", async () => {
    const baseCallsFor = async (aliases: number) => {
      const requestId = randomUUID();
      const fields = Array.from({ length: aliases }, (_, index) => `a${index}: analytics { overall { eventCount } }`).join(" ");
      const response = await stack.query(`{ ${fields} }`, { ...bob, headers: { "x-request-id": requestId } });
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
      return baseCallsOf(requestId);
    };
    const once = await baseCallsFor(1);
    expect(once).toBeGreaterThan(0);
    expect(await baseCallsFor(20)).toBe(once);
  });

  it("gets predictions with an interval within the capacity, the same each time", async () => {
    const query = `query($id: ID!) { prediction(eventId: $id) { ${predictionFields} modelFit { id } } }`;
    const first = await stack.query(query, { ...bob, variables: { id: demoEvents.london.id } });
    expect(first.body.errors).toBeUndefined();
    const prediction = first.body.data!["prediction"];
    expect(prediction.modelVersion).toBe("sell-through-ridge/1");
    expect(prediction.capacity).toBe(demoEvents.london.capacity);
    expect(prediction.ticketsSoldLow).toBeLessThanOrEqual(prediction.expectedTicketsSold);
    expect(prediction.expectedTicketsSold).toBeLessThanOrEqual(prediction.ticketsSoldHigh);
    expect(prediction.ticketsSoldLow).toBeGreaterThanOrEqual(0);
    expect(prediction.ticketsSoldHigh).toBeLessThanOrEqual(demoEvents.london.capacity);
    expect(prediction.expectedTicketsSold).toBe(Math.round(prediction.expectedSellThrough * demoEvents.london.capacity));
    // The features explain the expectation: the company's average plus every contribution.
    const explained = prediction.baselineSellThrough + prediction.features.reduce((sum: number, feature: { contribution: number }) => sum + feature.contribution, 0);
    expect(Math.min(1, Math.max(0, explained))).toBeCloseTo(prediction.expectedSellThrough, 9);
    expect(prediction.features.find((feature: { name: string }) => feature.name === "city: London").value).toBe(1);

    const again = await stack.query(query, { ...bob, variables: { id: demoEvents.london.id } });
    expect(again.body.data).toEqual(first.body.data);
  });

  it("reports the model's backtest against the naive baseline", async () => {
    const response = await stack.query(
      `{ modelReport { version trainingSize residualStandardDeviation coefficients { name weight }
          backtest { trainingSize testSize modelMeanAbsoluteError baselineMeanAbsoluteError } } }`,
      bob,
    );
    const report = response.body.data!["modelReport"];
    const trainingSize = demoHistorySize + Object.values(demoEvents).filter((event) => event.companyId === demoCompanies.northwind.id && event.status === "COMPLETED").length;
    expect(report.trainingSize).toBe(trainingSize);
    expect(report.backtest.trainingSize).toBe(Math.floor(trainingSize * 0.8));
    expect(report.backtest.testSize).toBe(trainingSize - Math.floor(trainingSize * 0.8));
    expect(report.backtest.modelMeanAbsoluteError).toBeLessThan(report.backtest.baselineMeanAbsoluteError);
    expect(report.coefficients.map((coefficient: { name: string }) => coefficient.name)).toContain("artist past sell-through");
  });

  it("stores the predictions it is asked to run, and names the ids that are not the company's", async () => {
    const run = `mutation($ids: [ID!]!) { runPredictions(eventIds: $ids) { id createdAt prediction { event { id } expectedTicketsSold } } }`;
    const stored = await stack.query(run, { ...bob, variables: { ids: [demoEvents.berlin.id, demoEvents.madrid.id] } });
    expect(stored.body.errors).toBeUndefined();
    expect(stored.body.data!["runPredictions"].map((row: { prediction: { event: { id: string } } }) => row.prediction.event.id)).toEqual([demoEvents.berlin.id, demoEvents.madrid.id]);
    const live = await stack.query(`query($id: ID!) { prediction(eventId: $id) { expectedTicketsSold } }`, { ...bob, variables: { id: demoEvents.berlin.id } });
    expect(stored.body.data!["runPredictions"][0].prediction.expectedTicketsSold).toBe(live.body.data!["prediction"].expectedTicketsSold);

    const foreign = await stack.query(run, { ...bob, variables: { ids: [demoEvents.berlin.id, demoEvents.harborJazzNight.id] } });
    expect(foreign.body.errors?.map((error) => [error.extensions?.["code"], error.message])).toEqual([
      ["BAD_USER_INPUT", `There is no event "${demoEvents.harborJazzNight.id}" in this company.`],
    ]);
  });

  it("scores an artist with the factors that make the score", async () => {
    const response = await stack.query(`query($id: ID!) { artistScore(artistId: $id) { artist { id } score showCount factors { name value weight contribution } } }`, {
      ...bob,
      variables: { id: demoArtists.luaMoreno.id },
    });
    const score = response.body.data!["artistScore"];
    expect(score.artist.id).toBe(demoArtists.luaMoreno.id);
    expect(score.factors.map((factor: { name: string }) => factor.name)).toEqual(["AVERAGE_SELL_THROUGH", "TICKETS_PER_SHOW", "SELL_THROUGH_TREND"]);
    expect(score.score).toBe(Math.round(score.factors.reduce((sum: number, factor: { contribution: number }) => sum + factor.contribution, 0)));
  });
});

/** A stored prediction as the tests read it: every field, compared whole. */
interface StoredPrediction {
  id: string;
  createdAt: string;
  createdBy: string;
  prediction: { event: { id: string }; modelFit: { id: string; version: string }; modelVersion: string; features: { name: string }[] };
}
const storedFields = `id createdAt createdBy prediction { event { id } modelFit { id version } ${predictionFields} }`;
const pageFields = `edges { cursor node { ${storedFields} } } pageInfo { hasNextPage endCursor }`;
const storedPredictionsQuery = `query($filter: StoredPredictionFilter, $first: Int, $after: String) {
  storedPredictions(filter: $filter, first: $first, after: $after) { ${pageFields} } }`;
const nodesOf = (connection: { edges: { node: StoredPrediction }[] }) => connection.edges.map((edge) => edge.node);
/** Newest first, ties (one run stores its predictions at one instant) broken by id, descending. */
const newestFirst = (rows: StoredPrediction[]) => [...rows].sort((left, right) => right.createdAt.localeCompare(left.createdAt) || right.id.localeCompare(left.id));

async function runPredictions(eventIds: string[]): Promise<StoredPrediction[]> {
  const response = await stack.query(`mutation($ids: [ID!]!) { runPredictions(eventIds: $ids) { ${storedFields} } }`, { ...bob, variables: { ids: eventIds } });
  expect(response.body.errors).toBeUndefined();
  return response.body.data!["runPredictions"];
}

async function storedPredictions(variables: Record<string, unknown>, caller: typeof bob | typeof hana = bob) {
  const response = await stack.query(storedPredictionsQuery, { ...caller, variables });
  expect(response.body.errors).toBeUndefined();
  return response.body.data!["storedPredictions"];
}

describe("stored predictions, read back", () => {
  let firstRun: StoredPrediction[];
  let secondRun: StoredPrediction[];
  beforeAll(async () => {
    firstRun = await runPredictions([demoEvents.london.id, demoEvents.berlin.id]);
    secondRun = await runPredictions([demoEvents.london.id]);
  });

  it("reads back every prediction exactly as runPredictions made it, newest first, a page at a time", async () => {
    expect(secondRun[0]!.createdAt > firstRun[0]!.createdAt).toBe(true);
    const live = await stack.query(`query($id: ID!) { prediction(eventId: $id) { event { id } modelFit { id version } ${predictionFields} } }`, {
      ...bob,
      variables: { id: demoEvents.london.id },
    });
    expect(secondRun[0]!.prediction).toEqual(live.body.data!["prediction"]);
    expect(secondRun[0]!.prediction.modelVersion).toBe("sell-through-ridge/1");
    expect(secondRun[0]!.prediction.modelFit.version).toBe("sell-through-ridge/1");
    expect(secondRun[0]!.createdBy).toBe(demoUsers.bob.id);

    const expected = newestFirst([...firstRun, ...secondRun]);
    const filter = { createdFrom: firstRun[0]!.createdAt };
    const firstPage = await storedPredictions({ filter, first: 2 });
    expect(nodesOf(firstPage)).toEqual(expected.slice(0, 2));
    expect(firstPage.pageInfo).toEqual({ hasNextPage: true, endCursor: firstPage.edges[1].cursor });
    const secondPage = await storedPredictions({ filter, first: 2, after: firstPage.pageInfo.endCursor });
    expect(nodesOf(secondPage)).toEqual(expected.slice(2));
    expect(secondPage.pageInfo).toEqual({ hasNextPage: false, endCursor: secondPage.edges[0].cursor });
  });

  it("narrows the list by event, model version and creation time", async () => {
    const since = firstRun[0]!.createdAt;
    const ofLondon = await storedPredictions({ filter: { createdFrom: since, eventId: demoEvents.london.id } });
    expect(nodesOf(ofLondon)).toEqual(newestFirst([...firstRun, ...secondRun].filter((row) => row.prediction.event.id === demoEvents.london.id)));
    const ofVersion = await storedPredictions({ filter: { createdFrom: since, modelVersion: "sell-through-ridge/1" } });
    expect(nodesOf(ofVersion)).toEqual(newestFirst([...firstRun, ...secondRun]));
    const ofOtherVersion = await storedPredictions({ filter: { modelVersion: "sell-through-ridge/0" } });
    expect(ofOtherVersion.edges).toEqual([]);
    const beforeSecondRun = await storedPredictions({ filter: { createdFrom: since, createdBefore: secondRun[0]!.createdAt } });
    expect(nodesOf(beforeSecondRun)).toEqual(newestFirst(firstRun));
    const ofNoEvent = await storedPredictions({ filter: { eventId: "not-an-event" } });
    expect(ofNoEvent.edges).toEqual([]);
  });

  it("lists an event's prediction history on Base's event, newest first", async () => {
    const query = `query($id: ID!, $after: String) { event(id: $id) { id predictionHistory(first: 1, after: $after) { ${pageFields} } } }`;
    const londonRuns = newestFirst([...firstRun, ...secondRun].filter((row) => row.prediction.event.id === demoEvents.london.id));
    const first = await stack.query(query, { ...alice, variables: { id: demoEvents.london.id } });
    expect(first.body.errors).toBeUndefined();
    const history = first.body.data!["event"].predictionHistory;
    expect(nodesOf(history)).toEqual(londonRuns.slice(0, 1));
    expect(history.pageInfo.hasNextPage).toBe(true);
    const next = await stack.query(query, { ...alice, variables: { id: demoEvents.london.id, after: history.pageInfo.endCursor } });
    expect(nodesOf(next.body.data!["event"].predictionHistory)).toEqual(londonRuns.slice(1, 2));
  });

  it("costs the same SQL statements for the prediction history of 10 events as of 100", async () => {
    // An event among the first ten with a prediction, so that both lists read stored rows.
    const listed = await stack.query(`{ events(first: 10) { edges { node { id capacity } } } }`, alice);
    const predicted = listed.body.data!["events"].edges.map((edge: { node: { id: string; capacity: number } }) => edge.node).find((event: { capacity: number }) => event.capacity > 0);
    await runPredictions([predicted.id]);
    const statementsOf = async (first: number) => {
      const before = aiStatements();
      const response = await stack.query(
        `query($first: Int) { events(first: $first) { edges { node { id predictionHistory(first: 2) { edges { node { id prediction { modelVersion } } } } } } } }`,
        { ...alice, variables: { first } },
      );
      expect(response.body.errors).toBeUndefined();
      const events = response.body.data!["events"].edges.map((edge: { node: { id: string; predictionHistory: { edges: unknown[] } } }) => edge.node);
      expect(events).toHaveLength(first);
      expect(events.find((event: { id: string }) => event.id === predicted.id).predictionHistory.edges.length).toBeGreaterThan(0);
      return aiStatements() - before;
    };
    const ten = await statementsOf(10);
    expect(await statementsOf(100)).toBe(ten);
    // The ranking of every event's page, the predictions on it, and their fits.
    expect(ten).toBe(3);
  });
});

describe("access and isolation", () => {
  it("answers 401 to an anonymous caller", async () => {
    const response = await stack.query("{ analytics { overall { eventCount } } }", { company: "northwind" });
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(["UNAUTHENTICATED"]);
  });

  it("never shows one company another's events, predictions or artists", async () => {
    const prediction = await stack.query(`query($id: ID!) { prediction(eventId: $id) { expectedTicketsSold } }`, { ...hana, variables: { id: demoEvents.london.id } });
    expect(prediction.body).toEqual({ data: { prediction: null } });
    const score = await stack.query(`query($id: ID!) { artistScore(artistId: $id) { score } }`, { ...hana, variables: { id: demoArtists.luaMoreno.id } });
    expect(score.body).toEqual({ data: { artistScore: null } });
    const analytics = await stack.query("{ analytics { eventsByStatus { count } } modelReport { id } modelFits { edges { node { id } } } }", hana);
    expect(analytics.body.data!["analytics"].eventsByStatus.reduce((sum: number, { count }: { count: number }) => sum + count, 0)).toBe(
      Object.values(demoEvents).filter((event) => event.companyId === demoCompanies.harbor.id).length,
    );
    // Harbor Hall has one completed show: too little for a model, and Northwind's fits are not its own.
    expect(analytics.body.data!["modelReport"]).toBeNull();
    expect(analytics.body.data!["modelFits"].edges).toEqual([]);
  });

  it("never shows one company another's stored predictions", async () => {
    const northwind = await storedPredictions({ first: 1 });
    expect(northwind.edges).toHaveLength(1);
    expect(await storedPredictions({}, hana)).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    const byEvent = await storedPredictions({ filter: { eventId: demoEvents.london.id } }, hana);
    expect(byEvent.edges).toEqual([]);
    // A cursor of Northwind's list continues nothing in Harbor Hall's.
    const continued = await storedPredictions({ after: northwind.pageInfo.endCursor }, hana);
    expect(continued.edges).toEqual([]);
  });
});
