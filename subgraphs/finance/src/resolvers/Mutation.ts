// Each mutation validates its input, checks the Base ids it is given, then writes through
// the company-scoped data layer; an id of another company fails there like an unknown id.
import { assertExistInBase } from "@marquee/kit";
import type { MutationResolvers } from "../__generated__/resolvers-types.ts";
import { bill, deductions, money, optionalText, positiveAmount, requiredText } from "../inputs.ts";
import { ticketCountFor } from "../ticket-count.ts";

export const Mutation: MutationResolvers = {
  recordExpense: async (_, { input }, context) => {
    const draft = {
      eventId: input.eventId ?? null,
      category: input.category,
      description: requiredText(input.description, "description"),
      vendor: optionalText(input.vendor, "vendor"),
      amount: positiveAmount(input.amount, "amount"),
      incurredOn: input.incurredOn,
    };
    if (draft.eventId) await assertExistInBase(context.base, "Event", [draft.eventId]);
    return context.finance.expenses.record(draft);
  },

  updateExpense: async (_, { input }, context) => {
    const changes = {
      // Left out keeps the event; null makes the expense company overhead.
      eventId: input.eventId,
      category: input.category ?? undefined,
      description: input.description == null ? undefined : requiredText(input.description, "description"),
      vendor: input.vendor === undefined ? undefined : optionalText(input.vendor, "vendor"),
      amount: input.amount ? positiveAmount(input.amount, "amount") : undefined,
      incurredOn: input.incurredOn ?? undefined,
    };
    if (changes.eventId) await assertExistInBase(context.base, "Event", [changes.eventId]);
    return context.finance.expenses.update(input.id, changes);
  },

  deleteExpense: (_, { id }, { finance }) => finance.expenses.remove(id),

  recordIncome: async (_, { input }, context) => {
    const draft = {
      eventId: input.eventId ?? null,
      source: input.source,
      description: requiredText(input.description, "description"),
      payer: optionalText(input.payer, "payer"),
      amount: positiveAmount(input.amount, "amount"),
      receivedOn: input.receivedOn,
    };
    if (draft.eventId) await assertExistInBase(context.base, "Event", [draft.eventId]);
    return context.finance.incomes.record(draft);
  },

  updateIncome: async (_, { input }, context) => {
    const changes = {
      // Left out keeps the event; null unties the income from any event.
      eventId: input.eventId,
      source: input.source ?? undefined,
      description: input.description == null ? undefined : requiredText(input.description, "description"),
      payer: input.payer === undefined ? undefined : optionalText(input.payer, "payer"),
      amount: input.amount ? positiveAmount(input.amount, "amount") : undefined,
      receivedOn: input.receivedOn ?? undefined,
    };
    if (changes.eventId) await assertExistInBase(context.base, "Event", [changes.eventId]);
    return context.finance.incomes.update(input.id, changes);
  },

  deleteIncome: (_, { id }, { finance }) => finance.incomes.remove(id),

  createSettlement: async (_, { input }, context) => {
    const terms = { currency: input.currency, bill: bill(input.bill, input.currency), deductions: deductions(input.deductions ?? []) };
    await Promise.all([assertExistInBase(context.base, "Event", [input.eventId]), assertExistInBase(context.base, "Artist", terms.bill.map((act) => act.artistId))]);
    return context.finance.settlements.create(input.eventId, terms);
  },

  updateSettlement: async (_, { input }, { finance, base }) => {
    // A new bill is read in the settlement's currency: the new one, or the one it has. An
    // unknown settlement has none, and the update then refuses it as unknown.
    const currency = input.currency ?? (input.bill ? (await finance.settlements.find(input.id))?.currency : undefined);
    const newBill = input.bill && currency ? bill(input.bill, currency) : undefined;
    if (newBill) await assertExistInBase(base, "Artist", newBill.map((act) => act.artistId));
    return finance.settlements.update(input.id, {
      currency: input.currency ?? undefined,
      bill: newBill,
      deductions: input.deductions ? deductions(input.deductions) : undefined,
    });
  },

  // The event's paid tickets are read from Base before the approval's transaction, and only
  // for a bill with a deal paid by them; the approval freezes the count with the sheet.
  approveSettlement: async (_, { id }, { finance, base }) => {
    const settlement = await finance.settlements.find(id);
    return finance.settlements.approve(id, settlement ? await ticketCountFor(base, settlement) : null);
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
