import type { QueryResolvers } from "../__generated__/resolvers-types.ts";

export const Query: QueryResolvers = {
  expenses: (_, { filter, first, after }, { finance }) => finance.expenses.list(filter ?? {}, { first, after }),
  expense: (_, { id }, { finance }) => finance.expenses.find(id),
  incomes: (_, { filter, first, after }, { finance }) => finance.incomes.list(filter ?? {}, { first, after }),
  income: (_, { id }, { finance }) => finance.incomes.find(id),
  settlements: (_, { filter, first, after }, { finance }) => finance.settlements.list(filter ?? {}, { first, after }),
  settlement: (_, { id }, { finance }) => finance.settlements.find(id),
  financeSummary: (_, { from, to }, { finance }) => finance.totals.between(from ?? null, to ?? null),
};
