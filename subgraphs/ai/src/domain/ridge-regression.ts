// Ridge regression in closed form: on standardised features z and centred targets,
// w = (ZᵀZ + λI)⁻¹ Zᵀ(y − ȳ), with the intercept ȳ left unpenalised. Deterministic: the
// same rows give the same weights, bit for bit.

import { dot, gram, solveSymmetricPositiveDefinite, transposeTimes, type Matrix, type Vector } from "./linear-algebra.ts";
import { standardisationOf, standardise, type Standardisation } from "./standardisation.ts";

export interface RidgeFit extends Standardisation {
  intercept: number;
  /** One weight per feature, in standard units (a constant feature weighs 0). */
  weights: Vector;
  penalty: number;
}

export function fitRidge(rows: Matrix, targets: Vector, penalty: number): RidgeFit {
  if (rows.length === 0 || rows.length !== targets.length) throw new Error("A ridge fit needs as many targets as rows, and at least one.");
  if (!(penalty > 0)) throw new Error("The ridge penalty must be positive.");
  const scaling = standardisationOf(rows);
  const standardRows = rows.map((row) => standardise(row, scaling));
  const intercept = targets.reduce((sum, value) => sum + value, 0) / targets.length;
  const system = gram(standardRows).map((row, i) => row.map((value, j) => (i === j ? value + penalty : value)));
  const weights = solveSymmetricPositiveDefinite(system, transposeTimes(standardRows, targets.map((value) => value - intercept)));
  return { ...scaling, intercept, weights, penalty };
}

/** Each feature's share of a prediction: its weight times its standardised value. */
export function contributionsOf(fit: RidgeFit, row: Vector): Vector {
  const standardRow = standardise(row, fit);
  return fit.weights.map((weight, j) => weight * standardRow[j]!);
}

export function predictRidge(fit: RidgeFit, row: Vector): number {
  return fit.intercept + dot(fit.weights, standardise(row, fit));
}
