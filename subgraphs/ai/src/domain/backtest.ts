// How well the model would have done: fitted on the first 80% of the company's settled
// shows by date and asked about the rest, its mean absolute error in sell-through against
// a naive baseline that always answers the training shows' mean sell-through.

import { fitSellThroughModel, predictShow, settledShowsOf } from "./sell-through-model.ts";
import { sellThroughOf, type Show } from "./show.ts";

export interface Backtest {
  trainingSize: number;
  testSize: number;
  /** Mean absolute error of the model's sell-through on the test shows (0 to 1). */
  modelMae: number;
  /** The same for the baseline (the training shows' mean sell-through). */
  baselineMae: number;
}

const trainingShare = 0.8;

/** Null when the first 80% are too few to fit a model, or nothing is left to test on. */
export function backtest(history: readonly Show[]): Backtest | null {
  const settled = settledShowsOf(history);
  const cut = Math.floor(settled.length * trainingShare);
  const training = settled.slice(0, cut);
  const test = settled.slice(cut);
  const model = fitSellThroughModel(training, history);
  if (!model || test.length === 0) return null;
  const baseline = training.reduce((sum, show) => sum + sellThroughOf(show), 0) / training.length;
  const meanAbsolute = (errors: number[]) => errors.reduce((sum, error) => sum + Math.abs(error), 0) / errors.length;
  return {
    trainingSize: training.length,
    testSize: test.length,
    modelMae: meanAbsolute(test.map((show) => predictShow(model, show, history).sellThrough - sellThroughOf(show))),
    baselineMae: meanAbsolute(test.map((show) => baseline - sellThroughOf(show))),
  };
}
