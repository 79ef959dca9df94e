// The conditions expenses and income are filtered by alike: the company (always), one
// event or none, and a range of days on the entry's own date column.
import { sameId } from "@marquee/kit";
import { dateColumn } from "./records.ts";

export interface LedgerFilter {
  eventId?: string | null;
  /** True: only entries without an event (overhead); false: only event entries. */
  withoutEvent?: boolean | null;
  /** First day counted, inclusive (YYYY-MM-DD). */
  from?: string | null;
  /** Last day counted, inclusive (YYYY-MM-DD). */
  to?: string | null;
}

/** Prisma conditions, to AND together, for the company's entries matching `filter`; `dateField` is the entry's date. */
export function ledgerConditions<DateField extends string>(companyId: string, dateField: DateField, filter: LedgerFilter) {
  const onDates = (range: { gte: Date } | { lte: Date }) => ({ [dateField]: range }) as Record<DateField, typeof range>;
  return [
    { companyId },
    ...(filter.eventId != null ? [{ eventId: sameId(filter.eventId) }] : []),
    ...(filter.withoutEvent != null ? [{ eventId: filter.withoutEvent ? null : { not: null } }] : []),
    ...(filter.from != null ? [onDates({ gte: dateColumn(filter.from) })] : []),
    ...(filter.to != null ? [onDates({ lte: dateColumn(filter.to) })] : []),
  ];
}
