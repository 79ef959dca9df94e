import { describe, expect, it } from "vitest";
import { contributionsOf, fitRidge, predictRidge } from "./ridge-regression.ts";
import { standardisationOf, standardise } from "./standardisation.ts";

describe("standardisation", () => {
  it("centres each column on its mean and scales it by its standard deviation; a constant column becomes 0", () => {
    const rows = [
      [1, 10, 7],
      [3, 20, 7],
    ];
    const scaling = standardisationOf(rows);
    expect(scaling).toEqual({ means: [2, 15, 7], deviations: [1, 5, 0] });
    expect(standardise([3, 10, 7], scaling)).toEqual([1, -1, 0]);
  });
});

describe("the ridge fit", () => {
  // y = 0.5 + 0.2·a − 0.1·b, exactly, on a spread of points.
  const rows = Array.from({ length: 40 }, (_, index) => [index % 7, Math.floor(index / 7) + (index % 3)]);
  const targets = rows.map(([a, b]) => 0.5 + 0.2 * a! - 0.1 * b!);

  it("recovers known coefficients when the penalty is small", () => {
    const fit = fitRidge(rows, targets, 1e-9);
    // Raw-unit coefficient = standardised weight / the feature's deviation.
    expect(fit.weights[0]! / fit.deviations[0]!).toBeCloseTo(0.2, 6);
    expect(fit.weights[1]! / fit.deviations[1]!).toBeCloseTo(-0.1, 6);
    expect(predictRidge(fit, [3, 2])).toBeCloseTo(0.5 + 0.6 - 0.2, 6);
  });

  it("shrinks the weights as the penalty grows, never the intercept", () => {
    const small = fitRidge(rows, targets, 1e-9);
    const large = fitRidge(rows, targets, 100);
    expect(Math.abs(large.weights[0]!)).toBeLessThan(Math.abs(small.weights[0]!));
    expect(large.intercept).toBe(small.intercept);
    expect(large.intercept).toBeCloseTo(targets.reduce((sum, value) => sum + value, 0) / targets.length, 12);
  });

  it("explains a prediction: the intercept plus the contributions", () => {
    const fit = fitRidge(rows, targets, 1);
    const contributions = contributionsOf(fit, [5, 1]);
    expect(fit.intercept + contributions[0]! + contributions[1]!).toBeCloseTo(predictRidge(fit, [5, 1]), 12);
  });

  it("gives a constant feature no weight, and the same rows the same weights", () => {
    const withConstant = rows.map((row) => [...row, 4]);
    const fit = fitRidge(withConstant, targets, 1);
    expect(fit.weights[2]).toBe(0);
    expect(fitRidge(withConstant, targets, 1)).toEqual(fit);
  });

  it("refuses a penalty that is not positive", () => {
    expect(() => fitRidge(rows, targets, 0)).toThrow("The ridge penalty must be positive.");
  });
});
