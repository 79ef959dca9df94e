// The company's expenses. Every statement is scoped to the caller's company, so an id from
// another company reads and writes exactly like an unknown one; what can be resolved for
// many events at once is batched per request.
import DataLoader from "dataloader";
import { isDayKey, isUuid, newestFirst, newestFirstAfter, notFound, pageRequest, parentPages, rowsPerKey, toConnection, type ChildList, type Connection, type PageArgs, type SortKey, type Tenant } from "@marquee/kit";
import type { ExpenseCategory, Money } from "../domain/index.ts";
import { financeSchema, type FinancePrisma } from "./finance-database.ts";
import { sumsPerCurrency } from "./finance-totals.ts";
import { ledgerConditions, type LedgerFilter } from "./ledger-filter.ts";
import { dateColumn, expenseRecord, type ExpenseRecord } from "./records.ts";

/** A validated expense, ready to be written. */
export interface ExpenseDraft {
  eventId: string | null;
  category: ExpenseCategory;
  description: string;
  vendor: string | null;
  amount: Money;
  incurredOn: string;
}

export interface ExpenseFilter {
  eventId?: string | null;
  category?: ExpenseCategory | null;
  incurredFrom?: string | null;
  incurredTo?: string | null;
  overheadOnly?: boolean | null;
}

const expensesOfEvent: ChildList = { schema: financeSchema, table: "expense", parentColumn: "event_id", sortColumn: "incurred_on", sortType: "date", direction: "DESC" };
const sortKeyOf = (expense: ExpenseRecord): SortKey => [expense.incurredOn, expense.id];

export type ExpenseRepository = ReturnType<typeof createExpenseRepository>;

export function createExpenseRepository(prisma: FinancePrisma, { companyId, userId }: Tenant) {
  const byIds = async (ids: string[]) => (await prisma.expense.findMany({ where: { companyId, id: { in: ids } } })).map(expenseRecord);
  const unknown = (id: string) => notFound(`There is no expense "${id}".`, { id });

  async function find(id: string): Promise<ExpenseRecord | null> {
    if (!isUuid(id)) return null;
    const row = await prisma.expense.findFirst({ where: { id, companyId } });
    return row && expenseRecord(row);
  }

  return {
    find,

    async list(filter: ExpenseFilter, args: PageArgs): Promise<Connection<ExpenseRecord>> {
      const page = pageRequest(args, isDayKey);
      const rows = await prisma.expense.findMany({
        where: {
          AND: [
            ...ledgerConditions(companyId, "incurredOn", ledgerFilterOf(filter)),
            ...(filter.category ? [{ category: filter.category }] : []),
            ...(page.after ? [newestFirstAfter("incurredOn", page.after)] : []),
          ],
        },
        orderBy: newestFirst("incurredOn"),
        take: page.take + 1,
      });
      return toConnection(rows.map(expenseRecord), page.take, sortKeyOf);
    },

    /** A page of an event's expenses, newest first. */
    pageOfEvent: parentPages({ prisma, companyId, list: expensesOfEvent, isKey: isDayKey, loadByIds: byIds, idOf: (expense) => expense.id, keyOf: sortKeyOf }),

    /** Every expense of an event: what its draft settlements are computed from. */
    allOfEvent: new DataLoader(async (eventIds: readonly string[]) => {
      const rows = await prisma.expense.findMany({ where: { companyId, eventId: { in: [...eventIds] } }, orderBy: [{ incurredOn: "asc" }, { id: "asc" }] });
      return rowsPerKey(eventIds, rows.map(expenseRecord), (expense) => expense.eventId);
    }),

    /** An event's expenses, summed per currency. */
    sumsOfEvent: new DataLoader(async (eventIds: readonly string[]) => {
      const groups = await prisma.expense.groupBy({
        by: ["eventId", "currency"],
        where: { companyId, eventId: { in: [...eventIds] } },
        _sum: { amount: true },
      });
      return rowsPerKey(eventIds, groups, (group) => group.eventId).map(sumsPerCurrency);
    }),

    /** The company's expenses incurred between two days (each optional, inclusive), summed per currency. */
    async sumsBetween(from: string | null, to: string | null): Promise<Money[]> {
      const groups = await prisma.expense.groupBy({
        by: ["currency"],
        where: { AND: ledgerConditions(companyId, "incurredOn", { from, to }) },
        _sum: { amount: true },
      });
      return sumsPerCurrency(groups);
    },

    async record(draft: ExpenseDraft): Promise<ExpenseRecord> {
      const row = await prisma.expense.create({
        data: {
          companyId,
          createdBy: userId,
          eventId: draft.eventId,
          category: draft.category,
          description: draft.description,
          vendor: draft.vendor,
          amount: draft.amount.amount.toFixed(),
          currency: draft.amount.currency,
          incurredOn: dateColumn(draft.incurredOn),
        },
      });
      return expenseRecord(row);
    },

    /** Changes the fields given (undefined keeps a field; null clears a nullable one). */
    async update(id: string, changes: Partial<ExpenseDraft>): Promise<ExpenseRecord> {
      if (!isUuid(id)) throw unknown(id);
      const [row] = await prisma.expense.updateManyAndReturn({
        where: { id, companyId },
        data: {
          eventId: changes.eventId,
          category: changes.category,
          description: changes.description,
          vendor: changes.vendor,
          ...(changes.amount ? { amount: changes.amount.amount.toFixed(), currency: changes.amount.currency } : {}),
          ...(changes.incurredOn ? { incurredOn: dateColumn(changes.incurredOn) } : {}),
        },
      });
      if (!row) throw unknown(id);
      return expenseRecord(row);
    },

    /** Deletes the expense and returns it as it was. */
    async remove(id: string): Promise<ExpenseRecord> {
      const expense = await find(id);
      if (!expense) throw unknown(id);
      const { count } = await prisma.expense.deleteMany({ where: { id, companyId } });
      if (count === 0) throw unknown(id);
      return expense;
    },
  };
}

function ledgerFilterOf(filter: ExpenseFilter): LedgerFilter {
  return { eventId: filter.eventId, withoutEvent: filter.overheadOnly, from: filter.incurredFrom, to: filter.incurredTo };
}
