// Decides, before execution, every access rule the operation's fields carry: one pass over
// the document, each distinct rule decided once, all of them at the same time. Execution
// then finds every decision made and never waits on a rule inside a list. The pass and the
// decisions count as the access layer's time (observability/access-layer-clock.ts).
import type { ApolloServerPlugin } from "@apollo/server";
import { TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from "graphql";
import { accessLayerClockOf } from "../observability/access-layer-clock.ts";
import type { AccessRule } from "./access-rules.ts";
import { decisionOf } from "./request-decisions.ts";

/** The rule of each guarded field, by type and field name, for the schemas applyAccessRules guarded. */
const ruleTrees = new WeakMap<GraphQLSchema, ReadonlyMap<string, ReadonlyMap<string, AccessRule>>>();

export function rememberRuleTree(schema: GraphQLSchema, tree: Record<string, Record<string, AccessRule>>): void {
  ruleTrees.set(schema, new Map(Object.entries(tree).map(([typeName, fields]) => [typeName, new Map(Object.entries(fields))])));
}

function rulesSelectedBy(schema: GraphQLSchema, document: DocumentNode): ReadonlySet<AccessRule> {
  const tree = ruleTrees.get(schema);
  const rules = new Set<AccessRule>();
  if (!tree) return rules;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const fieldRule = tree.get(typeInfo.getParentType()?.name ?? "")?.get(node.name.value);
        if (fieldRule) rules.add(fieldRule);
      },
    }),
  );
  return rules;
}

export function operationDecisionsPlugin(): ApolloServerPlugin<object> {
  // Apollo Server reuses the parsed document of a repeated query, and a server has one
  // schema: the rules a document's fields carry are found once.
  const rulesOfDocument = new WeakMap<DocumentNode, ReadonlySet<AccessRule>>();
  const rulesOf = (schema: GraphQLSchema, document: DocumentNode) => {
    if (!rulesOfDocument.has(document)) rulesOfDocument.set(document, rulesSelectedBy(schema, document));
    return rulesOfDocument.get(document)!;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, contextValue }) {
          const clock = accessLayerClockOf(contextValue);
          clock?.begin();
          try {
            await Promise.all([...rulesOf(schema, document)].map((fieldRule) => decisionOf(contextValue, fieldRule)));
          } finally {
            clock?.end();
          }
        },
      };
    },
  };
}
