import { describe, expect, it } from "vitest";
import type { Sql } from "@prisma/client/runtime/client";
import { encodeCursor } from "../graphql/pagination.ts";
import { isInstantKey, type SortKey } from "./keyset.ts";
import { parentPages, type ChildList } from "./parent-pages.ts";

interface Row {
  id: string;
  parentId: string;
  createdAt: string;
}

const companyId = "00000000-0000-4000-8000-0000000000c0";
const parent = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const child = (n: number) => `00000000-0000-4000-8000-0000000001${String(n).padStart(2, "0")}`;
const rows: Row[] = [1, 2, 3].map((n) => ({ id: child(n), parentId: parent(1), createdAt: `2026-11-2${n}T10:00:00.000Z` }));
rows.push({ id: child(4), parentId: parent(2), createdAt: "2026-11-20T10:00:00.000Z" });

const dealsOfEvent: ChildList = { schema: "market", table: "deal", parentColumn: "event_id", sortColumn: "created_at", sortType: "timestamptz", direction: "DESC" };

/** A Prisma stand-in: records each statement and answers as the database would for `rows`, newest first. */
function fakePrisma() {
  const statements: Sql[] = [];
  return {
    statements,
    loads: [] as string[][],
    async $queryRaw<Result>(query: Sql): Promise<Result> {
      statements.push(query);
      const parentIds = query.values.find(Array.isArray) as string[];
      const take = query.values.at(-1) as number;
      const ranked = parentIds.flatMap((parentId) =>
        rows
          .filter((row) => row.parentId === parentId)
          .sort((left, right) => right.createdAt.localeCompare(left.createdAt))
          .slice(0, take)
          .map((row) => ({ id: row.id, parent_id: row.parentId })),
      );
      return ranked as Result;
    },
  };
}

function pagesOf(prisma: ReturnType<typeof fakePrisma>, list = dealsOfEvent) {
  return parentPages<Row>({
    prisma,
    companyId,
    list,
    isKey: isInstantKey,
    loadByIds: async (ids) => {
      prisma.loads.push(ids);
      return rows.filter((row) => ids.includes(row.id)).reverse();
    },
    idOf: (row) => row.id,
    keyOf: (row): SortKey => [row.createdAt, row.id],
  });
}

const ids = (page: { edges: { node: Row }[] }) => page.edges.map((edge) => edge.node.id);

describe("parentPages", () => {
  it("answers every parent asking for the same page with one ranking and one read", async () => {
    const prisma = fakePrisma();
    const pageOf = pagesOf(prisma);
    const [first, second, none] = await Promise.all([pageOf(parent(1), { first: 2 }), pageOf(parent(2), { first: 2 }), pageOf(parent(3), { first: 2 })]);
    expect(prisma.statements).toHaveLength(1);
    expect(prisma.loads).toHaveLength(1);
    expect(ids(first)).toEqual([child(3), child(2)]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(ids(second)).toEqual([child(4)]);
    expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: encodeCursor(["2026-11-20T10:00:00.000Z", child(4)]) });
    expect(none).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it("batches by page: parents asking for different pages get a statement each", async () => {
    const prisma = fakePrisma();
    const pageOf = pagesOf(prisma);
    await Promise.all([pageOf(parent(1), { first: 1 }), pageOf(parent(2), { first: 2 })]);
    expect(prisma.statements).toHaveLength(2);
  });

  it("ranks each parent's rows by the list's column and direction, after the cursor, in the company only", async () => {
    const prisma = fakePrisma();
    await pagesOf(prisma)(parent(1), { first: 2, after: encodeCursor(["2026-11-23T10:00:00.000Z", child(3)]) });
    const [statement] = prisma.statements;
    const text = statement!.sql.replace(/\s+/g, " ");
    expect(text).toContain(`FROM "market"."deal"`);
    expect(text).toContain(`PARTITION BY "event_id" ORDER BY "created_at" DESC, "id" DESC`);
    expect(text).toContain(`AND ("created_at", "id") < (?::timestamptz, ?::uuid)`);
    expect(text).toContain(`WHERE "company_id" = ?::uuid AND "event_id" = ANY(?::uuid[])`);
    expect(statement!.values).toEqual([companyId, [parent(1)], "2026-11-23T10:00:00.000Z", child(3), 3]);
  });

  it("reads an oldest-first list forwards", async () => {
    const prisma = fakePrisma();
    const history: ChildList = { schema: "market", table: "deal_terms_version", parentColumn: "deal_id", sortColumn: "number", sortType: "integer", direction: "ASC" };
    await pagesOf(prisma, history)(parent(1), { after: encodeCursor(["2026-11-21T10:00:00.000Z", child(1)]) });
    const text = prisma.statements[0]!.sql.replace(/\s+/g, " ");
    expect(text).toContain(`ORDER BY "number" ASC, "id" ASC`);
    expect(text).toContain(`AND ("number", "id") > (?::integer, ?::uuid)`);
  });

  it("refuses a cursor it did not give out", () => {
    expect(() => pagesOf(fakePrisma())(parent(1), { after: encodeCursor(["2", child(1)]) })).toThrow("The cursor is not one this API gave out.");
  });

  it("writes no name into SQL that is not a plain identifier", () => {
    const prisma = fakePrisma();
    expect(() => pagesOf(prisma, { ...dealsOfEvent, table: 'deal" WHERE true; --' })).toThrow("is not a plain SQL identifier");
    expect(() => pagesOf(prisma, { ...dealsOfEvent, schema: "Market" })).toThrow("is not a plain SQL identifier");
    expect(() => pagesOf(prisma, { ...dealsOfEvent, sortType: "text; DROP TABLE deal" as ChildList["sortType"] })).toThrow("is not a sort type");
    expect(() => pagesOf(prisma, { ...dealsOfEvent, direction: "DESC; --" as ChildList["direction"] })).toThrow("is not a sort direction");
  });
});
