// The company's expenses: a ledger (ledger-repository.ts) whose entries have a category,
// a vendor and a sheet, and count on the day they were incurred.
import type { Tenant } from "@marquee/kit";
import type { ExpenseCategory, ExpenseSheet, Money } from "../domain/index.ts";
import type { FinancePrisma } from "./finance-database.ts";
import { ledgerRepository } from "./ledger-repository.ts";
import { expenseRecord } from "./records.ts";

/** A validated expense, ready to be written. */
export interface ExpenseDraft {
  eventId: string | null;
  category: ExpenseCategory;
  description: string;
  vendor: string | null;
  amount: Money;
  /** On the artist's sheet (the acts' deals count it) or house only; the artist's sheet when left out, as in the API. */
  sheet?: ExpenseSheet;
  incurredOn: string;
}

export interface ExpenseFilter {
  eventId?: string | null;
  category?: ExpenseCategory | null;
  sheet?: ExpenseSheet | null;
  incurredFrom?: string | null;
  incurredTo?: string | null;
  overheadOnly?: boolean | null;
}

const expenseLedger = ledgerRepository({
  noun: "expense",
  model: (prisma) => prisma.expense,
  table: "expense",
  day: { field: "incurredOn", column: "incurred_on" },
  entryOf: expenseRecord,
  columnsOf: ({ category, vendor, sheet }: Partial<ExpenseDraft>) => ({ category, vendor, sheet }),
  filterOf: (filter: ExpenseFilter) => ({
    eventId: filter.eventId,
    withoutEvent: filter.overheadOnly,
    from: filter.incurredFrom,
    to: filter.incurredTo,
    equal: { category: filter.category, sheet: filter.sheet },
  }),
});

export type ExpenseRepository = ReturnType<typeof createExpenseRepository>;

export function createExpenseRepository(prisma: FinancePrisma, tenant: Tenant) {
  const { entriesOfEvent, ...expenses } = expenseLedger(prisma, tenant);
  return {
    ...expenses,
    /** Every expense of an event: what its draft settlements are computed from. */
    allOfEvent: entriesOfEvent(),
  };
}
