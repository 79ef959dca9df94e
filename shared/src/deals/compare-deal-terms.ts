// Two versions of one act's deal side by side: the contract it was signed on and the deal a
// settlement pays it by. Each term that differs is named and printed as the sheet shows it,
// so that a settlement that pays an act otherwise than its contract says so, term by term.
import { Decimal } from "decimal.js";
import { formatMoney, type Money } from "../money/money.ts";
import type { Buyout, DealTerms, PromoterProfit, TicketBonus } from "./deal-terms.ts";

/** The terms compared, in the order a deal lists them. */
export const COMPARED_DEAL_TERMS = [
  "CURRENCY",
  "DEAL_TYPE",
  "GUARANTEE",
  "PERCENTAGE",
  "PER_TICKET",
  "PROMOTER_PROFIT",
  "EXPENSE_CAP",
  "TICKET_BONUSES",
  "DEPOSIT",
  "WITHHOLDING_RATE",
  "BUYOUTS",
] as const;

export type ComparedDealTerm = (typeof COMPARED_DEAL_TERMS)[number];

/** One term on which two deals differ; a side that does not set the term prints as null. */
export interface DealTermsDifference {
  readonly term: ComparedDealTerm;
  readonly contract: string | null;
  readonly settlement: string | null;
}

const printMoney = (money: Money | null): string | null => (money ? `${money.currency} ${formatMoney(money)}` : null);
const printPercentage = (percentage: Decimal | null): string | null => (percentage ? `${percentage.toFixed()}%` : null);

function printPromoterProfit(profit: PromoterProfit | null): string | null {
  if (!profit) return null;
  return profit.kind === "AMOUNT" ? printMoney(profit.amount) : `${profit.percentage.toFixed()}% of expenses`;
}

function printTicketBonuses(bonuses: readonly TicketBonus[]): string | null {
  if (bonuses.length === 0) return null;
  return bonuses.map((bonus) => `${printMoney(bonus.bonus)} at ${bonus.ticketsSold} tickets`).join("; ");
}

function printBuyouts(buyouts: readonly Buyout[]): string | null {
  if (buyouts.length === 0) return null;
  return buyouts.map((buyout) => `${printMoney(buyout.amount)} ${buyout.label}`).join("; ");
}

/** Each term as printed: two deals differ on a term exactly when its printed forms differ. */
const PRINTED_TERM: Readonly<Record<ComparedDealTerm, (terms: DealTerms) => string | null>> = {
  CURRENCY: (terms) => terms.currency,
  DEAL_TYPE: (terms) => terms.type,
  GUARANTEE: (terms) => printMoney(terms.guarantee),
  PERCENTAGE: (terms) => printPercentage(terms.percentage),
  PER_TICKET: (terms) => printMoney(terms.perTicket),
  PROMOTER_PROFIT: (terms) => printPromoterProfit(terms.promoterProfit),
  EXPENSE_CAP: (terms) => printMoney(terms.expenseCap),
  TICKET_BONUSES: (terms) => printTicketBonuses(terms.ticketBonuses),
  DEPOSIT: (terms) => printMoney(terms.deposit),
  WITHHOLDING_RATE: (terms) => printPercentage(terms.withholdingRate),
  BUYOUTS: (terms) => printBuyouts(terms.buyouts),
};

/**
 * The terms on which the settlement's deal differs from the contract's, in deal order;
 * empty when they agree. Amounts compare by value ("85" and "85.00" agree), as printed.
 */
export function compareDealTerms(contract: DealTerms, settlement: DealTerms): DealTermsDifference[] {
  return COMPARED_DEAL_TERMS.flatMap((term) => {
    const printed = { contract: PRINTED_TERM[term](contract), settlement: PRINTED_TERM[term](settlement) };
    return printed.contract === printed.settlement ? [] : [{ term, ...printed }];
  });
}
