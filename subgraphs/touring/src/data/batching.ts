// DataLoader batch functions answer in the order of their keys; this puts rows fetched in
// one statement back in that order.

/** The rows of each key, in key order; a key without rows gets an empty list. */
export function rowsPerKey<Row>(keys: readonly string[], rows: readonly Row[], keyOf: (row: Row) => string | null): Row[][] {
  const byKey = new Map<string, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  return keys.map((key) => byKey.get(key) ?? []);
}
