// Deal terms as a user writes them, checked once for every module: which terms the deal
// type takes, each amount in the deal's currency and payable as written, percentages in
// range, bonuses rising. Each refusal is a rule violation naming the field at fault
// (`reason: INVALID_DEAL_TERMS`, BAD_USER_INPUT to a client), in Market and Finance alike.
import { Decimal } from "decimal.js";
import { RuleViolation } from "../errors/rule-violation.ts";
import { minorUnitsOf } from "../money/currencies.ts";
import type { Money } from "../money/money.ts";
import { TERMS_OF_DEAL_TYPE, type Buyout, type DealTerm, type DealTerms, type DealType, type PromoterProfit, type TicketBonus } from "./deal-terms.ts";

/** An amount as written: a plain decimal string and an ISO 4217 code. */
export interface DealMoneyInput {
  readonly amount: string;
  readonly currency: string;
}

/** The promoter's profit as written: exactly one of the two. */
export interface PromoterProfitInput {
  /** In percent of the show's expenses, e.g. "15". */
  readonly percentageOfExpenses?: string | null;
  readonly amount?: DealMoneyInput | null;
}

export interface DealTermsInput {
  readonly dealType: DealType;
  readonly guarantee?: DealMoneyInput | null;
  /** In percent with at most 2 decimals, e.g. "85" or "82.5". */
  readonly percentage?: string | null;
  readonly perTicket?: DealMoneyInput | null;
  readonly promoterProfit?: PromoterProfitInput | null;
  readonly expenseCap?: DealMoneyInput | null;
  readonly ticketBonuses?: readonly { readonly ticketsSold: number; readonly bonus: DealMoneyInput }[] | null;
  /** Paid before the show, on account; zero or more. */
  readonly deposit?: DealMoneyInput | null;
  /** The artist's tax withheld from the payout, in percent with at most 2 decimals, e.g. "30". */
  readonly withholdingRate?: string | null;
  /** Paid to the artist on top of the deal, in lieu of something the promoter would provide; at most 10, each above zero. */
  readonly buyouts?: readonly BuyoutInput[] | null;
}

/** A buyout as written: what it is for and how much, e.g. { label: "Catering buyout", amount: { amount: "500", currency: "USD" } }. */
export interface BuyoutInput {
  readonly label: string;
  readonly amount: DealMoneyInput;
}

const plainDecimal = /^\d+(?:\.\d+)?$/;
const percentageString = /^\d+(?:\.\d{1,2})?$/;
/** numeric(19,4), the type every amount is stored in, keeps 15 digits before the point. */
const maxIntegerDigits = 15;
const maxTicketBonuses = 20;
/** No event sells more tickets: Base bounds an event's capacity at 1,000,000. */
const maxBonusThreshold = 1_000_000;
export const MAX_BUYOUTS = 10;
/** A buyout's label: what it is for, as the sheet prints it. */
export const MAX_BUYOUT_LABEL_LENGTH = 100;

export const invalidDealTerms = (field: string, message: string) => new RuleViolation("INVALID_DEAL_TERMS", message, { field });

/** The terms in `currency`, or a RuleViolation naming the first field at fault. */
export function parseDealTerms(input: DealTermsInput, currency: string): DealTerms {
  if (minorUnitsOf(currency) === undefined) throw invalidDealTerms("currency", `"${currency}" is not a supported ISO 4217 currency code.`);
  const { dealType } = input;
  const { required, optional } = TERMS_OF_DEAL_TYPE[dealType];
  const given = (term: DealTerm): boolean => {
    const value = input[term];
    const present = value != null;
    if (present && !required.includes(term) && !optional.includes(term)) {
      throw invalidDealTerms(term, `A ${dealType} deal does not take ${article(term)} ${term}.`);
    }
    if (!present && required.includes(term)) throw invalidDealTerms(term, `A ${dealType} deal requires ${article(term)} ${term}.`);
    return present;
  };

  return {
    type: dealType,
    currency,
    guarantee: given("guarantee") ? amountIn(currency, input.guarantee!, "guarantee", "zeroOrMore") : null,
    percentage: given("percentage") ? validPercentage(input.percentage!, "percentage") : null,
    perTicket: given("perTicket") ? amountIn(currency, input.perTicket!, "perTicket", "positive") : null,
    promoterProfit: given("promoterProfit") ? validPromoterProfit(currency, input.promoterProfit!) : null,
    expenseCap: given("expenseCap") ? amountIn(currency, input.expenseCap!, "expenseCap", "zeroOrMore") : null,
    ticketBonuses: validTicketBonuses(currency, input.ticketBonuses ?? []),
    deposit: given("deposit") ? amountIn(currency, input.deposit!, "deposit", "zeroOrMore") : null,
    withholdingRate: given("withholdingRate") ? validPercentage(input.withholdingRate!, "withholdingRate") : null,
    buyouts: given("buyouts") ? validBuyouts(currency, input.buyouts!) : [],
  };
}

const article = (term: string) => (/^[aeiou]/.test(term) ? "an" : "a");

function validPromoterProfit(currency: string, input: PromoterProfitInput): PromoterProfit {
  const { percentageOfExpenses, amount } = input;
  if ((percentageOfExpenses == null) === (amount == null)) {
    throw invalidDealTerms("promoterProfit", "The promoter profit takes exactly one of percentageOfExpenses and amount.");
  }
  return percentageOfExpenses != null
    ? { kind: "PERCENTAGE_OF_EXPENSES", percentage: validPercentage(percentageOfExpenses, "promoterProfit.percentageOfExpenses") }
    : { kind: "AMOUNT", amount: amountIn(currency, amount!, "promoterProfit.amount", "zeroOrMore") };
}

function validTicketBonuses(currency: string, bonuses: NonNullable<DealTermsInput["ticketBonuses"]>): TicketBonus[] {
  if (bonuses.length > maxTicketBonuses) throw invalidDealTerms("ticketBonuses", `A deal takes at most ${maxTicketBonuses} ticket bonuses.`);
  return bonuses.map(({ ticketsSold, bonus }, index) => {
    const field = `ticketBonuses[${index}]`;
    if (!Number.isInteger(ticketsSold) || ticketsSold < 1 || ticketsSold > maxBonusThreshold) {
      throw invalidDealTerms(`${field}.ticketsSold`, `${field}.ticketsSold must be a whole number from 1 to ${maxBonusThreshold} (got ${ticketsSold}).`);
    }
    const previous = bonuses[index - 1];
    if (previous && ticketsSold <= previous.ticketsSold) {
      throw invalidDealTerms(`${field}.ticketsSold`, `${field}.ticketsSold (${ticketsSold}) must be higher than the bonus before it (${previous.ticketsSold}).`);
    }
    return { ticketsSold, bonus: amountIn(currency, bonus, `${field}.bonus`, "positive") };
  });
}

function validBuyouts(currency: string, buyouts: readonly BuyoutInput[]): Buyout[] {
  if (buyouts.length > MAX_BUYOUTS) throw invalidDealTerms("buyouts", `A deal takes at most ${MAX_BUYOUTS} buyouts (got ${buyouts.length}).`);
  return buyouts.map(({ label, amount }, index) => {
    const field = `buyouts[${index}]`;
    const trimmed = label.trim();
    if (trimmed.length < 1 || trimmed.length > MAX_BUYOUT_LABEL_LENGTH) {
      throw invalidDealTerms(`${field}.label`, `${field}.label must say what the buyout is for in 1 to ${MAX_BUYOUT_LABEL_LENGTH} characters (got ${trimmed.length}).`);
    }
    return { label: trimmed, amount: amountIn(currency, amount, `${field}.amount`, "positive") };
  });
}

function amountIn(currency: string, input: DealMoneyInput, field: string, range: "positive" | "zeroOrMore"): Money {
  if (input.currency !== currency) throw invalidDealTerms(field, `The ${field} is in ${input.currency} but the deal is in ${currency}.`);
  if (!plainDecimal.test(input.amount)) {
    throw invalidDealTerms(field, `The ${field} "${input.amount}" must be a plain decimal number of zero or more, e.g. "1200.50".`);
  }
  const amount = new Decimal(input.amount);
  const minorUnits = minorUnitsOf(currency) ?? 0;
  if (amount.decimalPlaces() > minorUnits) throw invalidDealTerms(field, `The ${field} "${input.amount}" has more decimals than ${currency}'s ${minorUnits}.`);
  if (amount.truncated().toFixed().length > maxIntegerDigits) throw invalidDealTerms(field, `The ${field} "${input.amount}" is too large.`);
  if (range === "positive" && amount.isZero()) throw invalidDealTerms(field, `The ${field} must be more than zero.`);
  return { amount, currency };
}

function validPercentage(written: string, field: string): Decimal {
  if (!percentageString.test(written)) {
    throw invalidDealTerms(field, `The ${field} "${written}" must be a decimal number of percent with at most 2 decimals, e.g. "85" or "82.5".`);
  }
  const percentage = new Decimal(written);
  if (percentage.isZero() || percentage.greaterThan(100)) throw invalidDealTerms(field, `The ${field} must be above 0 and at most 100, got ${written}.`);
  return percentage;
}
