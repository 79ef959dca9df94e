// What an artist is paid under a deal, from the show's figures, by the formulas in
// Prism.fm's glossary: promoter profit = its percentage × the expenses (for a plus deal,
// the guarantee counts among them); split point = expenses + guarantee + promoter profit.
// Every figure is rounded to the currency's minor units as it is produced, because the
// rounded figure is the one printed and paid: the sheet must add up to the cent.
import { Decimal } from "decimal.js";
import { formatMoney, type Money } from "../money/money.ts";
import { minorUnitsOf } from "../money/currencies.ts";
import type { DealTerms, TicketBonus } from "./deal-terms.ts";

/** 50 significant digits: no sum or share of a storable amount loses a digit (decimal.js defaults to 20). */
const Exact = Decimal.clone({ precision: 50 });

/** The show's figures a deal is applied to. */
export interface ShowFigures {
  /** Gross ticket sales less ticket fees and taxes. */
  readonly adjustedGross: Money;
  /**
   * The show's expenses charged to this artist's deal, before any cap. On a shared bill they
   * include the payouts of the acts billed below; never the artist's own guarantee. The
   * bill's buyouts and reimbursements are costs of the show: the caller counts them here
   * (`totalOfBuyouts`), since the payout formulas never read them.
   */
  readonly expenses: Money;
  /** Paid tickets; read only when the deal needs them (`dealNeedsTicketCount`). */
  readonly ticketsSold: number | null;
}

export interface ArtistPayout {
  /** What the artist is paid: the deal's amount plus the bonuses earned. */
  readonly amount: Money;
  /** What the deal form pays, before bonuses. */
  readonly dealAmount: Money;
  /** Which branch of the deal applied, with the figures that decided it, as printed on the sheet. */
  readonly explanation: string;
  /** The ticket bonuses reached, lowest first. */
  readonly bonusesEarned: readonly TicketBonus[];
  /** The expenses the deal counted, after the cap; null for a deal that counts none. */
  readonly expensesCounted: Money | null;
  /** The promoter's profit the deal allowed for; null for a deal without one. */
  readonly promoterProfit: Money | null;
  /** Expenses + guarantee + promoter profit, for a plus deal; null otherwise. */
  readonly splitPoint: Money | null;
}

export function computeArtistPayout(terms: DealTerms, show: ShowFigures): ArtistPayout {
  const { currency } = terms;
  const money = (amount: Decimal.Value): Money => ({ amount: new Exact(amount).toDecimalPlaces(minorUnitsOf(currency) ?? 0, Decimal.ROUND_HALF_UP), currency });
  const share = (base: Money, percentage: Decimal) => money(Exact.max(base.amount, 0).mul(percentage).div(100));
  const plus = (...amounts: Money[]) => money(amounts.reduce((sum, item) => sum.add(item.amount), new Exact(0)));
  const minus = (left: Money, right: Money) => money(new Exact(left.amount).sub(right.amount));
  const describe = (figure: Money) => `${currency} ${formatMoney(figure)}`;
  const percent = (percentage: Decimal) => `${percentage.toString()}%`;

  for (const figure of [show.adjustedGross, show.expenses]) {
    if (figure.currency !== currency) throw new Error(`The show's figures are in ${figure.currency} but the deal is in ${currency}.`);
  }
  const adjustedGross = money(show.adjustedGross.amount);
  const expensesCounted = terms.expenseCap && show.expenses.amount.greaterThan(terms.expenseCap.amount) ? money(terms.expenseCap.amount) : money(show.expenses.amount);
  const capNote = terms.expenseCap && show.expenses.amount.greaterThan(terms.expenseCap.amount) ? ` with expenses capped at ${describe(expensesCounted)}` : "";
  const promoterProfitOn = (costs: Money): Money | null => {
    const profit = terms.promoterProfit;
    if (!profit) return null;
    return profit.kind === "AMOUNT" ? money(profit.amount.amount) : share(costs, profit.percentage);
  };
  const guarantee = terms.guarantee ? money(terms.guarantee.amount) : null;
  const ticketsSold = (): number => {
    // A caller that skipped `dealNeedsTicketCount` has a bug; no figure is guessed.
    if (show.ticketsSold === null) throw new Error(`A ${terms.type} deal with ${terms.ticketBonuses.length} ticket bonuses was paid without a ticket count.`);
    if (!Number.isInteger(show.ticketsSold) || show.ticketsSold < 0) throw new Error(`A ticket count must be a whole number, 0 or more (got ${show.ticketsSold}).`);
    return show.ticketsSold;
  };
  const greaterOf = (guaranteeFigure: Money, other: Money, otherText: string): { dealAmount: Money; explanation: string } => {
    const comparison = guaranteeFigure.amount.comparedTo(other.amount);
    const guaranteeText = `guarantee (${describe(guaranteeFigure)})`;
    if (comparison > 0) return { dealAmount: guaranteeFigure, explanation: `Guarantee (${describe(guaranteeFigure)}) exceeds ${otherText}` };
    if (comparison === 0) return { dealAmount: guaranteeFigure, explanation: `Guarantee (${describe(guaranteeFigure)}) equals ${otherText}` };
    return { dealAmount: other, explanation: `${otherText} exceeds ${guaranteeText}` };
  };

  let deal: { dealAmount: Money; explanation: string };
  let counted: Money | null = null;
  let promoterProfit: Money | null = null;
  let splitPoint: Money | null = null;
  switch (terms.type) {
    case "FLAT_GUARANTEE":
      deal = { dealAmount: guarantee!, explanation: `Flat guarantee (${describe(guarantee!)})` };
      break;
    case "GUARANTEE_VERSUS_PERCENTAGE_OF_NET": {
      counted = expensesCounted;
      promoterProfit = promoterProfitOn(counted);
      const base = minus(minus(adjustedGross, counted), promoterProfit ?? money(0));
      const artistShare = share(base, terms.percentage!);
      const of = promoterProfit ? `net after ${describe(promoterProfit)} promoter profit` : "net";
      deal = greaterOf(guarantee!, artistShare, `${percent(terms.percentage!)} of ${of}${capNote} (${describe(artistShare)})`);
      break;
    }
    case "GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS": {
      const artistShare = share(adjustedGross, terms.percentage!);
      deal = greaterOf(guarantee!, artistShare, `${percent(terms.percentage!)} of adjusted gross (${describe(artistShare)})`);
      break;
    }
    case "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT": {
      counted = expensesCounted;
      const costs = plus(counted, guarantee!);
      promoterProfit = promoterProfitOn(costs);
      splitPoint = plus(costs, promoterProfit ?? money(0));
      const splitText = `the ${describe(splitPoint)} split point${capNote}`;
      if (adjustedGross.amount.lessThanOrEqualTo(splitPoint.amount)) {
        deal = { dealAmount: guarantee!, explanation: `Guarantee (${describe(guarantee!)}) only: adjusted gross (${describe(adjustedGross)}) does not exceed ${splitText}` };
      } else {
        const overage = share(minus(adjustedGross, splitPoint), terms.percentage!);
        deal = {
          dealAmount: plus(guarantee!, overage),
          explanation: `Guarantee (${describe(guarantee!)}) plus ${percent(terms.percentage!)} of adjusted gross above ${splitText} (${describe(overage)})`,
        };
      }
      break;
    }
    case "DOOR_DEAL": {
      const artistShare = share(adjustedGross, terms.percentage!);
      deal = { dealAmount: artistShare, explanation: `${percent(terms.percentage!)} of adjusted gross (${describe(artistShare)})` };
      break;
    }
    case "DOOR_DEAL_AFTER_EXPENSES": {
      counted = expensesCounted;
      const artistShare = share(minus(adjustedGross, counted), terms.percentage!);
      deal = { dealAmount: artistShare, explanation: `${percent(terms.percentage!)} of net after expenses${capNote} (${describe(artistShare)})` };
      break;
    }
    case "PER_TICKET": {
      const tickets = ticketsSold();
      const perTicket = money(terms.perTicket!.amount);
      const earned = money(new Exact(perTicket.amount).mul(tickets));
      const earnedText = `${describe(perTicket)} × ${tickets} paid tickets (${describe(earned)})`;
      deal = guarantee ? greaterOf(guarantee, earned, earnedText) : { dealAmount: earned, explanation: earnedText };
      break;
    }
  }

  const bonusesEarned = terms.ticketBonuses.length > 0 ? terms.ticketBonuses.filter((bonus) => ticketsSold() >= bonus.ticketsSold) : [];
  const amount = plus(deal.dealAmount, ...bonusesEarned.map((earned) => earned.bonus));
  return { amount, dealAmount: deal.dealAmount, explanation: deal.explanation, bonusesEarned, expensesCounted: counted, promoterProfit, splitPoint };
}

/** What the artist is paid once the promoter has withheld the artist's tax and added the costs it repays. */
export interface NetPayable {
  /** The deal's withholding rate × the payout (bonuses included), rounded half up to minor units; zero without a rate. */
  readonly withholding: Money;
  /** The deal's buyouts together; zero when it has none. */
  readonly buyouts: Money;
  /** The artist's costs the promoter repays (entered on the settlement) together; zero when none. */
  readonly reimbursements: Money;
  /** Payout − withholding + buyouts + reimbursements: what the artist receives, the deposit included. */
  readonly netPayable: Money;
}

/** The deal's buyouts together, in the deal's currency: what a show's expenses count for them. */
export function totalOfBuyouts(terms: DealTerms): Money {
  return sumIn(terms.currency, terms.buyouts.map((buyout) => buyout.amount), "A buyout");
}

/**
 * The tax withheld from a payout and what the artist receives. The payout formulas do not
 * read the rate: the withholding is worked out on the payout they give, bonuses included.
 * Buyouts and reimbursements are costs of the show the promoter pays the artist on top of
 * the payout: the withholding is not taken of them (Prism.fm's "Adjustments" article lets a
 * reimbursement stay outside the tax: "tax only the $10,000 or the full $10,300";
 * https://intercom.help/prism-fm/en/articles/5955781-adjustments).
 */
export function computeNetPayable(terms: DealTerms, payout: Money, reimbursements: readonly Money[] = []): NetPayable {
  if (payout.currency !== terms.currency) throw new Error(`The payout is in ${payout.currency} but the deal is in ${terms.currency}.`);
  const places = minorUnitsOf(terms.currency) ?? 0;
  const rate = terms.withholdingRate ?? new Exact(0);
  const withholding = new Exact(payout.amount).mul(rate).div(100).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  const buyouts = totalOfBuyouts(terms);
  const repaid = sumIn(terms.currency, reimbursements, "A reimbursement");
  const netPayable = new Exact(payout.amount).sub(withholding).add(buyouts.amount).add(repaid.amount).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  return {
    withholding: { amount: withholding, currency: terms.currency },
    buyouts,
    reimbursements: repaid,
    netPayable: { amount: netPayable, currency: terms.currency },
  };
}

/** Amounts added exactly, in `currency`, rounded half up to its minor units. */
function sumIn(currency: string, amounts: readonly Money[], item: string): Money {
  const places = minorUnitsOf(currency) ?? 0;
  let total = new Exact(0);
  for (const money of amounts) {
    if (money.currency !== currency) throw new Error(`${item} is in ${money.currency} but the deal is in ${currency}.`);
    total = total.add(money.amount);
  }
  return { amount: total.toDecimalPlaces(places, Decimal.ROUND_HALF_UP), currency };
}
