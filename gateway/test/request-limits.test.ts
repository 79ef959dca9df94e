// A bounded cost for every request (issue 7). Each of these requests once held the gateway
// for seconds or ran it out of memory; now each is answered within a second with a coded
// status (401 without a token, 400 over a limit, naming the limit and the figure), and the
// process goes on answering.
import { defaultRequestLimits } from "@marquee/kit";
import { demoEvents } from "@marquee/kit/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "@marquee/gateway/testing";

const bob = { as: "bob@northwind.test", company: "northwind" } as const;
const limits = defaultRequestLimits.gateway;

let stack: TestStack;
/** The stack runs in this process: its memory once the stack is up, before any attack. */
let startingRssBytes = 0;
beforeAll(async () => {
  stack = await startTestStack();
  startingRssBytes = process.memoryUsage().rss;
});
afterAll(() => stack?.close());

/** The request's answer and how long it took. */
async function timed<Answer>(request: () => Promise<Answer>): Promise<Answer & { ms: number }> {
  const started = performance.now();
  const answer = await request();
  return { ...answer, ms: performance.now() - started };
}

const aliased = (count: number, selection: string) => Array.from({ length: count }, (_, index) => `a${index}: ${selection}`).join(" ");

/** Events' lineups' events, `levels` deep, 100 a page: the query that ran the gateway out of memory at three levels. */
function nestedLineups(root: string, levels: number): string {
  let inner = "id name";
  for (let level = 0; level < levels; level++) inner = `id lineup { events(first: 100) { edges { node { ${inner} } } } }`;
  return `{ ${root}(first: 100) { edges { node { ${inner} } } } }`;
}

const refusal = (response: { status: number; body: { errors?: { extensions?: Record<string, unknown> }[] } }) => ({
  status: response.status,
  errors: response.body.errors?.map((error) => error.extensions),
});

describe("requests that once held the gateway", () => {
  it("answers 3,200 aliased queries over five subgraphs without a token with 401, before reading the document", async () => {
    const fiveSubgraphs = "events(first: 100) { edges { node { name financeTotals { currency } deals { edges { node { id } } } tourStop { id } venueHolds { id } prediction { expectedTicketsSold } } } }";
    const response = await timed(() => stack.query(`{ ${aliased(3200, fiveSubgraphs)} }`, { company: "northwind" }));
    expect(refusal(response)).toEqual({ status: 401, errors: [{ code: "UNAUTHENTICATED" }] });
    expect(response.ms).toBeLessThan(1000);
  });

  it("stops reading 5,000 aliases of viewer at the token limit, while /health keeps answering", async () => {
    const attack = timed(() => stack.query(`{ ${aliased(5000, "viewer { companies { id } }")} }`, bob));
    const health = timed(async () => ({ status: (await fetch(new URL("/health", stack.gatewayUrl))).status }));
    const [response, healthResponse] = await Promise.all([attack, health]);
    expect(refusal(response)).toEqual({ status: 400, errors: [{ code: "GRAPHQL_PARSE_FAILED" }] });
    expect(response.body.errors?.[0]?.message).toContain(`${limits.maxTokens} tokens`);
    expect(response.ms).toBeLessThan(1000);
    expect(healthResponse.status).toBe(200);
    expect(healthResponse.ms).toBeLessThan(1000);
  });

  it("refuses more root fields than allowed: 100 aliases of AI's analytics", async () => {
    const response = await timed(() => stack.query(`{ ${aliased(100, "analytics { overall { eventCount } }")} }`, { as: "alice@northwind.test", company: "northwind" }));
    expect(refusal(response)).toEqual({ status: 400, errors: [{ code: "QUERY_TOO_COMPLEX", limit: "rootFields", maximum: limits.maxRootFields, actual: 100 }] });
    expect(response.ms).toBeLessThan(1000);
  });

  it("refuses more aliases than allowed", async () => {
    const response = await timed(() => stack.query(`{ viewer { ${aliased(limits.maxAliases + 1, "companies { id }")} } }`, bob));
    expect(refusal(response)).toEqual({ status: 400, errors: [{ code: "QUERY_TOO_COMPLEX", limit: "aliases", maximum: limits.maxAliases, actual: limits.maxAliases + 1 }] });
    expect(response.ms).toBeLessThan(1000);
  });

  it("refuses events' lineups' events two levels deep on their cost, three levels deep on their depth", async () => {
    const twoLevels = await timed(() => stack.query(nestedLineups("sharedEvents", 2), bob));
    // Per event: node, id, name (3); a page of them: edges + 100 × 3 + events = 302; a lineup of
    // ten artists with their pages: 3,021; and so on out, 100 × 10 × 100 × ... = 302,302,302.
    expect(refusal(twoLevels)).toEqual({ status: 400, errors: [{ code: "QUERY_TOO_COMPLEX", limit: "cost", maximum: limits.maxCost, actual: 302_302_302 }] });
    expect(twoLevels.ms).toBeLessThan(1000);
    const threeLevels = await timed(() => stack.query(nestedLineups("sharedEvents", 3), bob));
    expect(refusal(threeLevels)).toEqual({ status: 400, errors: [{ code: "QUERY_TOO_COMPLEX", limit: "depth", maximum: limits.maxDepth, actual: 16 }] });
    expect(threeLevels.ms).toBeLessThan(1000);
  });

  it("refuses a view-only user's artists with their events' lineups' events on its cost", async () => {
    const query = `{ artists(first: 100) { edges { node { events(first: 100) { edges { node { id lineup { events(first: 100) { edges { node { id name } } } } } } } } } } }`;
    const response = await timed(() => stack.query(query, bob));
    expect(refusal(response)).toEqual({ status: 400, errors: [{ code: "QUERY_TOO_COMPLEX", limit: "cost", maximum: limits.maxCost, actual: 30_230_302 }] });
    expect(response.ms).toBeLessThan(1000);
  });

  it("still answers a page of a hundred events with their lineups' events, well inside the cost", async () => {
    const response = await timed(() => stack.query(nestedLineups("sharedEvents", 1), bob));
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!["sharedEvents"].edges).toHaveLength(100);
  });

  it("is still alive and answering after all of them, its memory flat", async () => {
    expect((await fetch(new URL("/health", stack.gatewayUrl))).status).toBe(200);
    // Before the limits, the two-level query alone grew the process by 1.3 GB.
    expect(process.memoryUsage().rss - startingRssBytes).toBeLessThan(200 * 1024 * 1024);
    const response = await stack.query(`query($id: ID!) { event(id: $id) { name } }`, { ...bob, variables: { id: demoEvents.chicago.id } });
    expect(response.body).toEqual({ data: { event: { name: demoEvents.chicago.name } } });
  });
});

describe("each subgraph, on its own", () => {
  it("refuses what it is sent over its own cost, counting one entity per representation", async () => {
    const representations = Array.from({ length: 1000 }, () => ({ __typename: "Event", id: demoEvents.chicago.id }));
    const response = await timed(() =>
      stack.querySubgraph(
        "base",
        `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Event { lineup { events(first: 100) { edges { node { id name } } } } } } }`,
        { variables: { representations } },
      ),
    );
    const subgraphLimits = defaultRequestLimits.subgraph;
    // 1 + 1,000 representations × (lineup 1 + 10 artists × 302)
    expect(response.body.errors?.map((error) => error.extensions)).toEqual([{ code: "QUERY_TOO_COMPLEX", limit: "cost", maximum: subgraphLimits.maxCost, actual: 3_021_001 }]);
    expect(response.ms).toBeLessThan(1000);
  });
});
