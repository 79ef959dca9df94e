import type { ExpenseResolvers } from "../__generated__/resolvers-types.ts";

export const Expense: ExpenseResolvers = {
  event: (expense) => (expense.eventId === null ? null : { id: expense.eventId }),
};
