// A list of events, a reference and `event(id:)` read only the columns of the fields a request
// selects (resolvers/Event.ts, eventColumns). Each field asked alone must answer exactly what it
// answers when every column is read: a column missing from its entry would leave its resolver a
// row without it.
import { readFileSync } from "node:fs";
import { startTestStack, type TestStack } from "@marquee/gateway/testing";
import { demoCompanies } from "@marquee/kit/demo";
import { Kind, parse, type ObjectTypeDefinitionNode, type TypeNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseSubgraph } from "../src/index.ts";
import { eventColumns } from "../src/resolvers/Event.ts";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ packages: [baseSubgraph] });
});
afterAll(() => stack?.close());

const alice = { as: "alice@northwind.test", company: "northwind" } as const;

/** Base's object types, to select each field's leaves. */
const objectTypes = new Map(
  parse(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8"))
    .definitions.filter((definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION)
    .map((definition) => [definition.name.value, definition]),
);
const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));

/** The field with every leaf of its type below it (one level), or the field alone when it is a leaf. */
function selectionOf(field: string): string {
  const definition = objectTypes.get("Event")!.fields!.find((each) => each.name.value === field)!;
  const type = objectTypes.get(namedType(definition.type));
  if (type === undefined) return field;
  const leaves = type.fields!.filter((each) => !objectTypes.has(namedType(each.type)) && !(each.arguments ?? []).some((argument) => argument.type.kind === Kind.NON_NULL_TYPE));
  return `${field} { ${leaves.map((each) => each.name.value).join(" ")} }`;
}

const fields = Object.keys(eventColumns);
const everyField = fields.map(selectionOf).join(" ");
const since = new Date(Date.now() - 400 * 86_400_000).toISOString();

async function eventsWith(selection: string): Promise<Record<string, unknown>[]> {
  const response = await stack.query(`query($since: DateTime) { events(first: 100, filter: { startsFrom: $since }) { edges { cursor node { ${selection} } } pageInfo { endCursor } } }`, {
    ...alice,
    variables: { since },
  });
  expect(response.body.errors).toBeUndefined();
  const connection = response.body.data!["events"];
  return connection.edges.map((edge: { cursor: string; node: Record<string, unknown> }) => ({ cursor: edge.cursor, ...edge.node }));
}

async function upcomingWith(selection: string): Promise<Record<string, unknown>[]> {
  const response = await stack.query(`{ dashboard(upcomingCount: 50) { upcomingEvents { ${selection} } } }`, alice);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!["dashboard"].upcomingEvents;
}

describe("the columns a list of events reads", () => {
  it("name every field of Event", () => {
    const declared = objectTypes
      .get("Event")!
      .fields!.map((field) => field.name.value)
      .sort();
    expect(fields.sort()).toEqual(declared);
  });

  it.each([
    ["events", eventsWith],
    ["the dashboard's upcoming events", upcomingWith],
  ])("suffice for each field asked alone, in %s", async (_list, read) => {
    const full = await read(`id ${everyField}`);
    expect(full.length).toBeGreaterThan(3);
    for (const field of fields) {
      const alone = await read(`id ${selectionOf(field)}`);
      const expected = full.map((event) => ({ id: event["id"], [field]: event[field], ...("cursor" in event ? { cursor: event["cursor"] } : {}) }));
      expect({ field, events: alone }).toEqual({ field, events: expected });
    }
  });

  it("suffice through fragments and aliases", async () => {
    const response = await stack.query(
      `query($since: DateTime) { events(first: 100, filter: { startsFrom: $since }) { edges { node { ...When local: startsAtLocal } } } }
       fragment When on Event { id where: location { city timeZone } }`,
      { ...alice, variables: { since } },
    );
    expect(response.body.errors).toBeUndefined();
    const full = await eventsWith("id startsAtLocal location { city timeZone }");
    expect(response.body.data!["events"].edges.map((edge: { node: Record<string, unknown> }) => edge.node)).toEqual(
      full.map((event) => ({ id: event["id"], where: event["location"], local: event["startsAtLocal"] })),
    );
  });
});

/** Other modules' references to `ids`, as the gateway sends them: straight to Base, Event's fields in a fragment on the union. */
async function referencesWith(ids: string[], selection: string): Promise<unknown[]> {
  const response = await stack.querySubgraph("base", `query($r: [_Any!]!) { _entities(representations: $r) { ... on Event { ${selection} } } }`, {
    token: await stack.tokenFor(alice.as),
    companyId: demoCompanies.northwind.id,
    variables: { r: ids.map((id) => ({ __typename: "Event", id })) },
  });
  expect(response.body.errors).toBeUndefined();
  return response.body.data!["_entities"];
}

/**
 * `event(id:)` for each of `ids`, one aliased field each, 20 to a request (the gateway's
 * limit of root fields), the selection in a fragment (its limit of 3,000 tokens).
 */
async function eventsByIdWith(ids: string[], selection: string): Promise<unknown[]> {
  const events: unknown[] = [];
  for (let start = 0; start < ids.length; start += 20) {
    const chunk = ids.slice(start, start + 20);
    const fields = chunk.map((id, index) => `e${index}: event(id: "${id}") { ...Selected }`).join(" ");
    const response = await stack.query(`{ ${fields} } fragment Selected on Event { ${selection} }`, alice);
    expect(response.body.errors).toBeUndefined();
    events.push(...chunk.map((_id, index) => response.body.data![`e${index}`]));
  }
  return events;
}

describe("the columns an event read by id reads", () => {
  it.each([
    ["references (_entities)", referencesWith],
    ["event(id:)", eventsByIdWith],
  ])("suffice for each field asked alone, in %s", async (_read, read) => {
    const ids = (await eventsWith("id")).map((event) => event["id"] as string);
    const full = (await read(ids, everyField)) as Record<string, unknown>[];
    expect(full.map((event) => event["id"])).toEqual(ids);
    for (const field of fields) {
      const alone = await read(ids, selectionOf(field));
      expect({ field, events: alone }).toEqual({ field, events: full.map((event) => ({ [field]: event[field] })) });
    }
  });

  it("cost one statement for an _entities call of several events, whatever their fields", async () => {
    const base = stack.stack.subgraphs.get("base")!.opened;
    const ids = (await eventsWith("id")).map((event) => event["id"] as string);
    const statementsFor = async (selection: string) => {
      const before = base.queryCount();
      expect(await referencesWith(ids, selection)).toHaveLength(ids.length);
      return base.queryCount() - before;
    };
    // The first call may resolve the caller's membership; what follows counts the reads alone.
    await statementsFor("id");
    expect(ids.length).toBeGreaterThan(3);
    expect(await statementsFor("id")).toBe(1);
    expect(await statementsFor("id name status startsAtLocal ticketPrice { amount currency }")).toBe(1);
  });
});
