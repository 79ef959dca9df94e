// The API's inputs read into validated values: money by the domain's rules (an ISO 4217
// currency, no more decimals than it has), text trimmed and required where the data needs
// it. Each refusal names the input field at fault.
import { badUserInput, textInputs } from "@marquee/kit";
import type { MoneyInput, SettlementDeductionInput } from "./__generated__/resolvers-types.ts";
import { parseMoney, type Deduction, type Money } from "./domain/index.ts";

const maxDeductions = 50;

export const { requiredText, optionalText } = textInputs(500);

export function money(input: MoneyInput): Money {
  return parseMoney(input.amount, input.currency);
}

/** An expense or income amount, recorded as a positive figure. */
export function positiveAmount(input: MoneyInput, field: string): Money {
  const amount = money(input);
  if (!amount.amount.greaterThan(0)) throw badUserInput(`${field} must be more than zero (got ${input.amount}).`, { field });
  return amount;
}

export function deductions(inputs: readonly SettlementDeductionInput[]): Deduction[] {
  if (inputs.length > maxDeductions) throw badUserInput(`A settlement takes at most ${maxDeductions} deductions.`, { field: "deductions" });
  return inputs.map((input, index) => ({ label: requiredText(input.label, `deductions[${index}].label`), amount: money(input.amount) }));
}
