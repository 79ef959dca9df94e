// An artist's draw score, 0 to 100: how reliably they fill rooms for this company, from
// the shows they headlined. Three factors, each scaled to 0–1 and weighted:
//   average sell-through (60), tickets per show against the company's average (25,
//   full marks at twice the average), and the monthly sell-through trend (15, half
//   marks when flat, full at +5 points a month, none at −5).

import { headlinerOf, isSettled, sellThroughOf, type Show } from "./show.ts";
import { leastSquaresSlope, monthNumber } from "./trend.ts";

export type DrawScoreFactorName = "AVERAGE_SELL_THROUGH" | "TICKETS_PER_SHOW" | "SELL_THROUGH_TREND";

export interface DrawScoreFactor {
  name: DrawScoreFactorName;
  /** The raw figure: a sell-through, a ratio to the company's average, a slope per month. */
  value: number;
  /** Points the factor can give at most. */
  weight: number;
  /** Points it gives. */
  contribution: number;
}

export interface DrawScore {
  artistId: string;
  score: number;
  showCount: number;
  factors: DrawScoreFactor[];
}

const weights: Record<DrawScoreFactorName, number> = { AVERAGE_SELL_THROUGH: 60, TICKETS_PER_SHOW: 25, SELL_THROUGH_TREND: 15 };
const clip01 = (value: number) => Math.min(1, Math.max(0, value));

/** The artist's draw score over the settled shows of `history`; null when they headlined none. */
export function drawScoreOf(artistId: string, history: readonly Show[]): DrawScore | null {
  const settled = history.filter(isSettled);
  const own = settled.filter((show) => headlinerOf(show) === artistId);
  if (own.length === 0) return null;
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

  const averageSellThrough = mean(own.map(sellThroughOf));
  const ticketsRatio = mean(own.map((show) => show.ticketsSold)) / mean(settled.map((show) => show.ticketsSold));
  const slope = leastSquaresSlope(own.map((show) => ({ x: monthNumber(show.localDate), y: sellThroughOf(show) })));

  const factor = (name: DrawScoreFactorName, value: number, scaled: number): DrawScoreFactor => ({ name, value, weight: weights[name], contribution: weights[name] * clip01(scaled) });
  const factors = [
    factor("AVERAGE_SELL_THROUGH", averageSellThrough, averageSellThrough),
    factor("TICKETS_PER_SHOW", ticketsRatio, ticketsRatio / 2),
    factor("SELL_THROUGH_TREND", slope, 0.5 + 10 * slope),
  ];
  return { artistId, score: Math.round(factors.reduce((sum, { contribution }) => sum + contribution, 0)), showCount: own.length, factors };
}
