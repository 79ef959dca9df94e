import type { IncomeResolvers } from "../__generated__/resolvers-types.ts";

export const Income: IncomeResolvers = {
  event: (income) => (income.eventId === null ? null : { id: income.eventId }),
};
