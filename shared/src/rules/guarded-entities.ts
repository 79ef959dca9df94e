// `_entities` resolves references to every entity type a subgraph serves in one call: Base's
// Event and Artist that a module extends, and the module's own entities (Market's Contract).
// Each representation is guarded by the rule of its own type, so a caller who may see a
// deal's event but not contracts still gets the event: a denied representation comes back
// as its error, in its place, and its reference is never resolved (nothing is read for it).
import type { GraphQLFieldResolver } from "graphql";
import { accessLayerClockOf } from "../observability/access-layer-clock.ts";
import type { AccessRule } from "./access-rules.ts";
import { decisionOf } from "./request-decisions.ts";

type Resolver = GraphQLFieldResolver<unknown, object>;

interface Representation {
  readonly __typename: string;
}

export function guardedEntitiesResolver(resolve: Resolver, ruleOfType: ReadonlyMap<string, AccessRule>): Resolver {
  return async (parent, args, context, info) => {
    const representations = (args as { representations: readonly Representation[] }).representations;
    const denied = new Map<string, Error>();
    const clock = accessLayerClockOf(context);
    clock?.begin();
    try {
      for (const typename of new Set(representations.map((representation) => representation.__typename))) {
        const typeRule = ruleOfType.get(typename);
        if (!typeRule) continue;
        const decision = await decisionOf(context, typeRule);
        if (decision !== true) denied.set(typename, decision);
      }
    } finally {
      clock?.end();
    }
    if (denied.size === 0) return resolve(parent, args, context, info);
    const allowed = representations.filter((representation) => !denied.has(representation.__typename));
    const resolved = allowed.length === 0 ? [] : ((await resolve(parent, { ...args, representations: allowed }, context, info)) as unknown[]);
    let next = 0;
    return representations.map((representation) => denied.get(representation.__typename) ?? resolved[next++]);
  };
}
