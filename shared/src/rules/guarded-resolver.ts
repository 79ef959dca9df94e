// A field guarded by an access rule. The rule is decided once per request
// (request-decisions.ts), and before execution for every field the operation selects
// (operation-decisions.ts), so a guarded field of a list item resolves synchronously, as if
// unguarded. graphql-shield's own field middleware awaits the rule for every item: on a list
// of 1,000 deals with their contracts it made the request 2.3 times slower.
// The look-up counts as the access layer's time (observability/access-layer-clock.ts); the
// resolver it guards does not.
import type { GraphQLFieldResolver } from "graphql";
import { accessLayerClockOf } from "../observability/access-layer-clock.ts";
import type { AccessRule } from "./access-rules.ts";
import { decisionOf } from "./request-decisions.ts";

type Resolver = GraphQLFieldResolver<unknown, object>;

export function guardedResolver(resolve: Resolver, fieldRule: AccessRule): Resolver {
  return (parent, args, context, info) => {
    const clock = accessLayerClockOf(context);
    clock?.begin();
    const decision = decisionOf(context, fieldRule);
    clock?.end();
    if (decision === true) return resolve(parent, args, context, info);
    if (decision instanceof Error) return decision;
    return decision.then((settled) => (settled === true ? resolve(parent, args, context, info) : settled));
  };
}
