// A ledger of the company's money: its expenses or its income. Both are kept alike (an
// amount in a currency, for one event or none, on a day, with a description and the
// ledger's own columns) and differ only in names, each stated once in the ledger's
// `LedgerSpec` (expense-repository.ts, income-repository.ts). Every statement is scoped
// to the caller's company, so an id from another company reads and writes exactly like an
// unknown one; what can be resolved for many events at once is batched per request.
import DataLoader from "dataloader";
import { isDayKey, isUuid, newestFirst, newestFirstAfter, notFound, pageRequest, parentPages, rowsPerKey, sameId, toConnection, type ChildList, type Connection, type PageArgs, type SortKey, type Tenant } from "@marquee/kit";
import type { Money } from "../domain/index.ts";
import { financeSchema, type FinancePrisma } from "./finance-database.ts";
import { dateColumn } from "./records.ts";

/** What every ledger's draft has; the ledger adds its day and its own columns. */
export interface LedgerDraft {
  eventId: string | null;
  description: string;
  amount: Money;
}

/** What every ledger's entry has, as the data layer hands it out. */
export interface LedgerEntry {
  id: string;
  eventId: string | null;
}

/** The filters every ledger has alike; each ledger's `filterOf` reads them from its own names in the API. */
export interface LedgerFilter {
  eventId?: string | null;
  /** True: only entries without an event (overhead); false: only event entries. */
  withoutEvent?: boolean | null;
  /** First day counted, inclusive (YYYY-MM-DD). */
  from?: string | null;
  /** Last day counted, inclusive (YYYY-MM-DD). */
  to?: string | null;
  /** Entries whose column has this value (an expense's category, an income's source); null or left out filters nothing. */
  equal?: Record<string, string | null | undefined>;
}

/**
 * What sets one ledger apart from the other. `Day` is the entry's date field (the day it
 * counts on): every list is sorted on it, and every range of days is read on it.
 */
export interface LedgerSpec<Row, Entry extends LedgerEntry & Record<Day, string>, Draft extends LedgerDraft & Record<Day, string>, Filter, Day extends string> {
  /** The entry as an unknown id names it: `There is no ${noun} "…".` */
  noun: string;
  /** The ledger's Prisma model. */
  model(prisma: FinancePrisma): LedgerModel<Row>;
  /** The model's table, and its day column, as SQL names them (the per-event pages are written in SQL). */
  table: string;
  day: { field: Day; column: string };
  entryOf(row: Row): Entry;
  /** The ledger's own columns in a draft (all but its event, description, amount and day); undefined keeps a column on an update. */
  columnsOf(draft: Partial<Draft>): object;
  /** The API's filter read into the filters every ledger has. */
  filterOf(filter: Filter): LedgerFilter;
}

/** The statements a ledger runs on its Prisma model, as both models take them. */
export interface LedgerModel<Row> {
  findFirst(args: { where: LedgerWhere }): PromiseLike<Row | null>;
  findMany(args: { where: LedgerWhere; orderBy?: object[]; take?: number }): PromiseLike<Row[]>;
  create(args: { data: object }): PromiseLike<Row>;
  updateManyAndReturn(args: { where: LedgerWhere; data: object }): PromiseLike<Row[]>;
  deleteMany(args: { where: LedgerWhere }): PromiseLike<{ count: number }>;
}

type LedgerWhere = { companyId: string; id?: string | { in: string[] }; eventId?: { in: string[] } } | { AND: object[] };

/** Prisma conditions, to AND together, for the company's entries matching `filter`; `day` is the entry's date field. */
function ledgerConditions(companyId: string, day: string, filter: LedgerFilter): object[] {
  return [
    { companyId },
    ...(filter.eventId != null ? [{ eventId: sameId(filter.eventId) }] : []),
    ...(filter.withoutEvent != null ? [{ eventId: filter.withoutEvent ? null : { not: null } }] : []),
    ...(filter.from != null ? [{ [day]: { gte: dateColumn(filter.from) } }] : []),
    ...(filter.to != null ? [{ [day]: { lte: dateColumn(filter.to) } }] : []),
    ...Object.entries(filter.equal ?? {}).flatMap(([column, value]) => (value == null ? [] : [{ [column]: value }])),
  ];
}

/** The ledger's repository, made per request for a company: `ledgerRepository(spec)(prisma, tenant)`. */
export function ledgerRepository<Row, Entry extends LedgerEntry & Record<Day, string>, Draft extends LedgerDraft & Record<Day, string>, Filter, Day extends string>(
  spec: LedgerSpec<Row, Entry, Draft, Filter, Day>,
) {
  const day = spec.day.field;
  const ofEvent: ChildList = { schema: financeSchema, table: spec.table, parentColumn: "event_id", sortColumn: spec.day.column, sortType: "date", direction: "DESC" };
  const sortKeyOf = (entry: Entry): SortKey => [entry[day], entry.id];

  return (prisma: FinancePrisma, { companyId, userId }: Tenant) => {
    const model = spec.model(prisma);
    const byIds = async (ids: string[]) => (await model.findMany({ where: { companyId, id: { in: ids } } })).map(spec.entryOf);
    const unknown = (id: string) => notFound(`There is no ${spec.noun} "${id}".`, { id });

    async function find(id: string): Promise<Entry | null> {
      if (!isUuid(id)) return null;
      const row = await model.findFirst({ where: { id, companyId } });
      return row && spec.entryOf(row);
    }

    return {
      find,

      async list(filter: Filter, args: PageArgs): Promise<Connection<Entry>> {
        const page = pageRequest(args, isDayKey);
        const rows = await model.findMany({
          where: { AND: [...ledgerConditions(companyId, day, spec.filterOf(filter)), ...(page.after ? [newestFirstAfter(day, page.after)] : [])] },
          orderBy: newestFirst(day),
          take: page.take + 1,
        });
        return toConnection(rows.map(spec.entryOf), page.take, sortKeyOf);
      },

      /** A page of an event's entries, newest first. */
      pageOfEvent: parentPages({ prisma, companyId, list: ofEvent, isKey: isDayKey, loadByIds: byIds, idOf: (entry) => entry.id, keyOf: sortKeyOf }),

      /** A loader of an event's entries (those whose columns have the values in `where`, if given), oldest first. */
      entriesOfEvent(where: object = {}) {
        return new DataLoader(async (eventIds: readonly string[]) => {
          const rows = await model.findMany({ where: { companyId, ...where, eventId: { in: [...eventIds] } }, orderBy: [{ [day]: "asc" }, { id: "asc" }] });
          return rowsPerKey(eventIds, rows.map(spec.entryOf), (entry) => entry.eventId);
        });
      },

      async record(draft: Draft): Promise<Entry> {
        const row = await model.create({
          data: {
            companyId,
            createdBy: userId,
            eventId: draft.eventId,
            description: draft.description,
            ...spec.columnsOf(draft),
            amount: draft.amount.amount.toFixed(),
            currency: draft.amount.currency,
            [day]: dateColumn(draft[day]),
          },
        });
        return spec.entryOf(row);
      },

      /** Changes the fields given (undefined keeps a field; null clears a nullable one). */
      async update(id: string, changes: Partial<Draft>): Promise<Entry> {
        if (!isUuid(id)) throw unknown(id);
        const changedDay = changes[day];
        const [row] = await model.updateManyAndReturn({
          where: { id, companyId },
          data: {
            eventId: changes.eventId,
            description: changes.description,
            ...spec.columnsOf(changes),
            ...(changes.amount ? { amount: changes.amount.amount.toFixed(), currency: changes.amount.currency } : {}),
            ...(changedDay ? { [day]: dateColumn(changedDay) } : {}),
          },
        });
        if (!row) throw unknown(id);
        return spec.entryOf(row);
      },

      /** Deletes the entry and returns it as it was. */
      async remove(id: string): Promise<Entry> {
        const entry = await find(id);
        if (!entry) throw unknown(id);
        const { count } = await model.deleteMany({ where: { id, companyId } });
        if (count === 0) throw unknown(id);
        return entry;
      },
    };
  };
}
