import type { BacktestResolvers } from "../__generated__/resolvers-types.ts";

export const Backtest: BacktestResolvers = {
  modelMeanAbsoluteError: (backtest) => backtest.modelMae,
  baselineMeanAbsoluteError: (backtest) => backtest.baselineMae,
};
