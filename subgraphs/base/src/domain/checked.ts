// Base's rules report every problem at once, in words a user can act on, so that a form
// can show them together: a check answers with a Checked verdict, and a broken rule is
// one RuleViolation listing its problems (in the message, and as `problems` for forms).
import { RuleViolation } from "@marquee/kit";

/** Why Base refuses a change; clients branch on these, so they never change once released. */
export type BaseRuleReason =
  | "INVALID_EVENT"
  | "INVALID_LINEUP"
  | "EVENT_NOT_EDITABLE"
  | "ILLEGAL_EVENT_TRANSITION"
  | "EVENT_NOT_DELETABLE"
  | "INVALID_ARTIST"
  | "ARTIST_IN_LINEUP";

/** The verdict of a domain check: the normalised value, or every problem found. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

export function verdict<T>(value: T, problems: string[]): Checked<T> {
  return problems.length === 0 ? { ok: true, value } : { ok: false, problems };
}

/** Two checks as one verdict: both values, or the problems of either, the first's first. */
export function both<A, B>(first: Checked<A>, second: Checked<B>): Checked<[A, B]> {
  if (first.ok && second.ok) return { ok: true, value: [first.value, second.value] };
  return { ok: false, problems: [...(first.ok ? [] : first.problems), ...(second.ok ? [] : second.problems)] };
}

/** The checked value, or a RuleViolation for `reason` listing every problem. */
export function accepted<T>(reason: BaseRuleReason, checked: Checked<T>): T {
  if (checked.ok) return checked.value;
  throw violation(reason, checked.problems);
}

/** A RuleViolation for `reason` when a rule answered with problems (a rule that holds answers null or none). */
export function refuse(reason: BaseRuleReason, problems: string | readonly string[] | null): void {
  const list = problems === null ? [] : typeof problems === "string" ? [problems] : problems;
  if (list.length > 0) throw violation(reason, list);
}

const violation = (reason: BaseRuleReason, problems: readonly string[]) => new RuleViolation(reason, problems.join(" "), { problems: [...problems] });
