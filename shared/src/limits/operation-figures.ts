// The figures an operation is held to (config/request-limits.ts), measured on the
// document before anything runs:
// - depth: fields nested inside one another, a root field being 1. Introspection
//   (`__schema`, `__type`) adds none: its type references nest a field's list and
//   non-null wrappers (the standard introspection query is 15 deep), not data. Its cost
//   counts, and graphql-js's own validation (MaxIntrospectionDepthRule) refuses
//   introspection lists nested more than 3 deep (`fields { type { fields { type { fields`).
// - aliases: fields given an alias.
// - rootFields: fields at the operation's root.
// - cost: every field counts 1, times the items of every list it sits in
//   (limits/list-sizes.ts). `events(first: 100) { edges { node { name lineup { name } } } }`
//   costs 1 (events) + 1 (edges) + 100 × (1 node + 1 name + 1 lineup + 10 × 1 name) = 1,302.
// Fragments count wherever they are spread. Where a selection's type is abstract (a union,
// an interface, `_entities`), each object is of one type: the figures are those of the
// costliest. Every selection set is measured once per type and page size, so measuring
// stays linear in the document, whatever its fragments multiply.
import {
  getNamedType,
  isAbstractType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { argumentReader } from "./argument-values.ts";
import { listSizing, type ListSizeOptions } from "./list-sizes.ts";

export interface OperationFigures {
  depth: number;
  aliases: number;
  rootFields: number;
  cost: number;
}

export interface MeasuredRequest {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Readonly<Record<string, unknown>>;
}

interface SelectionFigures {
  depth: number;
  aliases: number;
  /** Fields directly in the selection set, its fragments' included. */
  fields: number;
  cost: number;
}

const nothing: SelectionFigures = { depth: 0, aliases: 0, fields: 0, cost: 0 };

export function measureOperation(request: MeasuredRequest, options: { assumedListSize: number }): OperationFigures {
  const rootType = request.schema.getRootType(request.operation.operation);
  if (!rootType) return { depth: 0, aliases: 0, rootFields: 0, cost: 0 };
  const measurer = new SelectionMeasurer(request, { assumedListSize: options.assumedListSize, argumentOf: argumentReader(request.operation, request.variables) });
  const { depth, aliases, fields, cost } = measurer.measure(request.operation.selectionSet, rootType, undefined);
  return { depth, aliases, rootFields: fields, cost };
}

class SelectionMeasurer {
  private readonly fragments: Map<string, FragmentDefinitionNode>;
  private readonly measured = new WeakMap<SelectionSetNode, Map<string, SelectionFigures>>();

  constructor(
    private readonly request: MeasuredRequest,
    private readonly sizes: ListSizeOptions,
  ) {
    this.fragments = new Map(
      request.document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [])),
    );
  }

  measure(selectionSet: SelectionSetNode, type: GraphQLCompositeType, pageSize: number | undefined): SelectionFigures {
    const key = `${type.name}/${pageSize ?? ""}`;
    let byType = this.measured.get(selectionSet);
    const known = byType?.get(key);
    if (known) return known;
    const figures = isAbstractType(type)
      ? this.request.schema.getPossibleTypes(type).map((possible) => this.measure(selectionSet, possible, pageSize)).reduce(costliest, nothing)
      : this.measureOn(selectionSet, type, pageSize);
    if (!byType) this.measured.set(selectionSet, (byType = new Map()));
    byType.set(key, figures);
    return figures;
  }

  private measureOn(selectionSet: SelectionSetNode, type: GraphQLObjectType, pageSize: number | undefined): SelectionFigures {
    let total = nothing;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total = combined(total, this.measureField(selection, type, pageSize));
        continue;
      }
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? this.fragments.get(selection.name.value) : selection;
      if (!fragment) continue;
      const condition = fragment.typeCondition ? this.request.schema.getType(fragment.typeCondition.name.value) : type;
      if (condition !== type && !(condition && isAbstractType(condition) && this.request.schema.isSubType(condition, type))) continue;
      total = combined(total, this.measure(fragment.selectionSet, type, pageSize));
    }
    return total;
  }

  private measureField(field: FieldNode, type: GraphQLObjectType, enclosingPageSize: number | undefined): SelectionFigures {
    const alias = field.alias ? 1 : 0;
    const definition = fieldDefinition(field.name.value, type);
    // Validation has refused an unknown field already; it would resolve nothing.
    if (!definition) return { depth: 1, aliases: alias, fields: 1, cost: 1 };
    const sizing = listSizing(field, definition, enclosingPageSize, this.sizes);
    const inner = field.selectionSet ? this.measure(field.selectionSet, getNamedType(definition.type) as GraphQLCompositeType, sizing.pageSize) : nothing;
    const introspection = definition === SchemaMetaFieldDef || definition === TypeMetaFieldDef;
    return {
      depth: introspection ? 0 : 1 + inner.depth,
      aliases: alias + inner.aliases,
      fields: 1,
      cost: 1 + sizing.items * inner.cost,
    };
  }
}

function fieldDefinition(name: string, type: GraphQLObjectType): GraphQLField<unknown, unknown> | undefined {
  if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
  if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  return type.getFields()[name];
}

function combined(left: SelectionFigures, right: SelectionFigures): SelectionFigures {
  return {
    depth: Math.max(left.depth, right.depth),
    aliases: left.aliases + right.aliases,
    fields: left.fields + right.fields,
    cost: left.cost + right.cost,
  };
}

function costliest(left: SelectionFigures, right: SelectionFigures): SelectionFigures {
  return {
    depth: Math.max(left.depth, right.depth),
    aliases: Math.max(left.aliases, right.aliases),
    fields: Math.max(left.fields, right.fields),
    cost: Math.max(left.cost, right.cost),
  };
}
