import type { Decimal } from "decimal.js";
import type {
  DealTerms,
  DoorDealTerms,
  GuaranteePlusPercentageAboveSplitTerms,
  GuaranteeVersusPercentageOfNetTerms,
} from "./deal-terms.ts";
import {
  addMoney,
  compareMoney,
  describeMoney,
  floorAtZero,
  percentageOf,
  roundToMinorUnits,
  subtractMoney,
  type Money,
} from "./money.ts";

/** The show's results the deal terms are applied to, as they appear on the waterfall. */
export interface ShowRevenue {
  readonly adjustedGross: Money;
  readonly net: Money;
}

export interface ArtistPayout {
  /** What the artist is paid, rounded to the currency's minor units. */
  readonly amount: Money;
  /** Which branch of the deal applied, with the figures that decided it. */
  readonly explanation: string;
}

/**
 * Applies the deal to the show's results. Every share is rounded before it is
 * compared or added, because the rounded figure is the one paid and printed:
 * comparing unrounded shares could pick a branch the printed figures contradict.
 */
export function computeArtistPayout(terms: DealTerms, revenue: ShowRevenue): ArtistPayout {
  switch (terms.type) {
    case "FLAT_GUARANTEE": {
      const guarantee = roundToMinorUnits(terms.guarantee);
      return { amount: guarantee, explanation: `Flat guarantee (${describeMoney(guarantee)})` };
    }
    case "GUARANTEE_VERSUS_PERCENTAGE_OF_NET":
      return guaranteeVersusPercentageOfNet(terms, revenue.net);
    case "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT":
      return guaranteePlusPercentageAboveSplit(terms, revenue.net);
    case "DOOR_DEAL":
      return doorDeal(terms, revenue.adjustedGross);
  }
}

function guaranteeVersusPercentageOfNet(terms: GuaranteeVersusPercentageOfNetTerms, net: Money): ArtistPayout {
  const guarantee = roundToMinorUnits(terms.guarantee);
  const share = roundedShare(floorAtZero(net), terms.percentage);
  const guaranteeFigure = describeMoney(guarantee);
  const shareText = `${describePercentage(terms.percentage)} of net (${describeMoney(share)})`;
  switch (compareMoney(guarantee, share)) {
    case 1:
      return { amount: guarantee, explanation: `Guarantee (${guaranteeFigure}) exceeds ${shareText}` };
    case 0:
      return { amount: guarantee, explanation: `Guarantee (${guaranteeFigure}) equals ${shareText}` };
    case -1:
      return { amount: share, explanation: `${shareText} exceeds guarantee (${guaranteeFigure})` };
  }
}

function guaranteePlusPercentageAboveSplit(terms: GuaranteePlusPercentageAboveSplitTerms, net: Money): ArtistPayout {
  const guarantee = roundToMinorUnits(terms.guarantee);
  const guaranteeText = `Guarantee (${describeMoney(guarantee)})`;
  const splitText = `${describeMoney(terms.splitPoint)} split point`;
  if (compareMoney(net, terms.splitPoint) <= 0) {
    return {
      amount: guarantee,
      explanation: `${guaranteeText} only: net (${describeMoney(net)}) does not exceed the ${splitText}`,
    };
  }
  const bonus = roundedShare(subtractMoney(net, terms.splitPoint), terms.percentage);
  const bonusText = `${describePercentage(terms.percentage)} of net above the ${splitText} (${describeMoney(bonus)})`;
  return { amount: addMoney(guarantee, bonus), explanation: `${guaranteeText} plus ${bonusText}` };
}

/** An artist never owes the promoter, so deductions exceeding gross pay the artist nothing. */
function doorDeal(terms: DoorDealTerms, adjustedGross: Money): ArtistPayout {
  const share = roundedShare(floorAtZero(adjustedGross), terms.percentage);
  return {
    amount: share,
    explanation: `${describePercentage(terms.percentage)} of adjusted gross (${describeMoney(share)})`,
  };
}

function roundedShare(base: Money, percentage: Decimal): Money {
  return roundToMinorUnits(percentageOf(base, percentage));
}

function describePercentage(percentage: Decimal): string {
  return `${percentage.toString()}%`;
}
