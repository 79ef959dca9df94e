// Feature standardisation: each column is centred on its mean and divided by its
// standard deviation, so the ridge penalty weighs every feature alike whatever its unit
// (days of lead time, a 0/1 weekday flag) and the weights compare with one another.

import type { Matrix, Vector } from "./linear-algebra.ts";

export interface Standardisation {
  means: Vector;
  /** Population standard deviations; 0 for a column that never varies. */
  deviations: Vector;
}

export function standardisationOf(rows: Matrix): Standardisation {
  const width = rows[0]?.length ?? 0;
  const count = rows.length;
  const means = Array.from({ length: width }, (_, j) => rows.reduce((sum, row) => sum + row[j]!, 0) / count);
  const deviations = means.map((mean, j) => Math.sqrt(rows.reduce((sum, row) => sum + (row[j]! - mean) ** 2, 0) / count));
  return { means, deviations };
}

/** A row in standard units; a constant column says nothing and becomes 0. */
export function standardise(row: Vector, { means, deviations }: Standardisation): Vector {
  return row.map((value, j) => (deviations[j] === 0 ? 0 : (value - means[j]!) / deviations[j]!));
}
