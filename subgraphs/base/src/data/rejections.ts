import { badUserInput } from "@marquee/kit";
import type { Checked } from "../domain/checked.ts";

/** The checked value, or BAD_USER_INPUT listing every problem (also under `extensions.problems`, for forms). */
export function accepted<T>(checked: Checked<T>): T {
  if (checked.ok) return checked.value;
  throw badUserInput(checked.problems.join(" "), { problems: checked.problems });
}

/** BAD_USER_INPUT when a domain rule answered with problems. */
export function refuse(problems: string | readonly string[] | null): void {
  const list = problems === null ? [] : typeof problems === "string" ? [problems] : problems;
  if (list.length > 0) throw badUserInput(list.join(" "), { problems: list });
}
