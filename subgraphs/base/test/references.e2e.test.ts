// The federation contract: other modules resolve Event and Artist by reference through
// `_entities`, as the gateway calls it (straight to Base, with the gateway's secret).
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse, printSchema } from "graphql";
import { startTestStack, type TestStack } from "@marquee/gateway/testing";
import { demoCompanies, demoArtists, demoEvents, type DemoEvent } from "@marquee/kit/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseSubgraph } from "../src/index.ts";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ packages: [baseSubgraph] });
});
afterAll(() => stack?.close());

const entities = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Event {
      id name startsAt capacity ticketsSold ticketPrice { amount currency } location { city timeZone } lineup { name }
      ticketTiers { name price { amount currency } allocation kills comps sold available grossPotential { amount } grossSales { amount } }
      grossPotential { amount currency } grossSales { amount currency } sellThrough
    }
    ... on Artist { id name }
  }
}`;

async function resolve(as: string, companyId: string, representations: { __typename: string; id: string }[]) {
  return stack.querySubgraph("base", entities, {
    token: await stack.tokenFor(as),
    companyId,
    variables: { representations },
  });
}

const eventRef = (id: string) => ({ __typename: "Event", id });
const harborEvents = Object.values(demoEvents as Record<string, DemoEvent>).filter((event) => event.companyId === demoCompanies.harbor.id);

describe("references", () => {
  it("resolve for a member of a company without `basic`: membership is enough (spec §4.2)", async () => {
    const response = await resolve("hana@harbor.test", demoCompanies.harbor.id, [
      eventRef(demoEvents.harborJazzNight.id),
      { __typename: "Artist", id: demoArtists.elbeQuartet.id },
    ]);
    expect(response.body).toEqual({
      data: {
        _entities: [
          {
            id: demoEvents.harborJazzNight.id,
            name: "Harbor Hall Jazz Night: Elbe Quartet",
            startsAt: expect.any(String),
            capacity: 900,
            ticketsSold: 455,
            ticketPrice: { amount: "29.00", currency: "EUR" },
            location: { city: "Hamburg", timeZone: "Europe/Berlin" },
            lineup: [{ name: "Elbe Quartet" }],
            // One tier (the demo's figures): 900 × 29.00 = 26100.00; 455 × 29.00 = 13195.00; 455 / 900 = 50.555…% → 50.56.
            ticketTiers: [
              {
                name: "General admission",
                price: { amount: "29.00", currency: "EUR" },
                allocation: 900,
                kills: 0,
                comps: 0,
                sold: 455,
                available: 445,
                grossPotential: { amount: "26100.00" },
                grossSales: { amount: "13195.00" },
              },
            ],
            grossPotential: { amount: "26100.00", currency: "EUR" },
            grossSales: { amount: "13195.00", currency: "EUR" },
            sellThrough: "50.56",
          },
          { id: demoArtists.elbeQuartet.id, name: "Elbe Quartet" },
        ],
      },
    });
  });

  it("resolve another company's ids, and unknown ones, to null", async () => {
    const response = await resolve("hana@harbor.test", demoCompanies.harbor.id, [
      eventRef(demoEvents.chicago.id),
      { __typename: "Artist", id: demoArtists.auroraLane.id },
      eventRef(randomUUID()),
      eventRef("not-an-id"),
    ]);
    expect(response.body).toEqual({ data: { _entities: [null, null, null, null] } });
  });

  it("are refused to someone who is not a member of the company", async () => {
    const response = await resolve("nobody@nowhere.test", demoCompanies.harbor.id, [eventRef(demoEvents.harborJazzNight.id)]);
    expect(response.body.errors?.map((error) => [error.extensions?.["code"], error.message])).toEqual([["FORBIDDEN", "You are not a member of this company."]]);
  });

  it("cost the same statements for 100 references as for 10, lineups and ticket tiers included", async () => {
    const base = stack.stack.subgraphs.get("base")!.opened;
    const known = harborEvents.map((event) => event.id);
    const statementsFor = async (count: number) => {
      const ids = [...known, ...Array.from({ length: count - known.length }, () => randomUUID())];
      const before = base.queryCount();
      const response = await resolve("hana@harbor.test", demoCompanies.harbor.id, ids.map(eventRef));
      expect(response.body.data?.["_entities"].filter((entity: unknown) => entity !== null)).toHaveLength(known.length);
      return base.queryCount() - before;
    };
    const forTen = await statementsFor(10);
    // Events, their lineups, the lineups' artists, their tiers (once, for the tiers and every total).
    expect(forTen).toBe(4);
    expect(await statementsFor(100)).toBe(forTen);
  });
});

describe("the schema for composition", () => {
  it("is served by `_service` to anyone who reaches Base through the gateway's network", async () => {
    const response = await stack.querySubgraph<{ _service: { sdl: string } }>("base", "{ _service { sdl } }");
    const served = buildSubgraphSchema({ typeDefs: parse(response.body.data!._service.sdl) });
    const declared = buildSubgraphSchema({ typeDefs: parse(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8")) });
    expect(printSchema(served)).toBe(printSchema(declared));
    expect(served.getType("Event")?.astNode?.directives?.map((directive) => directive.name.value)).toEqual(["key"]);
  });
});
