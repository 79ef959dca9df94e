// One page of children for each of many parents (an event's expenses, an artist's deals,
// a deal's history) in a fixed number of statements, however many parents a query lists:
// a window function ranks each parent's rows and keeps the first `take` of each, then the
// rows themselves are read by id. Prisma cannot express the per-parent limit, so the
// ranking is hand-written SQL, built here for every module. It runs on the module's own
// Prisma client: the SQL fragments are Prisma's runtime ones, which every generated
// client accepts.
import DataLoader from "dataloader";
import { empty, raw, sqltag as sql, type Sql } from "@prisma/client/runtime/client";
import { pageRequest, toConnection, type Connection, type PageArgs, type PageRequest } from "../graphql/pagination.ts";
import { rowsPerKey } from "./batching.ts";
import type { SortKey } from "./keyset.ts";

/**
 * A list of a table's rows per parent, as the table's columns name it; the table has the
 * `id` and `company_id` uuid columns of every module table. The names are written into
 * the SQL, so they come from a module's constants, never from a caller.
 */
export interface ChildList {
  /** The module's PostgreSQL schema. */
  schema: string;
  table: string;
  parentColumn: string;
  sortColumn: string;
  sortType: "date" | "timestamptz" | "integer";
  /** DESC: newest (largest) first. Ties are broken by id, in the same direction. */
  direction: "ASC" | "DESC";
}

/** What runs the ranking statement: the module's Prisma client. */
export interface RawQueries {
  $queryRaw<Row>(query: Sql): PromiseLike<Row>;
}

export interface ParentPagesOptions<Node> {
  prisma: RawQueries;
  companyId: string;
  list: ChildList;
  /** The guard of the list's cursors. */
  isKey(value: unknown): value is SortKey;
  /** Reads the company's rows with these ids, in any order. */
  loadByIds(ids: string[]): Promise<Node[]>;
  idOf(node: Node): string;
  keyOf(node: Node): SortKey;
}

/** A page loader: the page of `parentId`'s children, batched with every other parent asking for the same page. */
export function parentPages<Node>(options: ParentPagesOptions<Node>): (parentId: string, args: PageArgs) => Promise<Connection<Node>> {
  const ranking = rankingOf(options.list);
  const loaders = new Map<string, DataLoader<string, Connection<Node>>>();

  async function loadPages(parentIds: readonly string[], page: PageRequest<SortKey>): Promise<Connection<Node>[]> {
    const ranked = await options.prisma.$queryRaw<{ id: string; parent_id: string }[]>(
      ranking(options.companyId, parentIds, { take: page.take + 1, after: page.after }),
    );
    const nodes = ranked.length === 0 ? [] : await options.loadByIds(ranked.map((row) => row.id));
    const nodesById = new Map(nodes.map((node) => [options.idOf(node), node]));
    return rowsPerKey(parentIds, ranked, (row) => row.parent_id).map((rows) =>
      toConnection(
        rows.flatMap((row) => nodesById.get(row.id) ?? []),
        page.take,
        options.keyOf,
      ),
    );
  }

  return (parentId, args) => {
    const page = pageRequest(args, options.isKey);
    const pageKey = JSON.stringify(page);
    let loader = loaders.get(pageKey);
    if (!loader) {
      loader = new DataLoader((parentIds: readonly string[]) => loadPages(parentIds, page));
      loaders.set(pageKey, loader);
    }
    return loader.load(parentId);
  };
}

const plainIdentifier = /^[a-z_][a-z0-9_]*$/;
const sortTypes: ReadonlySet<string> = new Set<ChildList["sortType"]>(["date", "timestamptz", "integer"]);

/** A quoted identifier; anything but a plain lower-case name is refused rather than written into SQL. */
function identifier(name: string): Sql {
  if (!plainIdentifier.test(name)) throw new Error(`"${name}" is not a plain SQL identifier.`);
  return raw(`"${name}"`);
}

/** The statement that ranks the rows of `list`; every identifier in it is checked once, here. */
function rankingOf(list: ChildList): (companyId: string, parentIds: readonly string[], page: PageRequest<SortKey>) => Sql {
  if (!sortTypes.has(list.sortType)) throw new Error(`"${list.sortType}" is not a sort type of a child list.`);
  if (list.direction !== "ASC" && list.direction !== "DESC") throw new Error(`"${list.direction}" is not a sort direction.`);
  const table = sql`${identifier(list.schema)}.${identifier(list.table)}`;
  const parent = identifier(list.parentColumn);
  const sort = identifier(list.sortColumn);
  const sortType = raw(list.sortType);
  const direction = raw(list.direction);
  const comparison = raw(list.direction === "DESC" ? "<" : ">");
  return (companyId, parentIds, page) => {
    const after = page.after ? sql`AND (${sort}, "id") ${comparison} (${page.after[0]}::${sortType}, ${page.after[1]}::uuid)` : empty;
    return sql`
      SELECT "id"::text AS "id", "parent_id"::text AS "parent_id"
      FROM (
        SELECT "id", ${parent} AS "parent_id",
               row_number() OVER (PARTITION BY ${parent} ORDER BY ${sort} ${direction}, "id" ${direction}) AS "rank"
        FROM ${table}
        WHERE "company_id" = ${companyId}::uuid AND ${parent} = ANY(${[...parentIds]}::uuid[]) ${after}
      ) AS "ranked"
      WHERE "rank" <= ${page.take}
      ORDER BY "parent_id", "rank"`;
  };
}
