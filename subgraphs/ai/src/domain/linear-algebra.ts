// The little linear algebra a ridge fit needs, written out so that every step of the model
// can be read and checked: matrix products for the normal equations and a Cholesky
// solve for the symmetric positive definite system they form.

export type Vector = number[];
/** Row-major: `matrix[row][column]`. */
export type Matrix = number[][];

/** XᵀX for the rows of X. */
export function gram(rows: Matrix): Matrix {
  const width = rows[0]?.length ?? 0;
  const product = Array.from({ length: width }, () => new Array<number>(width).fill(0));
  for (const row of rows) {
    for (let i = 0; i < width; i += 1) {
      for (let j = 0; j <= i; j += 1) product[i]![j]! += row[i]! * row[j]!;
    }
  }
  for (let i = 0; i < width; i += 1) for (let j = 0; j < i; j += 1) product[j]![i] = product[i]![j]!;
  return product;
}

/** Xᵀy for the rows of X. */
export function transposeTimes(rows: Matrix, values: Vector): Vector {
  const width = rows[0]?.length ?? 0;
  const product = new Array<number>(width).fill(0);
  rows.forEach((row, index) => {
    for (let j = 0; j < width; j += 1) product[j]! += row[j]! * values[index]!;
  });
  return product;
}

export function dot(left: Vector, right: Vector): number {
  return left.reduce((sum, value, index) => sum + value * right[index]!, 0);
}

/**
 * Solves A·x = b for a symmetric positive definite A by Cholesky (A = L·Lᵀ), then two
 * triangular substitutions. Throws when A is not positive definite, which a ridge system
 * with a positive penalty never is.
 */
export function solveSymmetricPositiveDefinite(matrix: Matrix, rhs: Vector): Vector {
  const size = matrix.length;
  const lower = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let i = 0; i < size; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let sum = matrix[i]![j]!;
      for (let k = 0; k < j; k += 1) sum -= lower[i]![k]! * lower[j]![k]!;
      if (i === j) {
        if (sum <= 0) throw new Error("The matrix is not positive definite.");
        lower[i]![i] = Math.sqrt(sum);
      } else {
        lower[i]![j] = sum / lower[j]![j]!;
      }
    }
  }
  // L·y = b, then Lᵀ·x = y.
  const forward = new Array<number>(size).fill(0);
  for (let i = 0; i < size; i += 1) {
    let sum = rhs[i]!;
    for (let k = 0; k < i; k += 1) sum -= lower[i]![k]! * forward[k]!;
    forward[i] = sum / lower[i]![i]!;
  }
  const solution = new Array<number>(size).fill(0);
  for (let i = size - 1; i >= 0; i -= 1) {
    let sum = forward[i]!;
    for (let k = i + 1; k < size; k += 1) sum -= lower[k]![i]! * solution[k]!;
    solution[i] = sum / lower[i]![i]!;
  }
  return solution;
}
