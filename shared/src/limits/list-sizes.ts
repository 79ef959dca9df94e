// How many items a field's result counts for in an operation's cost. A page's size is
// its `first` (the kit's pagination refuses more than its maximum before reading a row,
// so a larger figure never costs more than a full page); `_entities` returns one entity
// per representation it is sent; any other list is assumed to hold `assumedListSize`.
import { getNullableType, isListType, type FieldNode, type GraphQLField } from "graphql";
import { defaultPageSize, maxPageSize } from "../graphql/pagination.ts";
import type { ArgumentReader } from "./argument-values.ts";

export interface ListSizing {
  /** How many times the field's selection runs for each object the field is asked of. */
  items: number;
  /**
   * Set when the field returns a connection: the page size that the connection's own
   * lists (`edges`) hold. The connection object itself is one per parent.
   */
  pageSize?: number;
}

export interface ListSizeOptions {
  argumentOf: ArgumentReader;
  assumedListSize: number;
}

export function listSizing(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown>,
  /** The page size of the connection whose field this is, when it is one. */
  enclosingPageSize: number | undefined,
  { argumentOf, assumedListSize }: ListSizeOptions,
): ListSizing {
  const returnsList = isListType(getNullableType(definition.type));
  if (definition.args.some((argument) => argument.name === "first")) {
    const pageSize = pageSizeOf(argumentOf(field, "first"));
    return returnsList ? { items: pageSize } : { items: 1, pageSize };
  }
  if (definition.name === "_entities") {
    const representations = argumentOf(field, "representations");
    return { items: Array.isArray(representations) ? representations.length : 1 };
  }
  return { items: returnsList ? (enclosingPageSize ?? assumedListSize) : 1 };
}

function pageSizeOf(first: unknown): number {
  if (first === undefined || first === null) return defaultPageSize;
  // A value that is not a number fails coercion before anything runs; count it as a full page meanwhile.
  return typeof first === "number" ? Math.min(Math.max(first, 0), maxPageSize) : maxPageSize;
}
