// The refusal: the first limit an operation's figures exceed, named with its maximum and
// the operation's figure, under the code the gateway answers with a 400.
import { describe, expect, it } from "vitest";
import { defaultRequestLimits } from "../config/request-limits.ts";
import { httpStatusOf } from "../errors/errors.ts";
import { assertWithinLimits } from "./operation-limits.ts";

const limits = { maxTokens: 1000, maxDepth: 12, maxAliases: 30, maxRootFields: 20, maxCost: 1000 };
const within = { depth: 12, aliases: 30, rootFields: 20, cost: 1000 };

const refusal = (figures: typeof within) => {
  try {
    assertWithinLimits(figures, limits);
  } catch (error) {
    return error as { message: string; extensions: Record<string, unknown> };
  }
  return undefined;
};

describe("assertWithinLimits", () => {
  it("lets an operation at every maximum through", () => {
    expect(refusal(within)).toBeUndefined();
  });

  it.each([
    ["rootFields", { rootFields: 21 }, 20, 21, "The operation asks for 21 root fields; at most 20 are allowed in one request."],
    ["aliases", { aliases: 5000 }, 30, 5000, "The operation uses 5000 aliases; at most 30 are allowed in one request."],
    ["depth", { depth: 15 }, 12, 15, "The operation nests fields 15 deep; at most 12 levels are allowed."],
  ])("refuses too many %s, naming the limit and the figure", (limit, excess, maximum, actual, message) => {
    const error = refusal({ ...within, ...excess });
    expect(error?.extensions).toEqual({ code: "QUERY_TOO_COMPLEX", limit, maximum, actual });
    expect(error?.message).toBe(message);
  });

  it("refuses a cost over the budget and says how the cost is counted", () => {
    const error = refusal({ ...within, cost: 302_302 });
    expect(error?.extensions).toEqual({ code: "QUERY_TOO_COMPLEX", limit: "cost", maximum: 1000, actual: 302_302 });
    expect(error?.message).toMatch(/^The operation's cost is 302302; at most 1000 is allowed\. Each field counts once for every item of the lists it sits in/);
  });

  it("names the first limit exceeded when several are", () => {
    expect(refusal({ depth: 40, aliases: 31, rootFields: 21, cost: 10 ** 12 })?.extensions?.["limit"]).toBe("rootFields");
  });

  it("is answered with HTTP 400", () => {
    expect(httpStatusOf.QUERY_TOO_COMPLEX).toBe(400);
  });

  it("has defaults where the subgraphs allow at least what the gateway does", () => {
    const { gateway, subgraph } = defaultRequestLimits;
    for (const key of Object.keys(gateway) as (keyof typeof gateway)[]) expect(subgraph[key]).toBeGreaterThanOrEqual(gateway[key]);
  });
});
