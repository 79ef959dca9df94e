import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maskError } from "./mask-error.ts";
import { RuleViolation } from "./rule-violation.ts";

// The path a subgraph's errors take (create-subgraph.ts): graphql-js locates the thrown
// error, Apollo Server formats it, and the factory's formatError masks it.
const server = new ApolloServer({
  schema: buildSubgraphSchema({
    typeDefs: parse(`type Query { moveDeal: String, brokenQuery: String }`),
    resolvers: {
      Query: {
        moveDeal: async () => {
          throw new RuleViolation("ILLEGAL_DEAL_MOVE", "A deal cannot ACCEPT while it is DRAFT: a DRAFT deal allows EDIT, OFFER, DELETE.", {
            field: "id",
            allowedMoves: ["EDIT", "OFFER", "DELETE"],
          });
        },
        brokenQuery: () => {
          throw new Error('relation "deal" does not exist');
        },
      },
    },
  }),
  plugins: [ApolloServerPluginInlineTraceDisabled()],
  formatError: (formatted, error) => maskError(formatted, { includeStacktrace: false, original: error }),
});

beforeAll(() => server.start());
afterAll(() => server.stop());

async function errorsOf(query: string) {
  const response = await server.executeOperation({ query });
  return response.body.kind === "single" ? response.body.singleResult.errors : undefined;
}

describe("a rule violation", () => {
  it("reaches the client as BAD_USER_INPUT with its message, reason and details", async () => {
    expect(await errorsOf("{ moveDeal }")).toEqual([
      {
        message: "A deal cannot ACCEPT while it is DRAFT: a DRAFT deal allows EDIT, OFFER, DELETE.",
        locations: [{ line: 1, column: 3 }],
        path: ["moveDeal"],
        extensions: { code: "BAD_USER_INPUT", reason: "ILLEGAL_DEAL_MOVE", field: "id", allowedMoves: ["EDIT", "OFFER", "DELETE"] },
      },
    ]);
  });

  it("carries the same extensions to code that calls the domain directly", () => {
    const violation = new RuleViolation("INVALID_OFFER_TERMS", "The radius must be 1 to 20000 km (got 0).", { field: "radiusClause.kilometres" });
    expect(violation).toBeInstanceOf(Error);
    expect(violation).toMatchObject({ name: "RuleViolation", reason: "INVALID_OFFER_TERMS", message: "The radius must be 1 to 20000 km (got 0)." });
    expect(violation.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "INVALID_OFFER_TERMS", field: "radiusClause.kilometres" });
  });
});

describe("an ordinary error", () => {
  it("stays masked as an internal error: its message never reaches the client", async () => {
    expect(await errorsOf("{ brokenQuery }")).toEqual([
      { message: "Internal server error", locations: [{ line: 1, column: 3 }], path: ["brokenQuery"], extensions: { code: "INTERNAL_SERVER_ERROR" } },
    ]);
  });
});
