/**
 * Trims a free-text field and reports when it is empty (if required) or too long, as
 * "<field> must ...". Lengths count characters as a reader sees them (code points).
 */
export function checkText(field: string, value: string, limits: { min: number; max: number }, problems: string[]): string {
  const trimmed = value.trim();
  const length = [...trimmed].length;
  if (length < limits.min) problems.push(`${field} must not be empty.`);
  else if (length > limits.max) problems.push(`${field} must be at most ${limits.max} characters (got ${length}).`);
  return trimmed;
}

/** Optional text: blank becomes null, so "no description" has one representation. */
export function checkOptionalText(field: string, value: string | null, max: number, problems: string[]): string | null {
  if (value === null) return null;
  const trimmed = checkText(field, value, { min: 0, max }, problems);
  return trimmed === "" ? null : trimmed;
}
