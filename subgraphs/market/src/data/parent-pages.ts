// One page of children for each of many parents (an event's deals, a deal's history) in
// a fixed number of statements, however many parents a query lists: a window function
// ranks each parent's rows and keeps the first `take` of each, then the rows themselves
// are read by id. Prisma cannot express the per-parent limit, so the ranking is the one
// hand-written SQL statement of the module.
import DataLoader from "dataloader";
import { pageRequest, toConnection, type Connection, type PageRequest } from "@marquee/kit";
import { Prisma } from "../__generated__/prisma/client.ts";
import { rowsPerKey } from "./batching.ts";
import type { MarketPrisma } from "./market-database.ts";
import type { SortKey } from "./keyset.ts";

/** A list of a table's rows per parent, as the table's columns name it. */
export interface ChildList {
  table: "deal" | "deal_terms_version";
  parentColumn: "event_id" | "artist_id" | "deal_id";
  sortColumn: "created_at" | "number";
  sortType: "timestamptz" | "integer";
  direction: "ASC" | "DESC";
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface ParentPagesOptions<Node> {
  prisma: MarketPrisma;
  companyId: string;
  list: ChildList;
  isKey(value: unknown): value is SortKey;
  /** Reads the company's rows with these ids, in any order. */
  loadByIds(ids: string[]): Promise<Node[]>;
  idOf(node: Node): string;
  keyOf(node: Node): SortKey;
}

/** A page loader: the page of `parentId`'s children, batched with every other parent asking for the same page. */
export function parentPages<Node>(options: ParentPagesOptions<Node>): (parentId: string, args: PageArgs) => Promise<Connection<Node>> {
  const loaders = new Map<string, DataLoader<string, Connection<Node>>>();

  async function loadPages(parentIds: readonly string[], page: PageRequest<SortKey>): Promise<Connection<Node>[]> {
    const ranked = await options.prisma.$queryRaw<{ id: string; parent_id: string }[]>(
      rankedIds(options.list, options.companyId, parentIds, { take: page.take + 1, after: page.after }),
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

function rankedIds(list: ChildList, companyId: string, parentIds: readonly string[], page: PageRequest<SortKey>): Prisma.Sql {
  // Identifiers come from the ChildList constants of the repositories, never from a caller.
  const table = Prisma.raw(`"market"."${list.table}"`);
  const parent = Prisma.raw(`"${list.parentColumn}"`);
  const sort = Prisma.raw(`"${list.sortColumn}"`);
  const sortType = Prisma.raw(list.sortType);
  const direction = Prisma.raw(list.direction);
  const comparison = Prisma.raw(list.direction === "DESC" ? "<" : ">");
  const after = page.after
    ? Prisma.sql`AND (${sort}, "id") ${comparison} (${page.after[0]}::${sortType}, ${page.after[1]}::uuid)`
    : Prisma.empty;
  return Prisma.sql`
    SELECT "id"::text AS "id", "parent_id"::text AS "parent_id"
    FROM (
      SELECT "id", ${parent} AS "parent_id",
             row_number() OVER (PARTITION BY ${parent} ORDER BY ${sort} ${direction}, "id" ${direction}) AS "rank"
      FROM ${table}
      WHERE "company_id" = ${companyId}::uuid AND ${parent} = ANY(${[...parentIds]}::uuid[]) ${after}
    ) AS "ranked"
    WHERE "rank" <= ${page.take}
    ORDER BY "parent_id", "rank"`;
}
