// What the data layer hands to the resolvers (codegen's mappers point here), and how
// Finance's rows become them: money as exact domain Money, dates and instants as the API
// writes them, so that no resolver ever handles a Prisma type.
import { moneyOf, parseDealTerms, type DealMoneyInput, type DealTerms } from "@marquee/kit";
import type { Expense, Income, IncomeSource, Prisma, Settlement, SettlementAct, SettlementDeduction, SettlementLine, SettlementPayment, SettlementTicketBonus } from "../__generated__/prisma/client.ts";
import {
  type ActFigures,
  type Deduction,
  type ExpenseCategory,
  type Money,
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

/** A settlement's show totals as frozen at approval (each act's figures are frozen with its act). */
export type FrozenTotals = Omit<SettlementWaterfall, "lines" | "acts">;

/** One act on a settlement's bill. */
export interface SettlementActRecord {
  artistId: string;
  /** 0 is the headliner. */
  billingPosition: number;
  dealTerms: DealTerms;
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

/** A settlement sheet: live for a draft, frozen once approved. */
export interface SettlementFiguresRecord extends SettlementWaterfall {
  frozen: boolean;
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

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

export function expenseRecord(row: Expense): ExpenseRecord {
  return {
    id: row.id,
    eventId: row.eventId,
    category: row.category,
    description: row.description,
    vendor: row.vendor,
    amount: moneyOf(row.amount, row.currency),
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

/** A settlement row with its acts, each with its ticket bonuses. */
export type SettlementRow = Settlement & { acts: readonly SettlementActRow[] };
export type SettlementActRow = SettlementAct & { ticketBonuses: readonly SettlementTicketBonus[] };

/** Every read of a settlement brings its bill in billing order, each act with its ticket bonuses, lowest threshold first. */
export const withBill = { acts: { orderBy: { billingPosition: "asc" }, include: { ticketBonuses: { orderBy: { position: "asc" } } } } } as const;

export function settlementRecord(row: SettlementRow): SettlementRecord {
  return writtenSettlementRecord(row, row.acts.map((act) => actRecord(act, dealTermsOf(act))));
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
export function actRecord(row: SettlementAct, dealTerms: DealTerms): SettlementActRecord {
  const money = (amount: Prisma.Decimal | null) => (amount === null ? null : moneyOf(amount, row.currency));
  const { frozenPayout, frozenDealAmount, frozenBonuses, frozenWithholding, frozenNetPayable } = row;
  return {
    artistId: row.artistId,
    billingPosition: row.billingPosition,
    dealTerms,
    frozenFigures:
      frozenPayout === null || frozenDealAmount === null || frozenBonuses === null || frozenWithholding === null || frozenNetPayable === null
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
  } = row;
  if (
    grossTicketSales === null ||
    deductions === null ||
    adjustedGross === null ||
    totalExpenses === null ||
    net === null ||
    artistPayouts === null ||
    promoterResult === null
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
    promoterResult: money(promoterResult),
    ticketsSold: row.frozenTicketsSold,
  };
}

export function deductionRecord(row: SettlementDeduction): Deduction {
  return { label: row.label, amount: moneyOf(row.amount, row.currency) };
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
