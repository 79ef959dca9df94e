// The API's inputs read into validated values: money by the domain's rules (an ISO 4217
// currency, no more decimals than it has), text trimmed and required where the data needs
// it. Each refusal names the input field at fault.
import { badUserInput, parseDealTerms, textInputs } from "@marquee/kit";
import type { MoneyInput, SettlementActInput, SettlementDeductionInput } from "./__generated__/resolvers-types.ts";
import { MAX_ACTS_ON_BILL, parseMoney, type BilledAct, type Deduction, type Money } from "./domain/index.ts";

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

/**
 * The bill as written, in billing order (the headliner first): 1 to 20 acts, each artist
 * once, each deal checked by the kit's rules in the settlement's currency. A refused term
 * names its act: `bill[1].dealTerms.percentage`.
 */
export function bill(inputs: readonly SettlementActInput[], currency: string): BilledAct[] {
  if (inputs.length < 1 || inputs.length > MAX_ACTS_ON_BILL) {
    throw badUserInput(`A settlement's bill lists 1 to ${MAX_ACTS_ON_BILL} acts (got ${inputs.length}).`, { field: "bill" });
  }
  const seen = new Set<string>();
  return inputs.map((input, index) => {
    if (seen.has(input.artistId)) {
      throw badUserInput(`Artist "${input.artistId}" is on the bill twice; list each artist once.`, { field: `bill[${index}].artistId`, artistId: input.artistId });
    }
    seen.add(input.artistId);
    try {
      return { artistId: input.artistId, dealTerms: parseDealTerms(input.dealTerms, currency) };
    } catch (error) {
      // The kit's refusal names the term; on a bill the act is named too.
      const extensions = (error as { extensions?: Record<string, unknown> }).extensions;
      if (error instanceof Error && extensions?.["reason"] === "INVALID_DEAL_TERMS" && typeof extensions["field"] === "string") {
        throw badUserInput(error.message, { ...extensions, field: `bill[${index}].dealTerms.${extensions["field"]}` });
      }
      throw error;
    }
  });
}
