/**
 * The verdict of a domain check: the normalised value, or every problem found, in
 * words a user can act on. Checks report all problems at once so that a form can show
 * them together; the data layer turns problems into the platform's BAD_USER_INPUT.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

export function verdict<T>(value: T, problems: string[]): Checked<T> {
  return problems.length === 0 ? { ok: true, value } : { ok: false, problems };
}

/** Two checks as one verdict: both values, or the problems of either, the first's first. */
export function both<A, B>(first: Checked<A>, second: Checked<B>): Checked<[A, B]> {
  if (first.ok && second.ok) return { ok: true, value: [first.value, second.value] };
  return { ok: false, problems: [...(first.ok ? [] : first.problems), ...(second.ok ? [] : second.problems)] };
}
