// An act on a show's bill. Its figures are its part of the show's sheet: the sheet is
// worked once per settlement and request, whichever of the settlement's figures, its acts'
// figures and their payment schedules asks first.
import type { SettlementActResolvers } from "../__generated__/resolvers-types.ts";
import type { FinanceContext } from "../context.ts";
import type { BilledActRecord } from "../data/records.ts";
import { scheduleStanding } from "../domain/index.ts";
import { ticketCountFor } from "../ticket-count.ts";

async function figuresOf({ settlement, billingPosition }: BilledActRecord, { finance, base }: FinanceContext) {
  const sheet = await finance.settlements.figures(settlement, await ticketCountFor({ base, finance }, settlement));
  const figures = sheet.acts.find((act) => act.billingPosition === billingPosition);
  if (!figures) throw new Error(`Settlement ${settlement.id}'s sheet has no act at billing position ${billingPosition}.`);
  return { ...figures, frozen: sheet.frozen, settlement };
}

/** Today's date in UTC, YYYY-MM-DD: the day a schedule is judged by when the caller names none. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

export const SettlementAct: SettlementActResolvers = {
  artist: (act) => ({ id: act.artistId }),
  contract: (act) => (act.contractId ? { id: act.contractId } : null),
  figures: (act, _, context) => figuresOf(act, context),
  paymentSchedule: async (act, { asOf }, context) => {
    const schedule = await context.finance.settlements.paymentSchedule(act.settlement.id, act.billingPosition);
    if (schedule.length === 0) return [];
    const [figures, payments] = await Promise.all([figuresOf(act, context), context.finance.settlements.payments(act.settlement)]);
    return scheduleStanding(schedule, { artistId: act.artistId, deposit: act.dealTerms.deposit, netPayable: figures.netPayable }, payments, asOf ?? todayUtc());
  },
};
