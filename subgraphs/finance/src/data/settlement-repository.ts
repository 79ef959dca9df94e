// The company's settlements and their lifecycle. Each change of state is a conditional
// UPDATE on the state it starts from (`... WHERE status = 'DRAFT'`), so that of two
// requests racing to approve or edit one settlement exactly one wins, whatever the
// isolation level; the table's CHECKs and the lines' primary key back that up.
import DataLoader from "dataloader";
import { badUserInput, dealNeedsTicketCount, isInstantKey, isUuid, newestFirst, newestFirstAfter, notFound, pageRequest, parentPages, rowsPerKey, sameId, toConnection, type ChildList, type Connection, type DealTerms, type PageArgs, type SortKey, type Tenant } from "@marquee/kit";
import {
  assertEditable,
  assertSettlementTerms,
  assertTransition,
  isStorable,
  type Deduction,
  type SettlementStatus,
  type SettlementTerms,
} from "../domain/index.ts";
import { financeSchema, type FinancePrisma, type FinanceTransaction } from "./finance-database.ts";
import type { ExpenseRepository } from "./expense-repository.ts";
import type { IncomeRepository } from "./income-repository.ts";
import {
  dateColumn,
  deductionRecord,
  expenseRecord,
  incomeRecord,
  settlementRecord,
  waterfallLine,
  withTicketBonuses,
  writtenSettlementRecord,
  type SettlementFiguresRecord,
  type SettlementRecord,
} from "./records.ts";
import { frozenFigures, liveFigures } from "./settlement-figures.ts";

export interface SettlementFilter {
  eventId?: string | null;
  artistId?: string | null;
  status?: SettlementStatus | null;
}

/** Parts of a draft to replace; a part left undefined is kept. */
export type SettlementChanges = Partial<SettlementTerms>;

export interface SettlementPayment {
  reference: string;
  paidOn: string;
}

const settlementsOfArtist: ChildList = {
  schema: financeSchema,
  table: "settlement",
  parentColumn: "artist_id",
  sortColumn: "created_at",
  sortType: "timestamptz",
  direction: "DESC",
};
const sortKeyOf = (settlement: SettlementRecord): SortKey => [settlement.createdAt, settlement.id];

export type SettlementRepository = ReturnType<typeof createSettlementRepository>;

export function createSettlementRepository(
  prisma: FinancePrisma,
  { companyId, userId }: Tenant,
  ledger: { expenses: ExpenseRepository; incomes: IncomeRepository },
) {
  const unknown = (id: string) => notFound(`There is no settlement "${id}".`, { id });

  const deductionsOf = new DataLoader(async (settlementIds: readonly string[]) => {
    const rows = await prisma.settlementDeduction.findMany({
      where: { companyId, settlementId: { in: [...settlementIds] } },
      orderBy: [{ settlementId: "asc" }, { position: "asc" }],
    });
    return rowsPerKey(settlementIds, rows, (row) => row.settlementId).map((deductions) => deductions.map(deductionRecord));
  });

  const frozenLinesOf = new DataLoader(async (settlementIds: readonly string[]) => {
    const rows = await prisma.settlementLine.findMany({
      where: { companyId, settlementId: { in: [...settlementIds] } },
      orderBy: [{ settlementId: "asc" }, { position: "asc" }],
    });
    return rowsPerKey(settlementIds, rows, (row) => row.settlementId);
  });

  async function find(id: string, db: FinanceTransaction = prisma): Promise<SettlementRecord | null> {
    if (!isUuid(id)) return null;
    const row = await db.settlement.findFirst({ where: { id, companyId }, include: withTicketBonuses });
    return row && settlementRecord(row);
  }

  async function existing(db: FinanceTransaction, id: string): Promise<SettlementRecord> {
    const settlement = await find(id, db);
    if (!settlement) throw unknown(id);
    return settlement;
  }

  /**
   * A conditional update matched no row: another request deleted the settlement or moved
   * it on first. Reading it again (a later snapshot) names what happened.
   */
  async function refusal(db: FinanceTransaction, id: string, check: (status: SettlementStatus) => void): Promise<never> {
    check((await existing(db, id)).status);
    throw new Error(`Settlement ${id} changed state while it was being written.`);
  }

  async function deductionsIn(db: FinanceTransaction, settlementId: string): Promise<Deduction[]> {
    const rows = await db.settlementDeduction.findMany({ where: { companyId, settlementId }, orderBy: { position: "asc" } });
    return rows.map(deductionRecord);
  }

  function deductionRows(settlementId: string, deductions: readonly Deduction[]) {
    return deductions.map((deduction, position) => ({
      companyId,
      settlementId,
      position,
      label: deduction.label,
      amount: deduction.amount.amount.toFixed(),
      currency: deduction.amount.currency,
    }));
  }

  function ticketBonusRows(settlementId: string, dealTerms: DealTerms) {
    return dealTerms.ticketBonuses.map((bonus, position) => ({
      companyId,
      settlementId,
      position,
      ticketsSold: bonus.ticketsSold,
      bonus: bonus.bonus.amount.toFixed(),
      currency: bonus.bonus.currency,
    }));
  }

  /** Writes a settlement's children: its deductions and its deal's ticket bonuses. */
  async function writeChildren(db: FinanceTransaction, settlementId: string, terms: SettlementTerms) {
    await db.settlementDeduction.createMany({ data: deductionRows(settlementId, terms.deductions) });
    await db.settlementTicketBonus.createMany({ data: ticketBonusRows(settlementId, terms.dealTerms) });
  }

  return {
    find,

    async list(filter: SettlementFilter, args: PageArgs): Promise<Connection<SettlementRecord>> {
      const page = pageRequest(args, isInstantKey);
      const rows = await prisma.settlement.findMany({
        where: {
          AND: [
            { companyId },
            ...(filter.eventId != null ? [{ eventId: sameId(filter.eventId) }] : []),
            ...(filter.artistId != null ? [{ artistId: sameId(filter.artistId) }] : []),
            ...(filter.status ? [{ status: filter.status }] : []),
            ...(page.after ? [newestFirstAfter("createdAt", page.after)] : []),
          ],
        },
        orderBy: newestFirst("createdAt"),
        take: page.take + 1,
        include: withTicketBonuses,
      });
      return toConnection(rows.map(settlementRecord), page.take, sortKeyOf);
    },

    /** An event's settlements, oldest first. */
    ofEvent: new DataLoader(async (eventIds: readonly string[]) => {
      const rows = await prisma.settlement.findMany({
        where: { companyId, eventId: { in: [...eventIds] } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: withTicketBonuses,
      });
      return rowsPerKey(eventIds, rows.map(settlementRecord), (settlement) => settlement.eventId);
    }),

    /** A page of an artist's settlements, newest first. */
    pageOfArtist: parentPages({
      prisma,
      companyId,
      list: settlementsOfArtist,
      isKey: isInstantKey,
      loadByIds: async (ids) => (await prisma.settlement.findMany({ where: { companyId, id: { in: ids } }, include: withTicketBonuses })).map(settlementRecord),
      idOf: (settlement) => settlement.id,
      keyOf: sortKeyOf,
    }),

    deductions: (settlement: SettlementRecord) => deductionsOf.load(settlement.id),

    /**
     * The frozen sheet once approved; for a draft, the sheet as the event's ledger stands
     * now. `ticketsSold` is the event's paid tickets as Base counts them now, which the
     * caller reads for a draft whose deal is paid by them (`dealNeedsTicketCount`) and
     * passes as null otherwise: an approved settlement shows the count frozen with it.
     */
    async figures(settlement: SettlementRecord, ticketsSold: number | null): Promise<SettlementFiguresRecord> {
      if (settlement.frozenTotals) {
        const lines = await frozenLinesOf.load(settlement.id);
        return frozenFigures(settlement.frozenTotals, lines.map((line) => waterfallLine(line, settlement.currency)));
      }
      const [deductions, ticketing, expenses] = await Promise.all([
        deductionsOf.load(settlement.id),
        ledger.incomes.ticketingOfEvent.load(settlement.eventId),
        ledger.expenses.allOfEvent.load(settlement.eventId),
      ]);
      return liveFigures(settlement, deductions, { ticketing, expenses }, ticketsSold);
    },

    /** Opens a draft; the event and the artist must already be known to exist in Base. */
    async create(eventId: string, artistId: string, terms: SettlementTerms): Promise<SettlementRecord> {
      assertSettlementTerms(terms);
      const settlement = await prisma.$transaction(async (tx) => {
        // ON CONFLICT DO NOTHING: the unique (company, event, artist) decides, race or not.
        const [row] = await tx.settlement.createManyAndReturn({
          data: [{ companyId, createdBy: userId, eventId, artistId, ...termColumns(terms) }],
          skipDuplicates: true,
        });
        if (!row) {
          throw badUserInput(`Artist "${artistId}" already has a settlement for event "${eventId}"; update that one instead.`, { eventId, artistId });
        }
        await writeChildren(tx, row.id, terms);
        return writtenSettlementRecord(row, terms.dealTerms);
      });
      deductionsOf.prime(settlement.id, [...terms.deductions]);
      return settlement;
    },

    /** Replaces parts of a draft's terms; the terms as a whole are checked again. */
    async update(id: string, changes: SettlementChanges): Promise<SettlementRecord> {
      const { settlement, deductions } = await prisma.$transaction(async (tx) => {
        const current = await existing(tx, id);
        assertEditable(current.status);
        const terms: SettlementTerms = {
          currency: changes.currency ?? current.currency,
          dealTerms: changes.dealTerms ?? current.dealTerms,
          deductions: changes.deductions ?? (await deductionsIn(tx, id)),
        };
        assertSettlementTerms(terms);
        // The children go first: their foreign keys hold them to the settlement's currency.
        await tx.settlementDeduction.deleteMany({ where: { companyId, settlementId: id } });
        await tx.settlementTicketBonus.deleteMany({ where: { companyId, settlementId: id } });
        const [row] = await tx.settlement.updateManyAndReturn({ where: { id, companyId, status: "DRAFT" }, data: termColumns(terms) });
        if (!row) return refusal(tx, id, assertEditable);
        await writeChildren(tx, id, terms);
        return { settlement: writtenSettlementRecord(row, terms.dealTerms), deductions: [...terms.deductions] };
      });
      deductionsOf.clear(id).prime(id, deductions);
      return settlement;
    },

    /**
     * Approves a draft exactly once: the sheet is computed from the event's ledger inside
     * the transaction, and written (totals and lines) only if this request is the one
     * whose conditional UPDATE moved the settlement out of DRAFT. `ticketsSold` is the
     * event's paid tickets, read from Base before the transaction by a caller that saw a
     * deal paid by them, and frozen with the sheet; null for any other deal.
     */
    async approve(id: string, ticketsSold: number | null): Promise<SettlementRecord> {
      return prisma.$transaction(async (tx) => {
        const current = await existing(tx, id);
        assertTransition(current.status, "APPROVED");
        if (ticketsSold === null && dealNeedsTicketCount(current.dealTerms)) {
          // The caller read the terms before another request changed them to a deal paid by the tickets sold.
          throw badUserInput("The settlement's deal changed while it was being approved; approve it again.", { id });
        }
        const deductions = await deductionsIn(tx, id);
        const expenses = await tx.expense.findMany({ where: { companyId, eventId: current.eventId } });
        const ticketing = await tx.income.findMany({ where: { companyId, eventId: current.eventId, source: "TICKETING" } });
        const figures = liveFigures(current, deductions, { expenses: expenses.map(expenseRecord), ticketing: ticketing.map(incomeRecord) }, ticketsSold);
        const frozen = [
          figures.grossTicketSales,
          figures.deductions,
          figures.adjustedGross,
          figures.totalExpenses,
          figures.net,
          figures.artistPayout,
          figures.promoterResult,
          ...(figures.promoterProfit ? [figures.promoterProfit] : []),
          ...(figures.splitPoint ? [figures.splitPoint] : []),
          ...figures.lines.map((line) => line.amount),
        ];
        // A figure the database cannot hold would fail the write below with a 500; it is the ledger's problem, said as such.
        if (!frozen.every(isStorable)) {
          throw badUserInput("The settlement's figures pass the largest amount that can be recorded (999,999,999,999,999.9999); check the event's income and expenses.", { id });
        }

        const [row] = await tx.settlement.updateManyAndReturn({
          where: { id, companyId, status: "DRAFT" },
          data: {
            status: "APPROVED",
            approvedAt: new Date(),
            approvedBy: userId,
            frozenGrossTicketSales: figures.grossTicketSales.amount.toFixed(),
            frozenDeductions: figures.deductions.amount.toFixed(),
            frozenAdjustedGross: figures.adjustedGross.amount.toFixed(),
            frozenTotalExpenses: figures.totalExpenses.amount.toFixed(),
            frozenNet: figures.net.amount.toFixed(),
            frozenArtistPayout: figures.artistPayout.amount.toFixed(),
            frozenPromoterResult: figures.promoterResult.amount.toFixed(),
            frozenTicketsSold: figures.ticketsSold,
            frozenPromoterProfit: figures.promoterProfit?.amount.toFixed() ?? null,
            frozenSplitPoint: figures.splitPoint?.amount.toFixed() ?? null,
          },
        });
        if (!row) return refusal(tx, id, (status) => assertTransition(status, "APPROVED"));
        await tx.settlementLine.createMany({
          data: figures.lines.map((line, position) => ({
            companyId,
            settlementId: id,
            position,
            kind: line.kind,
            label: line.label,
            amount: line.amount.amount.toFixed(),
          })),
        });
        return writtenSettlementRecord(row, current.dealTerms);
      });
    },

    async markPaid(id: string, payment: SettlementPayment): Promise<SettlementRecord> {
      if (!isUuid(id)) throw unknown(id);
      const [row] = await prisma.settlement.updateManyAndReturn({
        where: { id, companyId, status: "APPROVED" },
        data: {
          status: "PAID",
          paymentReference: payment.reference,
          paidOn: dateColumn(payment.paidOn),
          paymentRecordedAt: new Date(),
          paymentRecordedBy: userId,
        },
      });
      if (!row) return refusal(prisma, id, (status) => assertTransition(status, "PAID"));
      // A paid settlement's terms no longer change: its bonuses are read after the payment.
      const ticketBonuses = await prisma.settlementTicketBonus.findMany({ where: { companyId, settlementId: id }, orderBy: { position: "asc" } });
      return settlementRecord({ ...row, ticketBonuses });
    },

    /** Deletes a draft and returns it as it was, deductions included. */
    async remove(id: string): Promise<SettlementRecord> {
      const { settlement, deductions } = await prisma.$transaction(async (tx) => {
        const current = await existing(tx, id);
        assertEditable(current.status);
        const kept = await deductionsIn(tx, id);
        const { count } = await tx.settlement.deleteMany({ where: { id, companyId, status: "DRAFT" } });
        if (count === 0) return refusal(tx, id, assertEditable);
        return { settlement: current, deductions: kept };
      });
      deductionsOf.clear(id).prime(id, deductions);
      return settlement;
    },
  };
}

function termColumns(terms: SettlementTerms) {
  const { dealTerms } = terms;
  const { promoterProfit } = dealTerms;
  return {
    currency: terms.currency,
    dealType: dealTerms.type,
    guarantee: dealTerms.guarantee?.amount.toFixed() ?? null,
    percentage: dealTerms.percentage?.toFixed() ?? null,
    perTicket: dealTerms.perTicket?.amount.toFixed() ?? null,
    promoterProfitPercentage: promoterProfit?.kind === "PERCENTAGE_OF_EXPENSES" ? promoterProfit.percentage.toFixed() : null,
    promoterProfitAmount: promoterProfit?.kind === "AMOUNT" ? promoterProfit.amount.amount.toFixed() : null,
    expenseCap: dealTerms.expenseCap?.amount.toFixed() ?? null,
  };
}
