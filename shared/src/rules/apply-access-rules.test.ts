import { buildSubgraphSchema } from "@apollo/subgraph";
import { graphql, parse } from "graphql";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import type { AccessDecision } from "../access/access-cache.ts";
import { AccessSourceUnavailableError } from "../access/access-source.ts";
import type { RequestContext } from "../subgraph/request-context.ts";
import { requireModule, requirePermission } from "./access-rules.ts";
import { applyAccessRules } from "./apply-access-rules.ts";

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { guarded: Show  forgotten: String  permitted: String }
  type Show @key(fields: "id") { id: ID!  name: String  secret: String }
`);

const resolvers = {
  Query: { guarded: () => ({ id: "1", name: "Opening night", secret: "s" }), forgotten: () => "leaked", permitted: () => "ok" },
  Show: { name: (show: { name: string }) => show.name, secret: (show: { secret: string }) => show.secret },
};

function schema() {
  return applyAccessRules(buildSubgraphSchema({ typeDefs, resolvers }), {
    Query: { guarded: requireModule("finance"), permitted: requirePermission("finance.expense.view"), _entities: requireModule("finance") },
    Show: { secret: requirePermission("finance.secret.view") },
  });
}

function contextWith(decision: () => Promise<AccessDecision>): RequestContext {
  return {
    requestId: "r",
    authentication: { status: "authenticated", userId: "u", token: "t" },
    company: { status: "present", companyId: "c" },
    accessDecision: decision,
    viewerAccess: async () => [],
    tenant: { userId: "u", companyId: "c" },
    callerHeaders: {},
    logger: pino({ level: "silent" }),
  };
}

// A fresh context per request, as the kit builds them: shield caches rule results on it.
const financeViewer = () => contextWith(async () => ({
  status: "granted",
  access: { userId: "u", companyId: "c", companyName: "C", modules: new Set(["finance"]), permissions: new Set(["finance.expense.view"]) },
}));

describe("applyAccessRules", () => {
  it("closes a root field that has no rule, with a coded error", async () => {
    const result = await graphql({ schema: schema(), source: "{ forgotten }", contextValue: financeViewer() });
    expect(result.data).toEqual({ forgotten: null });
    expect(result.errors?.map((error) => [error.message, error.extensions["code"]])).toEqual([["Query.forgotten has no access rule and is closed.", "FORBIDDEN"]]);
  });

  it("opens _service for composition and guards _entities", async () => {
    const anonymous = () => ({ ...financeViewer(), authentication: { status: "anonymous" as const } });
    const service = await graphql({ schema: schema(), source: "{ _service { sdl } }", contextValue: anonymous() });
    expect(service.errors).toBeUndefined();
    const entities = await graphql({ schema: schema(), source: '{ _entities(representations: [{ __typename: "Show", id: "1" }]) { __typename } }', contextValue: anonymous() });
    expect(entities.errors?.map((error) => error.extensions["code"])).toEqual(["UNAUTHENTICATED"]);
  });

  it("applies a per-field rule inside a type and leaves the other fields alone", async () => {
    const result = await graphql({ schema: schema(), source: "{ guarded { name secret } permitted }", contextValue: financeViewer() });
    expect(result.data).toEqual({ guarded: { name: "Opening night", secret: null }, permitted: "ok" });
    expect(result.errors?.map((error) => error.message)).toEqual(['You need the permission "finance.secret.view" for this.']);
  });

  it("wraps only the fields that carry a rule", () => {
    const showFields = schema().getType("Show") as unknown as { getFields(): Record<string, { resolve?: unknown }> };
    expect(showFields.getFields()["name"]!.resolve).toBe(resolvers.Show.name);
    expect(showFields.getFields()["secret"]!.resolve).not.toBe(resolvers.Show.secret);
  });

  it("turns a failing access source into 503, not a denial", async () => {
    const failing = contextWith(async () => Promise.reject(new AccessSourceUnavailableError("down")));
    const result = await graphql({ schema: schema(), source: "{ permitted }", contextValue: failing });
    expect(result.errors?.map((error) => error.extensions["code"])).toEqual(["SERVICE_UNAVAILABLE"]);
  });

  it("refuses at start a rule that names a field the schema does not have", () => {
    expect(() => applyAccessRules(buildSubgraphSchema({ typeDefs, resolvers }), { Query: { missing: requireModule("finance") } })).toThrow(
      "Access rules name Query.missing, which the schema does not have.",
    );
  });
});
