// What the data layer hands to the resolvers (codegen's mappers point here), and how
// Market's rows become them: money as exact amounts, instants as the API writes them, a
// deal's status as it stands at the instant it was read.
import { Decimal } from "decimal.js";
import { moneyOf, type Buyout, type DealTerms, type PromoterProfit, type TicketBonus } from "@marquee/kit";
import type { Contract, Deal, DealTermsBonus, DealTermsBuyout, DealTermsVersion, Prisma } from "../__generated__/prisma/client.ts";
import { dealStatusAt, type ContractStatus, type DealStatus, type NegotiatingSide, type OfferTerms, type StoredDealStatus } from "../domain/index.ts";

/** An entity Base owns (an Event, an Artist), known here by its id alone. */
export interface EntityReference {
  id: string;
}

/** The columns of a deal's current version that its status depends on. */
export const currentVersionSummary = { currentVersion: { select: { number: true, offerExpiresAt: true } } } as const;
export type DealRow = Deal & { currentVersion: { number: number; offerExpiresAt: Date | null } | null };

export interface DealRecord {
  id: string;
  artistId: string;
  eventId: string | null;
  /** The status at the instant the deal was read. */
  status: DealStatus;
  storedStatus: StoredDealStatus;
  currentVersionId: string;
  currentVersionNumber: number;
  acceptedVersionId: string | null;
  notes: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  decision: { decidedAt: string; decidedBy: string } | null;
}

/** The terms of a version as its own row holds them; the deal's ticket bonuses and buyouts are rows of their own. */
export type VersionTerms = Omit<OfferTerms, "deal"> & { readonly deal: Omit<DealTerms, "ticketBonuses" | "buyouts"> };

export interface TermsVersionRecord {
  id: string;
  dealId: string;
  number: number;
  kind: "DRAFT" | "OFFER" | "COUNTER_OFFER";
  side: NegotiatingSide;
  author: string;
  createdAt: string;
  terms: VersionTerms;
}

export interface SignatureRecord {
  signerName: string;
  signedAt: string;
  recordedBy: string;
}

export interface ContractRecord {
  id: string;
  dealId: string;
  termsVersionId: string;
  status: ContractStatus;
  createdAt: string;
  createdBy: string;
  sentAt: string | null;
  promoterSignature: SignatureRecord | null;
  artistSignature: SignatureRecord | null;
  voiding: { reason: string; voidedAt: string; voidedBy: string } | null;
}

export function dealRecord(row: DealRow, now: Date): DealRecord {
  // The creating transaction writes the first version before anyone can read the deal.
  if (!row.currentVersion || !row.currentVersionId) throw new Error(`Deal ${row.id} has no current version.`);
  return {
    id: row.id,
    artistId: row.artistId,
    eventId: row.eventId,
    status: dealStatusAt(row.status, row.currentVersion.offerExpiresAt, now),
    storedStatus: row.status,
    currentVersionId: row.currentVersionId,
    currentVersionNumber: row.currentVersion.number,
    acceptedVersionId: row.acceptedVersionId,
    notes: row.notes,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    updatedAt: row.updatedAt.toISOString(),
    decision: row.decidedAt && row.decidedBy ? { decidedAt: row.decidedAt.toISOString(), decidedBy: row.decidedBy } : null,
  };
}

export function termsVersionRecord(row: DealTermsVersion): TermsVersionRecord {
  const money = (amount: Prisma.Decimal | null) => (amount === null ? null : moneyOf(amount, row.currency));
  return {
    id: row.id,
    dealId: row.dealId,
    number: row.number,
    kind: row.kind,
    side: row.side,
    author: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    terms: {
      deal: {
        type: row.dealType,
        currency: row.currency,
        guarantee: money(row.guarantee),
        percentage: row.percentage === null ? null : new Decimal(row.percentage.toFixed()),
        perTicket: money(row.perTicket),
        promoterProfit: promoterProfit(row),
        expenseCap: money(row.expenseCap),
        deposit: money(row.deposit),
        withholdingRate: row.withholdingRate === null ? null : new Decimal(row.withholdingRate.toFixed()),
      },
      offerExpiresAt: row.offerExpiresAt,
      // The table's CHECK keeps a clause whole or absent.
      radiusClause:
        row.radiusKm !== null && row.radiusDaysBefore !== null && row.radiusDaysAfter !== null
          ? { kilometres: row.radiusKm, daysBefore: row.radiusDaysBefore, daysAfter: row.radiusDaysAfter }
          : null,
      estimatedExpenses: money(row.estimatedExpenses),
    },
  };
}

/** The table's CHECK keeps at most one of the two columns set. */
function promoterProfit(row: DealTermsVersion): PromoterProfit | null {
  if (row.promoterProfitPercentage !== null) return { kind: "PERCENTAGE_OF_EXPENSES", percentage: new Decimal(row.promoterProfitPercentage.toFixed()) };
  if (row.promoterProfitAmount !== null) return { kind: "AMOUNT", amount: moneyOf(row.promoterProfitAmount, row.currency) };
  return null;
}

export function ticketBonus(row: DealTermsBonus): TicketBonus {
  return { ticketsSold: row.ticketsSold, bonus: moneyOf(row.bonus, row.currency) };
}

export function buyout(row: DealTermsBuyout): Buyout {
  return { label: row.label, amount: moneyOf(row.amount, row.currency) };
}

export function contractRecord(row: Contract): ContractRecord {
  const signature = (signerName: string | null, signedAt: Date | null, recordedBy: string | null) =>
    signerName && signedAt && recordedBy ? { signerName, signedAt: signedAt.toISOString(), recordedBy } : null;
  return {
    id: row.id,
    dealId: row.dealId,
    termsVersionId: row.termsVersionId,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    sentAt: row.sentAt?.toISOString() ?? null,
    promoterSignature: signature(row.promoterSignerName, row.promoterSignedAt, row.promoterSignatureBy),
    artistSignature: signature(row.artistSignerName, row.artistSignedAt, row.artistSignatureBy),
    voiding:
      row.voidReason && row.voidedAt && row.voidedBy ? { reason: row.voidReason, voidedAt: row.voidedAt.toISOString(), voidedBy: row.voidedBy } : null,
  };
}
