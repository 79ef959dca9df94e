import type { ScheduledPaymentResolvers } from "../__generated__/resolvers-types.ts";

export const ScheduledPayment: ScheduledPaymentResolvers = {
  kind: ({ installment }) => installment.kind,
  dueOn: ({ installment }) => installment.dueOn,
  fixedAmount: ({ installment }) => installment.amount !== null,
};
