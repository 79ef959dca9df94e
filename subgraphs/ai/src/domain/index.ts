// AI's business logic: pure functions over shows read from Base, no GraphQL, no database.
export * from "./show.ts";
export { historyFingerprint } from "./history-fingerprint.ts";
export { fitSellThroughModel, predictShow, settledShowsOf, modelVersion, minimumTrainingShows, type SellThroughModel, type ShowPrediction, type FeatureContribution } from "./sell-through-model.ts";
export { backtest, type Backtest } from "./backtest.ts";
export { sellThroughAnalytics, type SellThroughAnalytics, type SellThroughGroup, type SellThroughTrend } from "./sell-through-analytics.ts";
export { drawScoreOf, type DrawScore, type DrawScoreFactor } from "./draw-score.ts";
