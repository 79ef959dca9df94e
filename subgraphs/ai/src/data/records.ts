// What stands behind AI's GraphQL types (codegen.ts maps them): fits and predictions as
// the data layer hands them to resolvers.
import type { Backtest, SellThroughModel, ShowPrediction } from "../domain/index.ts";

/** Base's Event or Artist, by id only: Base resolves everything else. */
export interface EntityReference {
  id: string;
}

export interface ModelFitRecord {
  id: string;
  version: string;
  fingerprint: string;
  fittedAt: Date;
  model: SellThroughModel;
  backtest: Backtest | null;
}

export interface PredictionRecord {
  eventId: string;
  modelFit: ModelFitRecord;
  prediction: ShowPrediction;
}

export interface StoredPredictionRecord {
  id: string;
  createdAt: Date;
  createdBy: string;
  prediction: PredictionRecord;
}
