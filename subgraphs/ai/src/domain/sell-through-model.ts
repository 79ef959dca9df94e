// The company's sell-through model: a ridge regression of each settled show's
// sell-through on its features (feature-space.ts), fitted on the company's own history.
// It predicts an upcoming show's expected sell-through and tickets, with an interval of
// ±1.96 residual standard deviations (about 95% if the errors are roughly normal),
// clipped to what the room can hold, and says how much each feature contributed.

import { contributionsOf, fitRidge, predictRidge, type RidgeFit } from "./ridge-regression.ts";
import { featureNames, featureRow, featureSpaceOf } from "./feature-space.ts";
import { isSettled, sellThroughOf, type Show } from "./show.ts";

/** Changes whenever the features or the method change, so old fits are never reused for new predictions. */
export const modelVersion = "sell-through-ridge/1";
/** The penalty λ on standardised weights: mild, it steadies rare cities and weekdays. */
export const ridgePenalty = 1;
/** Fewer settled shows than this say too little to fit a model. */
export const minimumTrainingShows = 12;
const intervalWidth = 1.96;

export interface SellThroughModel {
  version: string;
  cities: string[];
  featureNames: string[];
  fit: RidgeFit;
  /** Standard deviation of the training residuals, in sell-through (0 to 1). */
  residualSd: number;
  trainingSize: number;
}

export interface FeatureContribution {
  name: string;
  /** The feature's raw value for the show (1/0 for a flag). */
  value: number;
  /** How much it moves the expected sell-through from the company's average. */
  contribution: number;
}

export interface ShowPrediction {
  capacity: number;
  sellThrough: number;
  sellThroughLow: number;
  sellThroughHigh: number;
  tickets: number;
  ticketsLow: number;
  ticketsHigh: number;
  /** The company's average sell-through, where every prediction starts from. */
  baseline: number;
  features: FeatureContribution[];
}

/** The settled shows of a history, oldest first (ties by id): the order backtests split in. */
export function settledShowsOf(history: readonly Show[]): Show[] {
  return history.filter(isSettled).sort((left, right) => left.startsAt.getTime() - right.startsAt.getTime() || (left.id < right.id ? -1 : 1));
}

/** Fits on `training` (settled shows); track records read `history`. Null when there are too few shows. */
export function fitSellThroughModel(training: readonly Show[], history: readonly Show[]): SellThroughModel | null {
  if (training.length < minimumTrainingShows) return null;
  const space = featureSpaceOf(training);
  const rows = training.map((show) => featureRow(space, show, history));
  const targets = training.map(sellThroughOf);
  const fit = fitRidge(rows, targets, ridgePenalty);
  const squaredErrors = rows.reduce((sum, row, index) => sum + (targets[index]! - predictRidge(fit, row)) ** 2, 0);
  const freeFeatures = fit.deviations.filter((deviation) => deviation > 0).length;
  const residualSd = Math.sqrt(squaredErrors / Math.max(1, training.length - freeFeatures - 1));
  return { version: modelVersion, cities: space.cities, featureNames: featureNames(space), fit, residualSd, trainingSize: training.length };
}

const clip = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

export function predictShow(model: SellThroughModel, show: Show, history: readonly Show[]): ShowPrediction {
  const row = featureRow({ cities: model.cities }, show, history);
  const contributions = contributionsOf(model.fit, row);
  const expected = predictRidge(model.fit, row);
  const sellThrough = clip(expected, 0, 1);
  const sellThroughLow = clip(expected - intervalWidth * model.residualSd, 0, sellThrough);
  const sellThroughHigh = clip(expected + intervalWidth * model.residualSd, sellThrough, 1);
  const ticketsAt = (ratio: number) => Math.round(ratio * show.capacity);
  return {
    capacity: show.capacity,
    sellThrough,
    sellThroughLow,
    sellThroughHigh,
    tickets: ticketsAt(sellThrough),
    ticketsLow: ticketsAt(sellThroughLow),
    ticketsHigh: ticketsAt(sellThroughHigh),
    baseline: model.fit.intercept,
    features: model.featureNames.map((name, index) => ({ name, value: row[index]!, contribution: contributions[index]! })),
  };
}
