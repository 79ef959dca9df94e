// Reading only the columns a request needs (issue #8): a list read that fetches every column
// of every row costs more than twice one that fetches the few its fields read (Prisma maps,
// and pg parses, each column of each row; 21 events: 771 µs of CPU for all 19 columns, 336 µs
// for 3). A module declares, for each field of a type, the columns its resolver reads; a list
// resolver asks which fields the request selects of its items and reads the union of their
// columns. A field the declaration does not know, a selection that cannot be read statically
// or a type a fragment names otherwise reads every column: a missing column would be a wrong
// answer, a column too many only a cost.
import { getNamedType, isObjectType, Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";

/** For each field of a type, the columns its resolver reads of the type's record. */
export type FieldColumns<Field extends string, Column extends string> = Readonly<Record<Field, readonly Column[]>>;

/**
 * The Prisma `select` for the items at `path` below the field being resolved (e.g.
 * ["edges", "node"] for a connection, [] for a list): the columns of every field selected
 * there, and `always`; undefined to read every column.
 */
export function selectedColumns<Field extends string, Column extends string>(
  info: GraphQLResolveInfo,
  path: readonly string[],
  columnsOf: FieldColumns<Field, Column>,
  always: readonly Column[],
): Record<Column, true> | undefined {
  const fields = selectedFieldNames(info, path);
  if (fields === undefined) return undefined;
  const select = {} as Record<Column, true>;
  for (const column of always) select[column] = true;
  for (const field of fields) {
    if (field === "__typename") continue;
    if (!Object.hasOwn(columnsOf, field)) return undefined;
    for (const column of columnsOf[field as Field]) select[column] = true;
  }
  return select;
}

/**
 * The names of the fields selected at `path` below the resolved field, through fragments and
 * every alias; undefined when a fragment spread names a fragment the document lacks or a
 * type condition differs from the items' type (an interface or union: not resolved statically).
 */
function selectedFieldNames(info: GraphQLResolveInfo, path: readonly string[]): Set<string> | undefined {
  const itemType = typeAtPath(info, path);
  if (itemType === undefined) return undefined;
  let selections: SelectionSetNode[] = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const step of path) {
    const next: SelectionSetNode[] = [];
    for (const set of selections) {
      const fields = fieldsOf(set, info.fragments, undefined);
      if (fields === undefined) return undefined;
      for (const field of fields) if (field.name.value === step && field.selectionSet) next.push(field.selectionSet);
    }
    selections = next;
  }
  const names = new Set<string>();
  for (const set of selections) {
    const fields = fieldsOf(set, info.fragments, itemType);
    if (fields === undefined) return undefined;
    for (const field of fields) names.add(field.name.value);
  }
  return names;
}

/** The name of the object type of the items at `path`; undefined when it is an interface or a union. */
function typeAtPath(info: GraphQLResolveInfo, path: readonly string[]): string | undefined {
  let type = getNamedType(info.returnType);
  for (const step of path) {
    if (!isObjectType(type)) return undefined;
    const field = type.getFields()[step];
    if (field === undefined) return undefined;
    type = getNamedType(field.type);
  }
  return isObjectType(type) ? type.name : undefined;
}

/**
 * The fields of a selection set with its fragments flattened. With `itemType` (the items' own
 * selection), a fragment on another type makes the answer unknown (undefined); without it (a
 * step of the path, e.g. a connection's edges), every fragment is followed.
 */
function fieldsOf(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, itemType: string | undefined): FieldNode[] | undefined {
  const fields: FieldNode[] = [];
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      fields.push(selection);
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
    if (fragment === undefined) return undefined;
    const condition = fragment.typeCondition?.name.value;
    if (itemType !== undefined && condition !== undefined && condition !== itemType) return undefined;
    const inner = fieldsOf(fragment.selectionSet, fragments, itemType);
    if (inner === undefined) return undefined;
    fields.push(...inner);
  }
  return fields;
}
