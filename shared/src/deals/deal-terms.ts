// The deal vocabulary every module speaks (docs/deals.md): how a promoter pays an artist,
// in the forms agents write them and Prism.fm settles them. Market's offers and contracts
// and Finance's settlements hold the same terms, checked by the same rules
// (parse-deal-terms.ts) and paid by the same formulas (artist-payout.ts).
import type { Decimal } from "decimal.js";
import type { Money } from "../money/money.ts";

export const DEAL_TYPES = [
  "FLAT_GUARANTEE",
  "GUARANTEE_VERSUS_PERCENTAGE_OF_NET",
  "GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS",
  "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT",
  "DOOR_DEAL",
  "DOOR_DEAL_AFTER_EXPENSES",
  "PER_TICKET",
] as const;

export type DealType = (typeof DEAL_TYPES)[number];

/** The terms a deal can carry besides its type and its ticket bonuses, which every type may carry. */
export type DealTerm = "guarantee" | "percentage" | "perTicket" | "promoterProfit" | "expenseCap" | "deposit" | "withholdingRate" | "buyouts";

/**
 * What the promoter owes the artist around the payout rather than how the payout is worked
 * out: a deposit paid before the show, on account, and the artist's tax withheld from the
 * payout. Every deal type may carry them; the payout formulas never read them.
 */
const PAYMENT_TERMS = ["deposit", "withholdingRate"] as const satisfies readonly DealTerm[];

/**
 * Fixed cash the deal pays the artist in lieu of something the promoter would otherwise
 * provide (a catering or hotel buyout): a cost of the show, paid on top of the deal. Every
 * deal type may carry them; the payout formulas never read them (see `Buyout`).
 */
const SHOW_COST_TERMS = ["buyouts"] as const satisfies readonly DealTerm[];

/**
 * Which terms each deal type is paid by (required) and which it may add (optional); any
 * other term is refused, so that no figure is stored that the payout would ignore.
 */
export const TERMS_OF_DEAL_TYPE: Readonly<Record<DealType, { readonly required: readonly DealTerm[]; readonly optional: readonly DealTerm[] }>> = {
  FLAT_GUARANTEE: { required: ["guarantee"], optional: [...PAYMENT_TERMS, ...SHOW_COST_TERMS] },
  GUARANTEE_VERSUS_PERCENTAGE_OF_NET: { required: ["guarantee", "percentage"], optional: ["promoterProfit", "expenseCap", ...PAYMENT_TERMS, ...SHOW_COST_TERMS] },
  GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS: { required: ["guarantee", "percentage"], optional: [...PAYMENT_TERMS, ...SHOW_COST_TERMS] },
  GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT: { required: ["guarantee", "percentage"], optional: ["promoterProfit", "expenseCap", ...PAYMENT_TERMS, ...SHOW_COST_TERMS] },
  DOOR_DEAL: { required: ["percentage"], optional: [...PAYMENT_TERMS, ...SHOW_COST_TERMS] },
  DOOR_DEAL_AFTER_EXPENSES: { required: ["percentage"], optional: ["expenseCap", ...PAYMENT_TERMS, ...SHOW_COST_TERMS] },
  PER_TICKET: { required: ["perTicket"], optional: ["guarantee", ...PAYMENT_TERMS, ...SHOW_COST_TERMS] },
};

/**
 * The promoter's agreed profit, which comes off net before the artist's percentage (a
 * versus deal) or is part of the split point (a plus deal). Agents write it as a
 * percentage of the show's expenses, so that it moves with them, or as a fixed amount.
 */
export type PromoterProfit =
  | { readonly kind: "PERCENTAGE_OF_EXPENSES"; readonly percentage: Decimal }
  | { readonly kind: "AMOUNT"; readonly amount: Money };

/** Paid on top of the deal once the show has sold `ticketsSold` paid tickets; each bonus reached is paid. */
export interface TicketBonus {
  readonly ticketsSold: number;
  readonly bonus: Money;
}

/**
 * A buyout: a fixed amount the deal pays the artist in lieu of something the promoter would
 * otherwise provide, e.g. "Catering buyout" USD 500. Settled as Prism.fm settles a
 * reimbursement adjustment that affects the split point: a cost of the show, counted among
 * the expenses every deal that counts expenses uses, and paid to the artist on top of the
 * payout, outside the withholding (docs/deals.md, "Buyouts").
 */
export interface Buyout {
  /** What the buyout is for, 1 to 100 characters. */
  readonly label: string;
  /** Above zero, in the deal's currency. */
  readonly amount: Money;
}

/** Terms that passed `parseDealTerms`: a term is set exactly when the deal type takes it and it was given. */
export interface DealTerms {
  readonly type: DealType;
  /** Every amount below is in this currency. */
  readonly currency: string;
  readonly guarantee: Money | null;
  /** The artist's share in percent: 85 means 85 %. */
  readonly percentage: Decimal | null;
  /** What the artist earns per paid ticket (PER_TICKET). */
  readonly perTicket: Money | null;
  readonly promoterProfit: PromoterProfit | null;
  /** The most the show's expenses may count against the artist's share. */
  readonly expenseCap: Money | null;
  /** Thresholds strictly rising. */
  readonly ticketBonuses: readonly TicketBonus[];
  /** Paid to the artist before the show, on account of the payout; zero or more. */
  readonly deposit: Money | null;
  /**
   * The artist's tax the promoter withholds from the payout and pays to the tax office, in
   * percent (30 means 30 %): the artist receives the payout less it.
   */
  readonly withholdingRate: Decimal | null;
  /** Paid to the artist on top of the payout and counted among the show's expenses, in the order written; empty when none. */
  readonly buyouts: readonly Buyout[];
}

/** Whether paying the deal needs the count of paid tickets. */
export function dealNeedsTicketCount(terms: DealTerms): boolean {
  return terms.type === "PER_TICKET" || terms.ticketBonuses.length > 0;
}
