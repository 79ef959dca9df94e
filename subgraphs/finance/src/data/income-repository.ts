// The company's income. Every statement is scoped to the caller's company, so an id from
// another company reads and writes exactly like an unknown one; what can be resolved for
// many events at once is batched per request.
import DataLoader from "dataloader";
import { isDayKey, isUuid, newestFirst, newestFirstAfter, notFound, pageRequest, parentPages, rowsPerKey, toConnection, type ChildList, type Connection, type PageArgs, type SortKey, type Tenant } from "@marquee/kit";
import type { IncomeSource } from "../__generated__/prisma/client.ts";
import type { Money } from "../domain/index.ts";
import { financeSchema, type FinancePrisma } from "./finance-database.ts";
import { sumsPerCurrency } from "./finance-totals.ts";
import { ledgerConditions, type LedgerFilter } from "./ledger-filter.ts";
import { dateColumn, incomeRecord, type IncomeRecord } from "./records.ts";

/** Validated income, ready to be written. */
export interface IncomeDraft {
  eventId: string | null;
  source: IncomeSource;
  description: string;
  payer: string | null;
  amount: Money;
  receivedOn: string;
}

export interface IncomeFilter {
  eventId?: string | null;
  source?: IncomeSource | null;
  receivedFrom?: string | null;
  receivedTo?: string | null;
  companyWideOnly?: boolean | null;
}

const incomeOfEvent: ChildList = { schema: financeSchema, table: "income", parentColumn: "event_id", sortColumn: "received_on", sortType: "date", direction: "DESC" };
const sortKeyOf = (income: IncomeRecord): SortKey => [income.receivedOn, income.id];

export type IncomeRepository = ReturnType<typeof createIncomeRepository>;

export function createIncomeRepository(prisma: FinancePrisma, { companyId, userId }: Tenant) {
  const byIds = async (ids: string[]) => (await prisma.income.findMany({ where: { companyId, id: { in: ids } } })).map(incomeRecord);
  const unknown = (id: string) => notFound(`There is no income entry "${id}".`, { id });

  async function find(id: string): Promise<IncomeRecord | null> {
    if (!isUuid(id)) return null;
    const row = await prisma.income.findFirst({ where: { id, companyId } });
    return row && incomeRecord(row);
  }

  return {
    find,

    async list(filter: IncomeFilter, args: PageArgs): Promise<Connection<IncomeRecord>> {
      const page = pageRequest(args, isDayKey);
      const rows = await prisma.income.findMany({
        where: {
          AND: [
            ...ledgerConditions(companyId, "receivedOn", ledgerFilterOf(filter)),
            ...(filter.source ? [{ source: filter.source }] : []),
            ...(page.after ? [newestFirstAfter("receivedOn", page.after)] : []),
          ],
        },
        orderBy: newestFirst("receivedOn"),
        take: page.take + 1,
      });
      return toConnection(rows.map(incomeRecord), page.take, sortKeyOf);
    },

    /** A page of an event's income, newest first. */
    pageOfEvent: parentPages({ prisma, companyId, list: incomeOfEvent, isKey: isDayKey, loadByIds: byIds, idOf: (income) => income.id, keyOf: sortKeyOf }),

    /** An event's TICKETING income: its gross ticket sales, where its draft settlements start from. */
    ticketingOfEvent: new DataLoader(async (eventIds: readonly string[]) => {
      const rows = await prisma.income.findMany({
        where: { companyId, source: "TICKETING", eventId: { in: [...eventIds] } },
        orderBy: [{ receivedOn: "asc" }, { id: "asc" }],
      });
      return rowsPerKey(eventIds, rows.map(incomeRecord), (income) => income.eventId);
    }),

    /** An event's income, summed per currency. */
    sumsOfEvent: new DataLoader(async (eventIds: readonly string[]) => {
      const groups = await prisma.income.groupBy({
        by: ["eventId", "currency"],
        where: { companyId, eventId: { in: [...eventIds] } },
        _sum: { amount: true },
      });
      return rowsPerKey(eventIds, groups, (group) => group.eventId).map(sumsPerCurrency);
    }),

    /** The company's income received between two days (each optional, inclusive), summed per currency. */
    async sumsBetween(from: string | null, to: string | null): Promise<Money[]> {
      const groups = await prisma.income.groupBy({
        by: ["currency"],
        where: { AND: ledgerConditions(companyId, "receivedOn", { from, to }) },
        _sum: { amount: true },
      });
      return sumsPerCurrency(groups);
    },

    async record(draft: IncomeDraft): Promise<IncomeRecord> {
      const row = await prisma.income.create({
        data: {
          companyId,
          createdBy: userId,
          eventId: draft.eventId,
          source: draft.source,
          description: draft.description,
          payer: draft.payer,
          amount: draft.amount.amount.toFixed(),
          currency: draft.amount.currency,
          receivedOn: dateColumn(draft.receivedOn),
        },
      });
      return incomeRecord(row);
    },

    /** Changes the fields given (undefined keeps a field; null clears a nullable one). */
    async update(id: string, changes: Partial<IncomeDraft>): Promise<IncomeRecord> {
      if (!isUuid(id)) throw unknown(id);
      const [row] = await prisma.income.updateManyAndReturn({
        where: { id, companyId },
        data: {
          eventId: changes.eventId,
          source: changes.source,
          description: changes.description,
          payer: changes.payer,
          ...(changes.amount ? { amount: changes.amount.amount.toFixed(), currency: changes.amount.currency } : {}),
          ...(changes.receivedOn ? { receivedOn: dateColumn(changes.receivedOn) } : {}),
        },
      });
      if (!row) throw unknown(id);
      return incomeRecord(row);
    },

    /** Deletes the income entry and returns it as it was. */
    async remove(id: string): Promise<IncomeRecord> {
      const income = await find(id);
      if (!income) throw unknown(id);
      const { count } = await prisma.income.deleteMany({ where: { id, companyId } });
      if (count === 0) throw unknown(id);
      return income;
    },
  };
}

function ledgerFilterOf(filter: IncomeFilter): LedgerFilter {
  return { eventId: filter.eventId, withoutEvent: filter.companyWideOnly, from: filter.receivedFrom, to: filter.receivedTo };
}
