// Each access rule decided once per request. Every rule the kit makes depends on the
// request alone (the caller, the company, the access context), never on the parent object
// or the arguments, so its decision is kept per request (its context object) and every
// later field it guards is a map lookup.
import { forbidden } from "../errors/errors.ts";
import { accessLayerClockOf } from "../observability/access-layer-clock.ts";
import type { AccessRule } from "./access-rules.ts";

export type Decision = true | Error;

const decisionsByRequest = new WeakMap<object, Map<AccessRule, Decision | Promise<Decision>>>();

/** How graphql-shield runs a rule: errors the rule returns are the caller's answer. */
const shieldOptions = { allowExternalErrors: true, debug: false };

function decisionsOf(context: object): Map<AccessRule, Decision | Promise<Decision>> {
  let decisions = decisionsByRequest.get(context);
  if (!decisions) {
    decisions = new Map();
    decisionsByRequest.set(context, decisions);
  }
  return decisions;
}

/** The rule's decision for this request: known at once after the first time, a promise the first time. */
export function decisionOf(context: object, accessRule: AccessRule): Decision | Promise<Decision> {
  const decisions = decisionsOf(context);
  const known = decisions.get(accessRule);
  if (known !== undefined) return known;
  const pending = decide(context, accessRule);
  decisions.set(accessRule, pending);
  void pending.then((decision) => decisions.set(accessRule, decision));
  return pending;
}

async function decide(context: object, accessRule: AccessRule): Promise<Decision> {
  // The access layer's time (observability/access-layer-clock.ts), until the rule is decided.
  const clock = accessLayerClockOf(context);
  clock?.begin();
  // graphql-shield keeps its own per-request cache of rule results on the context.
  const shieldContext = context as { _shield?: { cache: Record<string, unknown> } };
  shieldContext._shield ??= { cache: {} };
  try {
    // The kit's rules read the request alone: no parent, arguments or resolve info.
    const result = await accessRule.resolve({}, {}, shieldContext as never, undefined as never, shieldOptions as never);
    if (result === true) return true;
    return result instanceof Error ? result : forbidden("Access denied.");
  } catch (error) {
    return error instanceof Error ? error : forbidden("Access denied.");
  } finally {
    clock?.end();
  }
}
