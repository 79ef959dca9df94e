// What the data layer hands to the resolvers (codegen's mappers point here), and how
// Finance's rows become them: money as exact domain Money, dates and instants as the API
// writes them, so that no resolver ever handles a Prisma type.
import { moneyOf, parseDealTerms, type DealMoneyInput, type DealTerms, type DealTermsDifference, type DealTermsInput } from "@marquee/kit";
import type { Expense, Income, IncomeSource, Prisma, Settlement, SettlementAct, SettlementDeduction, SettlementLine, SettlementPayment, SettlementTicketBonus, SettlementBuyout, SettlementReimbursement } from "../__generated__/prisma/client.ts";
import { Decimal } from "decimal.js";
import {
  type ActFigures,
  type Deduction,
  type DeductionFigures,
  type ExpenseCategory,
  type ExpenseSheet,
  type Money,
  type Reimbursement,
  type SettlementPaymentKind,
  type SettlementStatus,
  type SettlementWaterfall,
  type WaterfallLine,
} from "../domain/index.ts";

/** An entity Base owns (an Event, an Artist), known here by its id alone. */
export interface EntityReference {
  id: string;
}

export interface ExpenseRecord {
  id: string;
  /** Null for company overhead. */
  eventId: string | null;
  category: ExpenseCategory;
  description: string;
  vendor: string | null;
  amount: Money;
  /** On the artist's sheet (the acts' deals count it) or house only. */
  sheet: ExpenseSheet;
  /** YYYY-MM-DD. */
  incurredOn: string;
  /** ISO 8601 instant. */
  createdAt: string;
  createdBy: string;
}

export interface IncomeRecord {
  id: string;
  /** Null for income not tied to one event. */
  eventId: string | null;
  source: IncomeSource;
  description: string;
  payer: string | null;
  amount: Money;
  /** YYYY-MM-DD. */
  receivedOn: string;
  /** ISO 8601 instant. */
  createdAt: string;
  createdBy: string;
}

/**
 * A settlement's show totals as frozen at approval, the promoter result the artist's sheet
 * shows among them (each act's figures are frozen with its act, each deduction's with it).
 */
export type FrozenTotals = Omit<SettlementWaterfall, "lines" | "acts" | "deductionFigures" | "artistSheet"> & { artistPromoterResult: Money };

/** A deduction as entered, with its base and amount once frozen. */
export interface DeductionRecord {
  deduction: Deduction;
  /** What it came to at approval; null while the settlement is a DRAFT. */
  frozen: Pick<DeductionFigures, "base" | "amount"> | null;
}

/** A deduction as the API shows it: with its place in the order entered and the settlement whose sheet works it out. */
export interface SettlementDeductionRecord extends DeductionRecord {
  position: number;
  settlement: SettlementRecord;
}

/** One act on a settlement's bill. */
export interface SettlementActRecord {
  artistId: string;
  /** 0 is the headliner. */
  billingPosition: number;
  dealTerms: DealTerms;
  /** The costs the artist paid that the promoter repays, in the order entered; empty when none. */
  reimbursements: Reimbursement[];
  /** The signed contract (Market's) the act is paid under; null when entered without one. */
  contractId: string | null;
  /** The act's figures as frozen at approval; null while the settlement is a DRAFT. */
  frozenFigures: ActFigures | null;
}

export interface SettlementRecord {
  id: string;
  eventId: string;
  status: SettlementStatus;
  currency: string;
  /** The acts in billing order: the headliner first. */
  bill: SettlementActRecord[];
  createdAt: string;
  createdBy: string;
  approval: { approvedAt: string; approvedBy: string } | null;
  payment: { reference: string; paidOn: string; recordedAt: string; recordedBy: string } | null;
  /** Null while the settlement is a DRAFT. */
  frozenTotals: FrozenTotals | null;
}

/** An act as the API shows it: with the settlement it is on, whose sheet its figures come from. */
export interface BilledActRecord extends SettlementActRecord {
  settlement: SettlementRecord;
}

/** A contract (Market's) as Finance sees it: the reference, with the terms the gateway brings along when they are asked for. */
export interface ContractReference {
  id: string;
  /** Market's `Contract.terms`, as `Contract.settlementComparison` @requires them; absent when Market did not give them. */
  terms?: ContractTermsRepresentation | null;
}

/** Market's terms as the gateway passes them: the shape of `DealTermsVersion`, amounts as decimal strings. */
export interface ContractTermsRepresentation extends DealTermsInput {
  currency: string;
}

/** The act a contract pays, the contract's terms read in the contract's own currency, and the terms on which they differ. */
export interface ContractComparisonRecord {
  act: BilledActRecord;
  contractTerms: DealTerms;
  differences: DealTermsDifference[];
}

/** One act's figures as the API shows them: live for a draft, frozen once approved; what was paid is read with the settlement's payments. */
export interface ActFiguresRecord extends ActFigures {
  frozen: boolean;
  settlement: SettlementRecord;
}

/** A payment recorded to one act of a settlement's bill. */
export interface PaymentRecord {
  id: string;
  settlementId: string;
  artistId: string;
  kind: SettlementPaymentKind;
  amount: Money;
  /** YYYY-MM-DD. */
  paidOn: string;
  reference: string;
  /** ISO 8601 instant. */
  recordedAt: string;
  recordedBy: string;
}

/** A settlement's two sheets (the promoter's books, and the artist's inside them): live for a draft, frozen once approved. */
export interface SettlementFiguresRecord extends SettlementWaterfall {
  frozen: boolean;
}

/** Which of a settlement's sheets: the promoter's books, or the sheet the artist sees. */
export type SettlementSheet = "INTERNAL" | "ARTIST";

/** One of a settlement's sheets as the API shows it. */
export interface SettlementSheetRecord extends Omit<SettlementFiguresRecord, "lines" | "houseExpenses" | "promoterResult" | "artistSheet"> {
  sheet: SettlementSheet;
  lines: readonly WaterfallLine[];
  /** Null on the artist's sheet, which does not show them. */
  houseExpenses: Money | null;
  promoterResult: Money;
}

/** One currency's totals; amounts in different currencies are never added together. */
export interface FinanceTotalsRecord {
  currency: string;
  totalExpenses: Money;
  totalIncome: Money;
  net: Money;
}

/** A Date column holds midnight UTC of its day. */
export function dateColumn(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** A date column as the API shows it: YYYY-MM-DD. */
export const dayOf = (date: Date) => date.toISOString().slice(0, 10);

export function expenseRecord(row: Expense): ExpenseRecord {
  return {
    id: row.id,
    eventId: row.eventId,
    category: row.category,
    description: row.description,
    vendor: row.vendor,
    amount: moneyOf(row.amount, row.currency),
    sheet: row.sheet,
    incurredOn: dayOf(row.incurredOn),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
  };
}

export function incomeRecord(row: Income): IncomeRecord {
  return {
    id: row.id,
    eventId: row.eventId,
    source: row.source,
    description: row.description,
    payer: row.payer,
    amount: moneyOf(row.amount, row.currency),
    receivedOn: dayOf(row.receivedOn),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
  };
}

/** A settlement row with its acts, each with its ticket bonuses, buyouts and reimbursements. */
export type SettlementRow = Settlement & { acts: readonly SettlementActRow[] };
export type SettlementActRow = SettlementAct & {
  ticketBonuses: readonly SettlementTicketBonus[];
  buyouts: readonly SettlementBuyout[];
  reimbursements: readonly SettlementReimbursement[];
};

/**
 * Every read of a settlement brings its bill in billing order, each act with its ticket
 * bonuses (lowest threshold first), its buyouts and its reimbursements (in the order entered).
 */
export const withBill = {
  acts: {
    orderBy: { billingPosition: "asc" },
    include: { ticketBonuses: { orderBy: { position: "asc" } }, buyouts: { orderBy: { position: "asc" } }, reimbursements: { orderBy: { position: "asc" } } },
  },
} as const;

export function settlementRecord(row: SettlementRow): SettlementRecord {
  return writtenSettlementRecord(
    row,
    row.acts.map((act) => actRecord(act, dealTermsOf(act), act.reimbursements.map((repaid) => ({ label: repaid.label, amount: moneyOf(repaid.amount, repaid.currency) })))),
  );
}

/** A settlement row whose bill the caller has just written or read, and so already holds. */
export function writtenSettlementRecord(row: Settlement, bill: SettlementActRecord[]): SettlementRecord {
  return {
    id: row.id,
    eventId: row.eventId,
    status: row.status,
    currency: row.currency,
    bill,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    approval: row.approvedAt && row.approvedBy ? { approvedAt: row.approvedAt.toISOString(), approvedBy: row.approvedBy } : null,
    payment:
      row.paymentReference && row.paidOn && row.paymentRecordedAt && row.paymentRecordedBy
        ? {
            reference: row.paymentReference,
            paidOn: dayOf(row.paidOn),
            recordedAt: row.paymentRecordedAt.toISOString(),
            recordedBy: row.paymentRecordedBy,
          }
        : null,
    frozenTotals: frozenTotalsOf(row),
  };
}

/** An act row whose deal terms are known (read with it, or just written). */
export function actRecord(row: SettlementAct, dealTerms: DealTerms, reimbursements: Reimbursement[]): SettlementActRecord {
  const money = (amount: Prisma.Decimal | null) => (amount === null ? null : moneyOf(amount, row.currency));
  const { frozenPayout, frozenDealAmount, frozenBonuses, frozenWithholding, frozenBuyouts, frozenReimbursements, frozenNetPayable } = row;
  return {
    artistId: row.artistId,
    billingPosition: row.billingPosition,
    dealTerms,
    reimbursements,
    contractId: row.contractId,
    frozenFigures:
      frozenPayout === null ||
      frozenDealAmount === null ||
      frozenBonuses === null ||
      frozenWithholding === null ||
      frozenBuyouts === null ||
      frozenReimbursements === null ||
      frozenNetPayable === null
        ? null
        : {
            artistId: row.artistId,
            billingPosition: row.billingPosition,
            payout: moneyOf(frozenPayout, row.currency),
            dealAmount: moneyOf(frozenDealAmount, row.currency),
            bonuses: moneyOf(frozenBonuses, row.currency),
            promoterProfit: money(row.frozenPromoterProfit),
            splitPoint: money(row.frozenSplitPoint),
            expensesCounted: money(row.frozenExpensesCounted),
            withholding: moneyOf(frozenWithholding, row.currency),
            buyouts: moneyOf(frozenBuyouts, row.currency),
            reimbursements: moneyOf(frozenReimbursements, row.currency),
            netPayable: moneyOf(frozenNetPayable, row.currency),
          },
  };
}

/**
 * The terms were parsed by the same rules when they were written, and the table's CHECKs
 * and keys hold them to what their deal type takes, so this parse cannot fail.
 */
function dealTermsOf(row: SettlementActRow): DealTerms {
  const written = (amount: Prisma.Decimal | null): DealMoneyInput | null => (amount === null ? null : { amount: amount.toFixed(), currency: row.currency });
  const { promoterProfitPercentage, promoterProfitAmount } = row;
  return parseDealTerms(
    {
      dealType: row.dealType,
      guarantee: written(row.guarantee),
      percentage: row.percentage?.toFixed() ?? null,
      perTicket: written(row.perTicket),
      promoterProfit:
        promoterProfitPercentage === null && promoterProfitAmount === null
          ? null
          : { percentageOfExpenses: promoterProfitPercentage?.toFixed() ?? null, amount: written(promoterProfitAmount) },
      expenseCap: written(row.expenseCap),
      ticketBonuses: row.ticketBonuses.map((bonus) => ({ ticketsSold: bonus.ticketsSold, bonus: { amount: bonus.bonus.toFixed(), currency: bonus.currency } })),
      deposit: written(row.deposit),
      withholdingRate: row.withholdingRate?.toFixed() ?? null,
      buyouts: row.buyouts.map((buyout) => ({ label: buyout.label, amount: { amount: buyout.amount.toFixed(), currency: buyout.currency } })),
    },
    row.currency,
  );
}

function frozenTotalsOf(row: Settlement): FrozenTotals | null {
  const {
    frozenGrossTicketSales: grossTicketSales,
    frozenDeductions: deductions,
    frozenAdjustedGross: adjustedGross,
    frozenTotalExpenses: totalExpenses,
    frozenNet: net,
    frozenArtistPayouts: artistPayouts,
    frozenPromoterResult: promoterResult,
    frozenHouseExpenses: houseExpenses,
    frozenArtistPromoterResult: artistPromoterResult,
  } = row;
  if (
    grossTicketSales === null ||
    deductions === null ||
    adjustedGross === null ||
    totalExpenses === null ||
    net === null ||
    artistPayouts === null ||
    promoterResult === null ||
    houseExpenses === null ||
    artistPromoterResult === null
  ) {
    return null;
  }
  const money = (amount: Prisma.Decimal) => moneyOf(amount, row.currency);
  return {
    grossTicketSales: money(grossTicketSales),
    deductions: money(deductions),
    adjustedGross: money(adjustedGross),
    totalExpenses: money(totalExpenses),
    net: money(net),
    artistPayouts: money(artistPayouts),
    houseExpenses: money(houseExpenses),
    promoterResult: money(promoterResult),
    artistPromoterResult: money(artistPromoterResult),
    ticketsSold: row.frozenTicketsSold,
  };
}

/** The table's CHECKs hold a row to exactly the term its basis is worked out from. */
export function deductionRecord(row: SettlementDeduction): DeductionRecord {
  const termOf = (value: Prisma.Decimal | null) => {
    if (value === null) throw new Error(`Deduction ${row.position} of settlement ${row.settlementId} is ${row.basis} without its term.`);
    return value;
  };
  const { label, basis, currency } = row;
  const deduction: Deduction =
    basis === "FLAT"
      ? { label, basis, amount: moneyOf(termOf(row.amount), currency) }
      : basis === "PER_TICKET"
        ? { label, basis, perTicket: moneyOf(termOf(row.perTicket), currency) }
        : { label, basis, rate: new Decimal(termOf(row.rate).toFixed()) };
  return {
    deduction,
    frozen: row.frozenAmount === null ? null : { base: row.frozenBase === null ? null : moneyOf(row.frozenBase, currency), amount: moneyOf(row.frozenAmount, currency) },
  };
}

export function waterfallLine(row: SettlementLine, currency: string): WaterfallLine {
  return { kind: row.kind, label: row.label, amount: moneyOf(row.amount, currency) };
}

export function paymentRecord(row: SettlementPayment): PaymentRecord {
  return {
    id: row.id,
    settlementId: row.settlementId,
    artistId: row.artistId,
    kind: row.kind,
    amount: moneyOf(row.amount, row.currency),
    paidOn: dayOf(row.paidOn),
    reference: row.reference,
    recordedAt: row.recordedAt.toISOString(),
    recordedBy: row.recordedBy,
  };
}
