// Each mutation validates its input, checks the Base ids it is given, then writes through
// the company-scoped data layer; an id of another company fails there like an unknown id.
import { assertExistInBase } from "@marquee/kit";
import type { MutationResolvers, RecordExpenseInput, RecordIncomeInput, UpdateExpenseInput, UpdateIncomeInput } from "../__generated__/resolvers-types.ts";
import { bill, deductions, money, requiredText } from "../inputs.ts";
import { ticketCountFor } from "../ticket-count.ts";
import { ledgerMutations } from "./ledger-mutations.ts";

const expenses = ledgerMutations((finance) => finance.expenses, {
  counterparty: "vendor",
  record: (input: RecordExpenseInput) => ({ category: input.category, sheet: input.sheet ?? "ARTIST_SHEET", incurredOn: input.incurredOn }),
  update: (input: UpdateExpenseInput) => ({ category: input.category ?? undefined, sheet: input.sheet ?? undefined, incurredOn: input.incurredOn ?? undefined }),
});

const incomes = ledgerMutations((finance) => finance.incomes, {
  counterparty: "payer",
  record: (input: RecordIncomeInput) => ({ source: input.source, receivedOn: input.receivedOn }),
  update: (input: UpdateIncomeInput) => ({ source: input.source ?? undefined, receivedOn: input.receivedOn ?? undefined }),
});

export const Mutation: MutationResolvers = {
  recordExpense: expenses.record,
  updateExpense: expenses.update,
  deleteExpense: expenses.remove,

  recordIncome: incomes.record,
  updateIncome: incomes.update,
  deleteIncome: incomes.remove,

  createSettlement: async (_, { input }, context) => {
    const terms = { currency: input.currency, bill: bill(input.bill, input.currency), deductions: deductions(input.deductions ?? [], input.currency) };
    await Promise.all([assertExistInBase(context.base, "Event", [input.eventId]), assertExistInBase(context.base, "Artist", terms.bill.map((act) => act.artistId))]);
    return context.finance.settlements.create(input.eventId, terms);
  },

  updateSettlement: async (_, { input }, { finance, base }) => {
    // A new bill and new deductions are read in the settlement's currency: the new one, or the one it has. An
    // unknown settlement has none, and the update then refuses it as unknown.
    const currency = input.currency ?? (input.bill || input.deductions ? (await finance.settlements.find(input.id))?.currency : undefined);
    const newBill = input.bill && currency ? bill(input.bill, currency) : undefined;
    if (newBill) await assertExistInBase(base, "Artist", newBill.map((act) => act.artistId));
    return finance.settlements.update(input.id, {
      currency: input.currency ?? undefined,
      bill: newBill,
      deductions: input.deductions && currency ? deductions(input.deductions, currency) : undefined,
    });
  },

  // The event's paid tickets are read from Base before the approval's transaction, and only
  // for a deal or deduction worked out from them; the approval freezes the count with the sheet.
  approveSettlement: async (_, { id }, { finance, base }) => {
    const settlement = await finance.settlements.find(id);
    return finance.settlements.approve(id, settlement ? await ticketCountFor({ base, finance }, settlement) : null);
  },

  recordSettlementPayment: (_, { input }, { finance }) =>
    finance.settlements.recordPayment({
      settlementId: input.settlementId,
      artistId: input.artistId,
      kind: input.kind,
      amount: money(input.amount),
      paidOn: input.paidOn,
      reference: requiredText(input.reference, "reference"),
    }),

  markSettlementPaid: (_, { input }, { finance }) =>
    finance.settlements.markPaid(input.id, { reference: requiredText(input.paymentReference, "paymentReference"), paidOn: input.paidOn }),

  deleteSettlement: (_, { id }, { finance }) => finance.settlements.remove(id),
};
