/** `current` with every field that `changes` defines replaced; a field set to null is replaced by null. */
export function applyChanges<T extends object>(current: T, changes: Partial<T>): T {
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  return { ...current, ...defined };
}
