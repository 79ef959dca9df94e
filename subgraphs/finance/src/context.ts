// Finance's request context: the kit's (caller, company, access) plus the company's finance
// data and the reader of Base's shared entities.
import { extendRequestContext, tenantDataOnFirstUse, type BaseReader, type BaseReaderFactory, type RequestContext } from "@marquee/kit";
import { createFinanceData, type FinanceData } from "./data/finance-data.ts";
import type { FinancePrisma } from "./data/finance-database.ts";

export interface FinanceContext extends RequestContext {
  /** The caller's company's expenses, income and settlements. */
  readonly finance: FinanceData;
  /** Base's events and artists, read with the caller's credentials (spec §5.1). */
  readonly base: BaseReader;
}

export function financeContextFactory(prisma: FinancePrisma, baseReaderFactory: BaseReaderFactory): (request: RequestContext) => FinanceContext {
  return (request) => extendRequestContext(request, { finance: tenantDataOnFirstUse(request, (tenant) => createFinanceData(prisma, tenant)), base: baseReaderFactory(request) });
}
