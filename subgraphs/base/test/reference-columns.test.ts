// A reference and `event(id:)` read only the columns of the fields their selection asks of
// Event (issue #8): the one statement that loads a batch names those and the ones always read,
// not all 19. test/event-columns.test.ts proves the answers equal a full read's.
import { readFileSync } from "node:fs";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { demoCompanies, demoEvents } from "@marquee/kit/demo";
import { execute, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBaseData } from "../src/data/base-data.ts";
import { seedDemo } from "../src/demo/seed.ts";
import { resolvers } from "../src/resolvers/index.ts";
import { openBaseDatabase, type BaseDatabase } from "./support/base-database.ts";

type SubgraphResolvers = Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>["resolvers"];

// Base's schema and resolvers without the access rules: what is read, not who may read it.
const schema = buildSubgraphSchema({ typeDefs: parse(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8")), resolvers: resolvers as SubgraphResolvers });

let database: BaseDatabase;
beforeAll(async () => {
  database = await openBaseDatabase();
  await seedDemo(database.prisma, new Date());
});
afterAll(() => database.close());

const ids = [demoEvents.chicago.id, demoEvents.berlin.id, demoEvents.paris.id];

/** The event columns each statement `document` sends reads, on a fresh request's loaders. */
async function columnsRead(document: string, variables: Record<string, unknown> = {}): Promise<string[][]> {
  const data = createBaseData(database.prisma, { companyId: demoCompanies.northwind.id });
  database.queries.reset();
  const result = await execute({ schema, document: parse(document), variableValues: variables, contextValue: { data } });
  expect(result.errors).toBeUndefined();
  return database.queries.statements().map((statement) => [...statement.split(" FROM ")[0]!.matchAll(/"event"\."(\w+)"/g)].map((match) => match[1]!).sort());
}

describe("an event read by id", () => {
  it("reads, for references, the columns of the fields selected on Event, in one statement", async () => {
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Event { id } ... on Artist { name } } }`;
    const representations = ids.map((id) => ({ __typename: "Event", id }));
    expect(await columnsRead(entities, { r: representations })).toEqual([["company_id", "id", "starts_at"]]);
    const withFields = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Event { name ...Price } } } fragment Price on Event { ticketPrice { amount } }`;
    expect(await columnsRead(withFields, { r: representations })).toEqual([["company_id", "currency", "id", "name", "starts_at", "ticket_price"]]);
  });

  it("reads, for event(id:), the columns of the fields it selects", async () => {
    expect(await columnsRead(`{ a: event(id: "${ids[0]}") { city: location { city } } b: event(id: "${ids[1]}") { location { timeZone } } }`)).toEqual([
      ["city", "company_id", "country", "id", "latitude", "longitude", "starts_at", "time_zone", "venue_name"],
    ]);
  });

  it("reads every column when a fragment is on the union", async () => {
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on _Entity { ... on Event { id } } } }`;
    expect((await columnsRead(entities, { r: ids.map((id) => ({ __typename: "Event", id })) }))[0]).toHaveLength(19);
  });
});
