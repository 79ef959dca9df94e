import { describe, expect, it } from "vitest";
import { gram, solveSymmetricPositiveDefinite, transposeTimes } from "./linear-algebra.ts";

describe("the normal equations", () => {
  it("form XᵀX and Xᵀy", () => {
    const rows = [
      [1, 2],
      [3, 4],
      [5, 6],
    ];
    expect(gram(rows)).toEqual([
      [35, 44],
      [44, 56],
    ]);
    expect(transposeTimes(rows, [1, 0, -1])).toEqual([-4, -4]);
  });
});

describe("the Cholesky solve", () => {
  it("solves a symmetric positive definite system exactly", () => {
    // A = [[4, 2], [2, 3]], x = [1, 2] → b = [8, 8]
    const solution = solveSymmetricPositiveDefinite(
      [
        [4, 2],
        [2, 3],
      ],
      [8, 8],
    );
    expect(solution[0]).toBeCloseTo(1, 12);
    expect(solution[1]).toBeCloseTo(2, 12);
  });

  it("solves a 3×3 system", () => {
    const matrix = [
      [25, 15, -5],
      [15, 18, 0],
      [-5, 0, 11],
    ];
    const expected = [1, -2, 3];
    const rhs = matrix.map((row) => row.reduce((sum, value, j) => sum + value * expected[j]!, 0));
    solveSymmetricPositiveDefinite(matrix, rhs).forEach((value, index) => expect(value).toBeCloseTo(expected[index]!, 12));
  });

  it("refuses a matrix that is not positive definite", () => {
    expect(() =>
      solveSymmetricPositiveDefinite(
        [
          [1, 2],
          [2, 1],
        ],
        [1, 1],
      ),
    ).toThrow("The matrix is not positive definite.");
  });
});
