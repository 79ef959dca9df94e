// Everything one request reads and writes, scoped to the caller's company. It is made per
// request, so its loaders batch within the request and cache nothing beyond it.
import type { Tenant } from "@marquee/kit";
import { createExpenseRepository, type ExpenseRepository } from "./expense-repository.ts";
import type { FinancePrisma } from "./finance-database.ts";
import { createIncomeRepository, type IncomeRepository } from "./income-repository.ts";
import { createSettlementRepository, type SettlementRepository } from "./settlement-repository.ts";
import { createTotalsRepository, type TotalsRepository } from "./totals-repository.ts";

export interface FinanceData {
  expenses: ExpenseRepository;
  incomes: IncomeRepository;
  settlements: SettlementRepository;
  totals: TotalsRepository;
}

export function createFinanceData(prisma: FinancePrisma, tenant: Tenant): FinanceData {
  const expenses = createExpenseRepository(prisma, tenant);
  const incomes = createIncomeRepository(prisma, tenant);
  return { expenses, incomes, settlements: createSettlementRepository(prisma, tenant, { expenses, incomes }), totals: createTotalsRepository(prisma, tenant) };
}
