// The API's inputs read into validated values: money by the domain's rules (an ISO 4217
// currency, no more decimals than it has), text trimmed and required where the data needs
// it. Each refusal names the input field at fault.
import { Decimal } from "decimal.js";
import { badUserInput, isUuid, parseDealTerms, textInputs } from "@marquee/kit";
import type { MoneyInput, ReimbursementInput, ScheduledPaymentInput, SettlementActInput, SettlementDeductionInput } from "./__generated__/resolvers-types.ts";
import {
  MAX_ACTS_ON_BILL,
  MAX_REIMBURSEMENTS,
  assertPaymentSchedule,
  parseMoney,
  type Deduction,
  type DeductionBasis,
  type Installment,
  type Money,
  type Reimbursement,
  type SettledAct,
} from "./domain/index.ts";

const maxDeductions = 50;
/** In percent with at most 2 decimals, as the column keeps it: "7", "20.5", "19.25". */
const rateString = /^\d+(?:\.\d{1,2})?$/;

/** The one term each deduction basis is worked out from; any other is refused. */
const TERM_OF_BASIS: Readonly<Record<DeductionBasis, "amount" | "perTicket" | "rate">> = {
  FLAT: "amount",
  PER_TICKET: "perTicket",
  PERCENTAGE_OF_GROSS: "rate",
  TAX_INCLUDED_IN_PRICE: "rate",
  TAX_ADDED_TO_PRICE: "rate",
};

/** "an amount", "a rate". */
const aTerm = (term: string) => (/^[aeiou]/.test(term) ? `an ${term}` : `a ${term}`);

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

/**
 * The deductions as written, in the order they apply, in the settlement's currency: each
 * takes exactly the term its basis is worked out from (FLAT by default: an amount, zero or
 * more; PER_TICKET an amount per paid ticket, above zero; the rates a percentage above 0 and
 * at most 100 with at most 2 decimals). A refusal names the field: `deductions[1].rate`.
 */
export function deductions(inputs: readonly SettlementDeductionInput[], currency: string): Deduction[] {
  if (inputs.length > maxDeductions) throw badUserInput(`A settlement takes at most ${maxDeductions} deductions.`, { field: "deductions" });
  return inputs.map((input, index) => {
    const at = `deductions[${index}]`;
    const refused = (term: string, message: string) => badUserInput(message, { reason: "INVALID_SETTLEMENT_INPUT", field: `${at}.${term}` });
    const label = requiredText(input.label, `${at}.label`);
    const basis = input.basis ?? "FLAT";
    const takes = TERM_OF_BASIS[basis];
    for (const term of ["amount", "perTicket", "rate"] as const) {
      if (term !== takes && input[term] != null) throw refused(term, `${at} is ${basis}: it takes ${aTerm(takes)}, not ${aTerm(term)}.`);
    }
    const amountIn = (written: MoneyInput | null | undefined, term: "amount" | "perTicket") => {
      if (written == null) throw refused(term, `${at} is ${basis}: it requires ${aTerm(term)}.`);
      if (written.currency !== currency) throw refused(term, `${at}.${term} is in ${written.currency} but the settlement is in ${currency}.`);
      return money(written);
    };
    switch (basis) {
      case "FLAT": {
        const amount = amountIn(input.amount, "amount");
        if (amount.amount.lessThan(0)) throw refused("amount", `${at}.amount cannot be negative (got ${input.amount?.amount}).`);
        return { label, basis, amount };
      }
      case "PER_TICKET": {
        const perTicket = amountIn(input.perTicket, "perTicket");
        if (!perTicket.amount.greaterThan(0)) throw refused("perTicket", `${at}.perTicket must be more than zero (got ${input.perTicket?.amount}).`);
        return { label, basis, perTicket };
      }
      default: {
        const written = input.rate;
        if (written == null) throw refused("rate", `${at} is ${basis}: it requires a rate.`);
        const rate = rateString.test(written) ? new Decimal(written) : null;
        if (!rate || rate.isZero() || rate.greaterThan(100)) {
          throw refused("rate", `${at}.rate must be a percentage above 0 and at most 100, with at most 2 decimals, e.g. "7" or "20.5" (got "${written}").`);
        }
        return { label, basis, rate };
      }
    }
  });
}

/**
 * The bill as written, in billing order (the headliner first): 1 to 20 acts, each artist
 * once, each deal checked by the kit's rules in the settlement's currency. A refused term
 * names its act: `bill[1].dealTerms.percentage`.
 */
export function bill(inputs: readonly SettlementActInput[], currency: string): SettledAct[] {
  if (inputs.length < 1 || inputs.length > MAX_ACTS_ON_BILL) {
    throw badUserInput(`A settlement's bill lists 1 to ${MAX_ACTS_ON_BILL} acts (got ${inputs.length}).`, { field: "bill" });
  }
  const seen = new Set<string>();
  const contracts = new Set<string>();
  return inputs.map((input, index) => {
    if (seen.has(input.artistId)) {
      throw badUserInput(`Artist "${input.artistId}" is on the bill twice; list each artist once.`, { field: `bill[${index}].artistId`, artistId: input.artistId });
    }
    seen.add(input.artistId);
    const contractId = input.contractId ?? null;
    if (contractId !== null) {
      if (!isUuid(contractId)) throw badUserInput(`"${contractId}" is not a contract id.`, { field: `bill[${index}].contractId`, contractId });
      if (contracts.has(contractId)) {
        throw badUserInput(`Contract "${contractId}" pays one act; it is named twice on the bill.`, { field: `bill[${index}].contractId`, contractId });
      }
      contracts.add(contractId);
    }
    const repaid = reimbursements(input.reimbursements ?? [], currency, `bill[${index}].reimbursements`);
    try {
      const dealTerms = parseDealTerms(input.dealTerms, currency);
      const paymentSchedule = (input.paymentSchedule ?? []).map(installment);
      assertPaymentSchedule(paymentSchedule, dealTerms.deposit, currency, `bill[${index}].paymentSchedule`);
      return { artistId: input.artistId, contractId, dealTerms, paymentSchedule, reimbursements: repaid };
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

/** The most characters a reimbursement's label takes, as a buyout's. */
const maxReimbursementLabel = 100;

/**
 * An act's reimbursements as written, in the order entered: at most 20, each with a label of
 * 1 to 100 characters (trimmed) and an amount above zero in the settlement's currency. A
 * refusal names the field: `bill[0].reimbursements[1].amount`.
 */
function reimbursements(inputs: readonly ReimbursementInput[], currency: string, field: string): Reimbursement[] {
  const refused = (at: string, message: string) => badUserInput(message, { reason: "INVALID_SETTLEMENT_INPUT", field: at });
  if (inputs.length > MAX_REIMBURSEMENTS) throw refused(field, `An act takes at most ${MAX_REIMBURSEMENTS} reimbursements (got ${inputs.length}).`);
  return inputs.map((input, index) => {
    const at = `${field}[${index}]`;
    const label = input.label.trim();
    if (label.length < 1 || label.length > maxReimbursementLabel) {
      throw refused(`${at}.label`, `${at}.label must say what was paid for in 1 to ${maxReimbursementLabel} characters (got ${label.length}).`);
    }
    if (input.amount.currency !== currency) throw refused(`${at}.amount`, `${at}.amount is in ${input.amount.currency} but the settlement is in ${currency}.`);
    const amount = money(input.amount);
    if (!amount.amount.greaterThan(0)) throw refused(`${at}.amount`, `${at}.amount must be more than zero (got ${input.amount.amount}).`);
    return { label, amount };
  });
}

/** One installment of a payment schedule as written; `assertPaymentSchedule` checks the schedule as a whole. */
function installment(input: ScheduledPaymentInput): Installment {
  return { kind: input.kind, dueOn: input.dueOn, amount: input.amount ? money(input.amount) : null };
}
