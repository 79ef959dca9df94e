// Reading only the columns a request needs (issue #8): a list read that fetches every column
// of every row costs more than twice one that fetches the few its fields read (Prisma maps,
// and pg parses, each column of each row; 21 events: 771 µs of CPU for all 19 columns, 336 µs
// for 3). A module declares, for each field of a type, the columns its resolver reads; a list
// resolver asks which fields the request selects of its items and reads the union of their
// columns; a reference resolver, whose `_entities` items are a union, names the type it reads.
// A field the declaration does not know, a selection that cannot be read statically or a type
// a fragment names otherwise reads every column: a missing column would be a wrong answer, a
// column too many only a cost.
import { getNamedType, isObjectType, Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";

/** For each field of a type, the columns its resolver reads of the type's record. */
export type FieldColumns<Field extends string, Column extends string> = Readonly<Record<Field, readonly Column[]>>;

/**
 * The Prisma `select` for the items at `path` below the field being resolved (e.g.
 * ["edges", "node"] for a connection, [] for a list): the columns of every field selected
 * there, and `always`; undefined to read every column. `itemType` names the object type
 * read when the items are a union or an interface (`_entities`' `_Entity`): the fields
 * selected in fragments on it count, and fragments on the other object types are skipped.
 */
export function selectedColumns<Field extends string, Column extends string>(
  info: GraphQLResolveInfo,
  path: readonly string[],
  columnsOf: FieldColumns<Field, Column>,
  always: readonly Column[],
  itemType?: string,
): Record<Column, true> | undefined {
  let byColumns = answered.get(info.fieldNodes);
  if (byColumns === undefined) answered.set(info.fieldNodes, (byColumns = new Map()));
  let byRequest = byColumns.get(columnsOf);
  if (byRequest === undefined) byColumns.set(columnsOf, (byRequest = new Map()));
  const key = `${itemType ?? ""}\n${path.join(".")}\n${always.join(",")}`;
  if (!byRequest.has(key)) byRequest.set(key, columnsSelected(info, path, columnsOf, always, itemType));
  return byRequest.get(key) as Record<Column, true> | undefined;
}

/**
 * The answers already worked out, per field (its nodes: a reference resolver is called with
 * the same ones for every representation of one `_entities`, and reads the selection once).
 * The answer depends only on the selection, so it is shared; callers read it, never change it.
 */
const answered = new WeakMap<readonly FieldNode[], Map<object, Map<string, Record<string, true> | undefined>>>();

function columnsSelected<Field extends string, Column extends string>(
  info: GraphQLResolveInfo,
  path: readonly string[],
  columnsOf: FieldColumns<Field, Column>,
  always: readonly Column[],
  itemType: string | undefined,
): Record<Column, true> | undefined {
  const fields = selectedFieldNames(info, path, itemType);
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
 * every alias; undefined when a fragment spread names a fragment the document lacks, or a
 * type condition is not resolved statically (see `fragmentOn`).
 */
function selectedFieldNames(info: GraphQLResolveInfo, path: readonly string[], named: string | undefined): Set<string> | undefined {
  const known = typeAtPath(info, path);
  const itemType = named ?? known;
  // Without a name, items of a union or interface; with one, items of another object type.
  if (itemType === undefined || (known !== undefined && known !== itemType)) return undefined;
  let selections: SelectionSetNode[] = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const step of path) {
    const next: SelectionSetNode[] = [];
    for (const set of selections) {
      const fields = fieldsOf(set, info, undefined);
      if (fields === undefined) return undefined;
      for (const field of fields) if (field.name.value === step && field.selectionSet) next.push(field.selectionSet);
    }
    selections = next;
  }
  const names = new Set<string>();
  for (const set of selections) {
    const fields = fieldsOf(set, info, { type: itemType, onItemType: known !== undefined });
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
 * The items' object type, and whether the selection set being flattened is on it (the items'
 * own type, or a fragment on it) rather than on the union or interface that holds it.
 */
interface Items {
  type: string;
  onItemType: boolean;
}

/**
 * The fields of a selection set with its fragments flattened. With `items` (the items' own
 * selection), fragments are followed as `fragmentOn` says; without it (a step of the path,
 * e.g. a connection's edges), every fragment is followed.
 */
function fieldsOf(set: SelectionSetNode, info: GraphQLResolveInfo, items: Items | undefined): FieldNode[] | undefined {
  const fields: FieldNode[] = [];
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      fields.push(selection);
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
    if (fragment === undefined) return undefined;
    const inner = items && fragmentOn(fragment.typeCondition?.name.value, items, info);
    if (inner === "skip") continue;
    if (items !== undefined && inner === undefined) return undefined;
    const innerFields = fieldsOf(fragment.selectionSet, info, inner);
    if (innerFields === undefined) return undefined;
    fields.push(...innerFields);
  }
  return fields;
}

/**
 * What a fragment on `condition` (none: the enclosing set's type) selects of the items: the
 * items' fields when it is on their type; nothing of theirs ("skip") when, in a set on a union
 * or interface, it is on another object type (another member's fields); otherwise unknown
 * (undefined): a fragment on an interface or union, one without a condition in a set on a
 * union or interface, or one on another type in a set on the items' own type.
 */
function fragmentOn(condition: string | undefined, items: Items, info: GraphQLResolveInfo): Items | "skip" | undefined {
  if (condition === items.type || (condition === undefined && items.onItemType)) return { type: items.type, onItemType: true };
  if (!items.onItemType && condition !== undefined && isObjectType(info.schema.getType(condition))) return "skip";
  return undefined;
}
