// The company's totals per currency: its expenses and its income summed in one statement,
// for events (Event.financeTotals, batched per request) or over a period
// (Query.financeSummary). Prisma's groupBy reads one table, so the two ledgers would cost
// two statements; the UNION is hand-written SQL, scoped to the company like every statement.
import DataLoader from "dataloader";
import { Decimal } from "decimal.js";
import { empty, sqltag as sql, type Sql } from "@prisma/client/runtime/client";
import { rowsPerKey, uuidsOf, type Tenant } from "@marquee/kit";
import type { FinancePrisma } from "./finance-database.ts";
import { totalsPerCurrency } from "./finance-totals.ts";
import type { FinanceTotalsRecord } from "./records.ts";

/** One ledger's sum in one currency (for one event when grouped by event). */
interface LedgerSum {
  ledger: "expense" | "income";
  event_id: string | null;
  currency: string;
  /** As text, so that no driver rounds it on the way. */
  amount: string;
}

export type TotalsRepository = ReturnType<typeof createTotalsRepository>;

export function createTotalsRepository(prisma: FinancePrisma, { companyId }: Tenant) {
  /** Each ledger's sums per currency (and per event when `perEvent`), of the company's entries matching the conditions. */
  const sums = (perEvent: boolean, expenseWhere: Sql, incomeWhere: Sql) => {
    const eventColumn = perEvent ? sql`"event_id"::text` : sql`NULL::text`;
    const byEvent = perEvent ? sql`"event_id", ` : empty;
    return prisma.$queryRaw<LedgerSum[]>(sql`
      SELECT 'expense' AS "ledger", ${eventColumn} AS "event_id", "currency"::text AS "currency", sum("amount")::text AS "amount"
      FROM "finance"."expense" WHERE "company_id" = ${companyId}::uuid ${expenseWhere} GROUP BY ${byEvent}"currency"
      UNION ALL
      SELECT 'income', ${eventColumn}, "currency"::text, sum("amount")::text
      FROM "finance"."income" WHERE "company_id" = ${companyId}::uuid ${incomeWhere} GROUP BY ${byEvent}"currency"`);
  };

  return {
    /** An event's totals per currency; empty when it has no money (or is no event of the company). */
    ofEvent: new DataLoader(async (eventIds: readonly string[]): Promise<FinanceTotalsRecord[][]> => {
      const uuids = uuidsOf(eventIds);
      const inEvents = sql`AND "event_id" = ANY(${uuids}::uuid[])`;
      const rows = uuids.length === 0 ? [] : await sums(true, inEvents, inEvents);
      return rowsPerKey(eventIds, rows, (row) => row.event_id).map(totalsOf);
    }),

    /** The totals of every entry between two days (YYYY-MM-DD, each optional, inclusive), events and overhead alike. */
    async between(from: string | null, to: string | null): Promise<FinanceTotalsRecord[]> {
      // The days go in as text, which ::date reads as it is, whatever the session's time zone.
      const inPeriod = (dayColumn: Sql) => sql`
        ${from === null ? empty : sql`AND ${dayColumn} >= ${from}::date`}
        ${to === null ? empty : sql`AND ${dayColumn} <= ${to}::date`}`;
      return totalsOf(await sums(false, inPeriod(sql`"incurred_on"`), inPeriod(sql`"received_on"`)));
    },
  };
}

function totalsOf(rows: readonly LedgerSum[]): FinanceTotalsRecord[] {
  const sumsOf = (ledger: LedgerSum["ledger"]) => rows.filter((row) => row.ledger === ledger).map((row) => ({ amount: new Decimal(row.amount), currency: row.currency }));
  return totalsPerCurrency(sumsOf("expense"), sumsOf("income"));
}
