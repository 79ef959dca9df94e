// An operation within its limits, or the refusal: a QUERY_TOO_COMPLEX error (400 at the
// gateway) that names the limit, its maximum and the operation's own figure, so that a
// client sees what to cut. Checked before anything is planned or resolved.
import type { OperationLimits } from "../config/request-limits.ts";
import { queryTooComplex } from "../errors/errors.ts";
import { defaultPageSize } from "../graphql/pagination.ts";
import type { OperationFigures } from "./operation-figures.ts";

type Limit = keyof OperationFigures;

/** In this order: a figure further down is often large only because of one further up (a deep nest costs much). */
const checks: { limit: Limit; maximum: (limits: OperationLimits) => number; explain: (actual: number, maximum: number) => string }[] = [
  {
    limit: "rootFields",
    maximum: (limits) => limits.maxRootFields,
    explain: (actual, maximum) => `The operation asks for ${actual} root fields; at most ${maximum} are allowed in one request.`,
  },
  {
    limit: "aliases",
    maximum: (limits) => limits.maxAliases,
    explain: (actual, maximum) => `The operation uses ${actual} aliases; at most ${maximum} are allowed in one request.`,
  },
  {
    limit: "depth",
    maximum: (limits) => limits.maxDepth,
    explain: (actual, maximum) => `The operation nests fields ${actual} deep; at most ${maximum} levels are allowed.`,
  },
  {
    limit: "cost",
    maximum: (limits) => limits.maxCost,
    explain: (actual, maximum) =>
      `The operation's cost is ${actual}; at most ${maximum} is allowed. Each field counts once for every item of the lists it sits in ` +
      `(a page counts its \`first\`, ${defaultPageSize} when omitted; another list its assumed size): ask for smaller pages, fewer nested lists or fewer fields.`,
  },
];

export function assertWithinLimits(figures: OperationFigures, limits: OperationLimits): void {
  for (const { limit, maximum, explain } of checks) {
    const allowed = maximum(limits);
    const actual = figures[limit];
    if (actual > allowed) throw queryTooComplex(explain(actual, allowed), { limit, maximum: allowed, actual });
  }
}
