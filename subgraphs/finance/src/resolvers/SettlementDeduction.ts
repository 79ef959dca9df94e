// A deduction of a settlement: its terms as entered, and what it came to. A flat amount is
// what was entered; any other is worked out on the settlement's sheet (live for a draft,
// from the one computation the sheet and the acts share) or read as frozen at approval.
import type { SettlementDeductionResolvers } from "../__generated__/resolvers-types.ts";
import type { FinanceContext } from "../context.ts";
import type { SettlementDeductionRecord } from "../data/records.ts";
import type { DeductionFigures } from "../domain/index.ts";
import { ticketCountFor } from "../ticket-count.ts";

async function figuresOf({ settlement, position, frozen }: SettlementDeductionRecord, { finance, base }: FinanceContext): Promise<Pick<DeductionFigures, "base" | "amount">> {
  if (frozen) return frozen;
  const sheet = await finance.settlements.figures(settlement, await ticketCountFor({ base, finance }, settlement));
  const figures = sheet.deductionFigures[position];
  if (!figures) throw new Error(`Settlement ${settlement.id}'s sheet has no deduction at position ${position}.`);
  return figures;
}

export const SettlementDeduction: SettlementDeductionResolvers = {
  label: ({ deduction }) => deduction.label,
  basis: ({ deduction }) => deduction.basis,
  rate: ({ deduction }) => (deduction.basis === "FLAT" || deduction.basis === "PER_TICKET" ? null : deduction.rate.toFixed()),
  perTicket: ({ deduction }) => (deduction.basis === "PER_TICKET" ? deduction.perTicket : null),
  // A flat amount needs no sheet: it reads even when a draft's figures cannot be worked out.
  base: async (record, _, context) => (record.deduction.basis === "FLAT" || record.deduction.basis === "PER_TICKET" ? null : (await figuresOf(record, context)).base),
  amount: async (record, _, context) => (record.deduction.basis === "FLAT" && !record.frozen ? record.deduction.amount : (await figuresOf(record, context)).amount),
};
