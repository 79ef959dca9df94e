// The company's income: a ledger (ledger-repository.ts) whose entries have a source and a
// payer, and count on the day they were received.
import type { Tenant } from "@marquee/kit";
import type { IncomeSource } from "../__generated__/prisma/client.ts";
import type { Money } from "../domain/index.ts";
import type { FinancePrisma } from "./finance-database.ts";
import { ledgerRepository } from "./ledger-repository.ts";
import { incomeRecord } from "./records.ts";

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

const incomeLedger = ledgerRepository({
  noun: "income entry",
  model: (prisma) => prisma.income,
  table: "income",
  day: { field: "receivedOn", column: "received_on" },
  entryOf: incomeRecord,
  columnsOf: ({ source, payer }: Partial<IncomeDraft>) => ({ source, payer }),
  filterOf: (filter: IncomeFilter) => ({
    eventId: filter.eventId,
    withoutEvent: filter.companyWideOnly,
    from: filter.receivedFrom,
    to: filter.receivedTo,
    equal: { source: filter.source },
  }),
});

export type IncomeRepository = ReturnType<typeof createIncomeRepository>;

export function createIncomeRepository(prisma: FinancePrisma, tenant: Tenant) {
  const { entriesOfEvent, ...incomes } = incomeLedger(prisma, tenant);
  return {
    ...incomes,
    /** An event's TICKETING income: its gross ticket sales, where its draft settlements start from. */
    ticketingOfEvent: entriesOfEvent({ source: "TICKETING" }),
  };
}
