import type { ModelFitResolvers } from "../__generated__/resolvers-types.ts";

export const ModelFit: ModelFitResolvers = {
  trainingSize: (fit) => fit.model.trainingSize,
  fittedAt: (fit) => fit.fittedAt.toISOString(),
  residualStandardDeviation: (fit) => fit.model.residualSd,
  baselineSellThrough: (fit) => fit.model.fit.intercept,
  coefficients: (fit) => fit.model.featureNames.map((name, index) => ({ name, weight: fit.model.fit.weights[index]! })),
};
