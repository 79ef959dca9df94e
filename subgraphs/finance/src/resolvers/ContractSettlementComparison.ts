// A settlement act beside the contract it is paid under. The contracted payout is the act's
// deal form worked with the contract's terms on the same show figures the settlement's sheet
// used: the same adjusted gross, the same expenses the deals count, the payouts of the acts
// billed below, and the same paid tickets (Base's, when the sheet froze none); only the act's
// own buyouts among the expenses are the contract's instead of the settlement's, since they
// are terms of the deal.
import { computeArtistPayout, dealNeedsTicketCount, moneyOf, totalOfBuyouts } from "@marquee/kit";
import type { ContractSettlementComparisonResolvers } from "../__generated__/resolvers-types.ts";
import type { FinanceContext } from "../context.ts";
import type { ContractComparisonRecord } from "../data/records.ts";
import { subtractMoney, sumMoney, type Money } from "../domain/index.ts";
import { paidTicketsOf, ticketCountFor } from "../ticket-count.ts";

async function sheetOf({ act }: ContractComparisonRecord, { finance, base }: FinanceContext) {
  return finance.settlements.figures(act.settlement, await ticketCountFor({ base, finance }, act.settlement));
}

async function settledPayout(comparison: ContractComparisonRecord, context: FinanceContext): Promise<Money> {
  const sheet = await sheetOf(comparison, context);
  const figures = sheet.acts.find((act) => act.billingPosition === comparison.act.billingPosition);
  if (!figures) throw new Error(`Settlement ${comparison.act.settlement.id}'s sheet has no act at billing position ${comparison.act.billingPosition}.`);
  return figures.payout;
}

async function contractedPayout(comparison: ContractComparisonRecord, context: FinanceContext): Promise<Money | null> {
  const { act, contractTerms } = comparison;
  const { currency } = act.settlement;
  if (contractTerms.currency !== currency) return null;
  const sheet = await sheetOf(comparison, context);
  const paidBelow = sheet.acts.filter((other) => other.billingPosition > act.billingPosition).map((other) => other.payout);
  const ticketsSold = dealNeedsTicketCount(contractTerms) ? (sheet.ticketsSold ?? (await paidTicketsOf(context.base, act.settlement.eventId))) : null;
  const expenses = sumMoney(currency, [subtractMoney(sheet.totalExpenses, totalOfBuyouts(act.dealTerms)), totalOfBuyouts(contractTerms), ...paidBelow]);
  return computeArtistPayout(contractTerms, { adjustedGross: sheet.adjustedGross, expenses, ticketsSold }).amount;
}

export const ContractSettlementComparison: ContractSettlementComparisonResolvers = {
  settlement: ({ act }) => act.settlement,
  artist: ({ act }) => ({ id: act.artistId }),
  matchesContract: ({ differences }) => differences.length === 0,
  settledPayout: (comparison, _, context) => settledPayout(comparison, context),
  contractedPayout: (comparison, _, context) => contractedPayout(comparison, context),
  shortfall: async (comparison, _, context) => {
    const [settled, contracted] = await Promise.all([settledPayout(comparison, context), contractedPayout(comparison, context)]);
    return contracted === null ? null : moneyOf(subtractMoney(contracted, settled).amount, contracted.currency);
  },
};
