// What an offer is priced from: the figures promoters and agents put on every offer (Prism.fm
// calls them the offer's "potential" figures), worked from the event's ticket scaling (Base's
// tiers) and the promoter's estimated expenses, with the kit's own payout formulas so that an
// offer promises exactly what a settlement on the same figures would pay.
//
// - Gross potential: every sellable ticket (allocation − kills − comps) sold at its tier's
//   price, the definition of Base's `Event.grossPotential`. Market knows no ticket fees or
//   taxes, so every figure here is before them: the gross potential stands in for the
//   adjusted gross.
// - Walkout potential: what the artist is paid at a sellout (every sellable ticket sold,
//   adjusted gross = gross potential, expenses = the estimate), bonuses reached included.
// - Break-even: Prism.fm's "external" break-even, the one agents see on an offer (help
//   centre, "Prism Breakeven 101", https://intercom.help/prism-fm/en/articles/2886561-prism-breakeven-101):
//     (fixed costs + artist guarantees + promoter profit) / (adjusted ticket price − variable costs per ticket),
//   rounded up to whole tickets, where an artist's percentage of the gross from the first
//   ticket counts as a variable cost per ticket. With one estimate of the expenses, the
//   average price of the sellable tickets and the kit's payout, that is the fewest paid
//   tickets n at which
//     n × average price ≥ estimated expenses + the artist's payout at n + the promoter profit,
//   which for a guarantee deal is (expenses + guarantee + promoter profit) / average price,
//   rounded up, and for a door deal expenses / (average price × (1 − percentage)). Worked
//   through the payout itself, it also holds for per-ticket deals and ticket bonuses: a bonus
//   can put the promoter back below break-even just past its threshold, so the break-even is
//   the count from which every further ticket keeps the promoter whole up to a sellout.
// - Buyouts: costs of the show the deal pays the artist in lieu of something the promoter
//   would provide, so they count among the expenses, on top of the estimate, wherever the
//   expenses do (the percentage of net, the split point, the promoter profit, the break-even),
//   exactly as a settlement counts them (docs/deals.md, "Buyouts"). The walkout potential is
//   the payout; the buyouts are paid on top of it.
import { Decimal } from "decimal.js";
import { computeArtistPayout, minorUnitsOf, totalOfBuyouts, type ArtistPayout, type DealTerms, type Money } from "@marquee/kit";

/** 50 significant digits, as the kit's payout works: no product of a storable price and a ticket count loses a digit. */
const Exact = Decimal.clone({ precision: 50 });

/** One ticket tier of the event as Base keeps it, in the event's currency. */
export interface PricedTier {
  readonly price: Money;
  readonly allocation: number;
  readonly kills: number;
  readonly comps: number;
}

export interface OfferPricing {
  readonly currency: string;
  /** Every tier's allocation less its kills and comps. */
  readonly sellableTickets: number;
  /** Σ price × sellable tickets: Base's `Event.grossPotential`. */
  readonly grossPotential: Money;
  /** Gross potential / sellable tickets, rounded half up to minor units; null when nothing is sellable. */
  readonly averageTicketPrice: Money | null;
  /** The offer's estimated expenses (zero when it gives none) plus the deal's buyouts. */
  readonly expenses: Money;
  /** The promoter profit the deal allows on these expenses; null for a deal without one. */
  readonly promoterProfit: Money | null;
  /** Expenses + guarantee + promoter profit, for a plus deal; null otherwise. */
  readonly splitPoint: Money | null;
  /** The paid tickets from which the promoter is whole up to a sellout; null when a sellout is not enough. */
  readonly breakEvenTickets: number | null;
  /** The artist's payout at a sellout, bonuses reached included. */
  readonly walkoutPotential: Money;
  /** Which branch of the deal pays the walkout potential, with its figures. */
  readonly walkoutExplanation: string;
  /** The artist's payout at the break-even; null when there is none. */
  readonly walkoutAtBreakEven: Money | null;
}

/**
 * The offer's figures on the event's tiers. The tiers must be priced in the deal's
 * currency: there is no exchange rate to convert them by, so the caller checks first.
 */
export function priceOffer(terms: DealTerms, estimatedExpenses: Money | null, tiers: readonly PricedTier[]): OfferPricing {
  const { currency } = terms;
  for (const tier of tiers) {
    if (tier.price.currency !== currency) throw new Error(`A ticket tier is priced in ${tier.price.currency} but the deal is in ${currency}.`);
  }
  if (estimatedExpenses && estimatedExpenses.currency !== currency) throw new Error(`The estimated expenses are in ${estimatedExpenses.currency} but the deal is in ${currency}.`);
  const places = minorUnitsOf(currency) ?? 0;
  const money = (amount: Decimal.Value): Money => ({ amount: new Exact(amount).toDecimalPlaces(places, Decimal.ROUND_HALF_UP), currency });

  const sellableTickets = tiers.reduce((sum, tier) => sum + tier.allocation - tier.kills - tier.comps, 0);
  const grossPotential = tiers.reduce((sum, tier) => sum.add(new Exact(tier.price.amount).mul(tier.allocation - tier.kills - tier.comps)), new Exact(0));
  const expenses = money(new Exact(estimatedExpenses?.amount ?? 0).add(totalOfBuyouts(terms).amount));
  // The tickets sell in the event's mix of tiers: n tickets bring n × the average price, and a sellout the gross potential exactly.
  const grossAt = (tickets: number): Money => money(sellableTickets === 0 ? 0 : grossPotential.mul(tickets).div(sellableTickets));
  const payoutAt = (tickets: number): ArtistPayout => computeArtistPayout(terms, { adjustedGross: grossAt(tickets), expenses, ticketsSold: tickets });

  const sellout = payoutAt(sellableTickets);
  const breakEvenTickets = breakEven(terms, sellableTickets, (tickets) => {
    const payout = payoutAt(tickets);
    return new Exact(grossAt(tickets).amount).sub(expenses.amount).sub(payout.amount.amount).sub(payout.promoterProfit?.amount ?? 0);
  }, sellableTickets === 0 ? new Exact(0) : grossPotential.div(sellableTickets));

  return {
    currency,
    sellableTickets,
    grossPotential: money(grossPotential),
    averageTicketPrice: sellableTickets === 0 ? null : money(grossPotential.div(sellableTickets)),
    expenses,
    promoterProfit: sellout.promoterProfit,
    splitPoint: sellout.splitPoint,
    breakEvenTickets,
    walkoutPotential: sellout.amount,
    walkoutExplanation: sellout.explanation,
    walkoutAtBreakEven: breakEvenTickets === null ? null : payoutAt(breakEvenTickets).amount,
  };
}

/** A run of ticket counts over which the promoter's result moves one way only. */
interface Stretch {
  readonly from: number;
  readonly to: number;
  readonly rising: boolean;
}

/**
 * The fewest tickets from which `resultAt` (the promoter's result) stays at zero or more up
 * to `sellable`; null when it is below zero at a sellout. Between two bonus thresholds the
 * result never falls as tickets sell (the artist takes at most the whole of each ticket) but
 * for a per-ticket deal paying more than a ticket's average price, past the point where the
 * per-ticket pay overtakes the guarantee; so each such stretch is searched by bisection, from
 * the last one back, with a few dozen payouts worked for any capacity.
 */
function breakEven(terms: DealTerms, sellable: number, resultAt: (tickets: number) => Decimal, averagePrice: Decimal): number | null {
  const covered = (tickets: number) => resultAt(tickets).greaterThanOrEqualTo(0);
  const cuts = new Set(terms.ticketBonuses.map((bonus) => bonus.ticketsSold).filter((threshold) => threshold > 0 && threshold <= sellable));
  let fallsPast: number | null = null;
  if (terms.type === "PER_TICKET" && terms.perTicket!.amount.greaterThan(averagePrice)) {
    // Up to the count the guarantee still covers, the guarantee is paid and the result rises; past it, it falls.
    fallsPast = terms.guarantee ? new Exact(terms.guarantee.amount).div(terms.perTicket!.amount).floor().toNumber() : 0;
    if (fallsPast + 1 <= sellable) cuts.add(fallsPast + 1);
  }
  const starts = [0, ...[...cuts].sort((left, right) => left - right)];
  const stretches: Stretch[] = starts.map((from, index) => ({
    from,
    to: index + 1 < starts.length ? starts[index + 1]! - 1 : sellable,
    rising: fallsPast === null || from <= fallsPast,
  }));

  let breakEvenFrom: number | null = null;
  for (const stretch of stretches.reverse()) {
    if (!covered(stretch.to)) return breakEvenFrom;
    if (!stretch.rising || covered(stretch.from)) {
      breakEvenFrom = stretch.from;
      continue;
    }
    // covered(to) and not covered(from): the first covered count lies in (from, to].
    let low = stretch.from;
    let high = stretch.to;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (covered(middle)) high = middle;
      else low = middle;
    }
    return high;
  }
  return breakEvenFrom;
}
