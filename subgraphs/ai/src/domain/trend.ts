// The least-squares slope of a series: how fast sell-through moves per month, for the
// company's analytics and for an artist's draw score alike.

export interface Point {
  x: number;
  y: number;
}

/** The slope of the least-squares line through the points; 0 when they do not spread along x. */
export function leastSquaresSlope(points: readonly Point[]): number {
  const count = points.length;
  if (count < 2) return 0;
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / count;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / count;
  const spread = points.reduce((sum, point) => sum + (point.x - meanX) ** 2, 0);
  if (spread === 0) return 0;
  return points.reduce((sum, point) => sum + (point.x - meanX) * (point.y - meanY), 0) / spread;
}

/** A month as a running number (year × 12 + month − 1), from a YYYY-MM-DD or YYYY-MM date. */
export function monthNumber(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}
