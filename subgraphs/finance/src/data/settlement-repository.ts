// The company's settlements (one per event, over its whole bill) and their lifecycle.
// Each change of state is a conditional
// UPDATE on the state it starts from (`... WHERE status = 'DRAFT'`), so that of two
// requests racing to approve or edit one settlement exactly one wins, whatever the
// isolation level; the table's CHECKs and the lines' primary key back that up. A payment
// locks its settlement's row first (SELECT ... FOR UPDATE): what is owed is read, checked
// and paid by one request at a time, so two payments of one balance cannot both pass.
import DataLoader from "dataloader";
import { badUserInput, isInstantKey, isUniqueViolation, isUuid, moneyOf, newestFirst, newestFirstAfter, notFound, pageRequest, rowsPerKey, sameId, toConnection, type Connection, type PageArgs, type PageRequest, type SortKey, type Tenant } from "@marquee/kit";
import { Prisma } from "../__generated__/prisma/client.ts";
import {
  assertBillKeepsPayments,
  assertEditable,
  assertPaymentAllowed,
  assertSettlementTerms,
  assertTransition,
  balanceDue,
  isPaidInFull,
  isStorable,
  PaymentRefusedError,
  settlementNeedsTicketCount,
  type ActAccount,
  type BilledAct,
  type Installment,
  type Deduction,
  type Money,
  type SettlementPaymentKind,
  type SettlementStatus,
  type SettlementTerms,
} from "../domain/index.ts";
import type { FinancePrisma, FinanceTransaction } from "./finance-database.ts";
import type { ExpenseRepository } from "./expense-repository.ts";
import type { IncomeRepository } from "./income-repository.ts";
import {
  dateColumn,
  dayOf,
  deductionRecord,
  expenseRecord,
  incomeRecord,
  paymentRecord,
  settlementRecord,
  waterfallLine,
  withBill,
  writtenSettlementRecord,
  type DeductionRecord,
  type BilledActRecord,
  type PaymentRecord,
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

/** How the remaining balances of a settlement were paid, together. */
export interface SettlementPayment {
  reference: string;
  paidOn: string;
}

/** A payment to one act, as recorded. */
export interface ActPaymentDraft {
  settlementId: string;
  artistId: string;
  kind: SettlementPaymentKind;
  amount: Money;
  paidOn: string;
  reference: string;
}

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

  /** A settlement's payments, oldest first. */
  const paymentsOf = new DataLoader(async (settlementIds: readonly string[]) => {
    const rows = await prisma.settlementPayment.findMany({
      where: { companyId, settlementId: { in: [...settlementIds] } },
      orderBy: [{ settlementId: "asc" }, { sequence: "asc" }],
    });
    return rowsPerKey(settlementIds, rows, (row) => row.settlementId).map((payments) => payments.map(paymentRecord));
  });

  async function paymentsIn(db: FinanceTransaction, settlementId: string): Promise<PaymentRecord[]> {
    const rows = await db.settlementPayment.findMany({ where: { companyId, settlementId }, orderBy: { sequence: "asc" } });
    return rows.map(paymentRecord);
  }

  /**
   * Locks the settlement's row until the transaction ends, so that what its acts are owed is
   * read, checked and paid by one request at a time; then reads it.
   */
  async function locked(tx: FinanceTransaction, id: string): Promise<SettlementRecord> {
    if (isUuid(id)) await tx.$queryRaw(Prisma.sql`SELECT "id" FROM "finance"."settlement" WHERE "company_id" = ${companyId}::uuid AND "id" = ${id}::uuid FOR UPDATE`);
    return existing(tx, id);
  }

  /** What each act of an approved settlement is owed: its deposit term and its frozen net payable. */
  function accountsOf(settlement: SettlementRecord): ActAccount[] {
    return settlement.bill.map((act) => {
      if (!act.frozenFigures) throw new Error(`Settlement ${settlement.id} is ${settlement.status} but act ${act.billingPosition} has no frozen figures.`);
      return { artistId: act.artistId, deposit: act.dealTerms.deposit, netPayable: act.frozenFigures.netPayable };
    });
  }

  async function insertPayment(tx: FinanceTransaction, payment: ActPaymentDraft): Promise<void> {
    await tx.settlementPayment.create({
      data: {
        companyId,
        settlementId: payment.settlementId,
        artistId: payment.artistId,
        currency: payment.amount.currency,
        kind: payment.kind,
        amount: payment.amount.amount.toFixed(),
        paidOn: dateColumn(payment.paidOn),
        reference: payment.reference,
        recordedBy: userId,
      },
    });
  }

  /** Moves a locked, approved settlement to PAID, naming the payment that completed it. */
  async function closeAsPaid(tx: FinanceTransaction, id: string, payment: SettlementPayment): Promise<void> {
    const { count } = await tx.settlement.updateMany({
      where: { id, companyId, status: "APPROVED" },
      data: { status: "PAID", paymentReference: payment.reference, paidOn: dateColumn(payment.paidOn), paymentRecordedAt: new Date(), paymentRecordedBy: userId },
    });
    if (count === 0) await refusal(tx, id, (status) => assertTransition(status, "PAID"));
  }

  /** Figures are worked once per settlement read: its sheet and each act's figures come from the same computation. */
  const figuresOfRecord = new WeakMap<SettlementRecord, Promise<SettlementFiguresRecord>>();

  async function find(id: string, db: FinanceTransaction = prisma): Promise<SettlementRecord | null> {
    if (!isUuid(id)) return null;
    const row = await db.settlement.findFirst({ where: { id, companyId }, include: withBill });
    return row && settlementRecord(row);
  }

  async function loadByIds(ids: string[]): Promise<SettlementRecord[]> {
    return (await prisma.settlement.findMany({ where: { companyId, id: { in: ids } }, include: withBill })).map(settlementRecord);
  }

  /**
   * A page of each artist's settlements (those whose bill lists the artist), newest first,
   * in two statements for any number of artists: a window function ranks each artist's
   * settlements, then the settlements are read by id. The kit's parentPages ranks one
   * table's rows; an artist's settlements are reached through the acts, hence this join.
   */
  async function loadArtistPages(artistIds: readonly string[], page: PageRequest<SortKey>): Promise<Connection<SettlementRecord>[]> {
    const ids = artistIds.filter(isUuid);
    const after = page.after ? Prisma.sql`AND (s."created_at", s."id") < (${page.after[0]}::timestamptz, ${page.after[1]}::uuid)` : Prisma.empty;
    const ranked =
      ids.length === 0
        ? []
        : await prisma.$queryRaw<{ id: string; parent_id: string }[]>(Prisma.sql`
            SELECT "id"::text AS "id", "parent_id"::text AS "parent_id"
            FROM (
              SELECT s."id", a."artist_id" AS "parent_id",
                     row_number() OVER (PARTITION BY a."artist_id" ORDER BY s."created_at" DESC, s."id" DESC) AS "rank"
              FROM "finance"."settlement_act" a
              JOIN "finance"."settlement" s ON s."company_id" = a."company_id" AND s."id" = a."settlement_id"
              WHERE a."company_id" = ${companyId}::uuid AND a."artist_id" = ANY(${ids}::uuid[]) ${after}
            ) AS "ranked"
            WHERE "rank" <= ${page.take + 1}
            ORDER BY "parent_id", "rank"`);
    const settlements = ranked.length === 0 ? [] : await loadByIds([...new Set(ranked.map((row) => row.id))]);
    const byId = new Map(settlements.map((settlement) => [settlement.id, settlement]));
    return rowsPerKey(artistIds, ranked, (row) => row.parent_id).map((rows) =>
      toConnection(
        rows.flatMap((row) => byId.get(row.id) ?? []),
        page.take,
        sortKeyOf,
      ),
    );
  }
  const artistPageLoaders = new Map<string, DataLoader<string, Connection<SettlementRecord>>>();

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

  /** A settlement's deductions as entered, in order. */
  async function deductionsIn(db: FinanceTransaction, settlementId: string): Promise<Deduction[]> {
    const rows = await db.settlementDeduction.findMany({ where: { companyId, settlementId }, orderBy: { position: "asc" } });
    return rows.map((row) => deductionRecord(row).deduction);
  }

  /** Deductions just written or read from a draft: none has frozen figures. */
  const unfrozen = (deductions: readonly Deduction[]): DeductionRecord[] => deductions.map((deduction) => ({ deduction, frozen: null }));

  function deductionRows(settlementId: string, currency: string, deductions: readonly Deduction[]) {
    return deductions.map((deduction, position) => ({
      companyId,
      settlementId,
      position,
      label: deduction.label,
      basis: deduction.basis,
      amount: deduction.basis === "FLAT" ? deduction.amount.amount.toFixed() : null,
      perTicket: deduction.basis === "PER_TICKET" ? deduction.perTicket.amount.toFixed() : null,
      rate: deduction.basis === "FLAT" || deduction.basis === "PER_TICKET" ? null : deduction.rate.toFixed(),
      currency,
    }));
  }

  function actRows(settlementId: string, terms: SettlementTerms) {
    return terms.bill.map((act, billingPosition) => ({
      companyId,
      settlementId,
      billingPosition,
      artistId: act.artistId,
      contractId: act.contractId ?? null,
      currency: terms.currency,
      ...dealColumns(act),
    }));
  }

  const contractTaken = (contractId: string, settlementId: string) =>
    badUserInput(`Contract "${contractId}" already pays an act of settlement "${settlementId}"; a contract pays one act.`, { field: "bill", contractId, settlementId });

  /**
   * Refuses a contract that already pays an act of another of the company's settlements,
   * naming it. Two writes racing to name one contract both pass here; the unique index on
   * (company, contract) lets one through and `writeChildren` names the other's refusal.
   */
  async function assertContractsFree(db: FinanceTransaction, settlementId: string | null, bill: SettlementTerms["bill"]): Promise<void> {
    const contractIds = bill.flatMap((act) => (act.contractId ? [act.contractId] : []));
    if (contractIds.length === 0) return;
    const taken = await db.settlementAct.findFirst({
      where: { companyId, contractId: { in: contractIds }, ...(settlementId === null ? {} : { settlementId: { not: settlementId } }) },
      select: { contractId: true, settlementId: true },
    });
    if (taken?.contractId) throw contractTaken(taken.contractId, taken.settlementId);
  }

  function ticketBonusRows(settlementId: string, bill: readonly BilledAct[]) {
    return bill.flatMap((act, actPosition) =>
      act.dealTerms.ticketBonuses.map((bonus, position) => ({
        companyId,
        settlementId,
        actPosition,
        position,
        ticketsSold: bonus.ticketsSold,
        bonus: bonus.bonus.amount.toFixed(),
        currency: bonus.bonus.currency,
      })),
    );
  }

  /** Each act's buyouts (its deal's) and reimbursements (entered on it), in the order entered. */
  function repaidRows(settlementId: string, terms: SettlementTerms) {
    const rows = (actPosition: number, items: readonly { label: string; amount: Money }[]) =>
      items.map(({ label, amount }, position) => ({ companyId, settlementId, actPosition, position, label, amount: amount.amount.toFixed(), currency: terms.currency }));
    return {
      buyouts: terms.bill.flatMap((act, actPosition) => rows(actPosition, act.dealTerms.buyouts)),
      reimbursements: terms.bill.flatMap((act, actPosition) => rows(actPosition, act.reimbursements ?? [])),
    };
  }

  /** Writes a settlement's children: its deductions, its bill's acts and their deals' ticket bonuses. */
  function installmentRows(settlementId: string, terms: SettlementTerms) {
    return terms.bill.flatMap((act, actPosition) =>
      (act.paymentSchedule ?? []).map((installment, position) => ({
        companyId,
        settlementId,
        actPosition,
        position,
        kind: installment.kind,
        dueOn: dateColumn(installment.dueOn),
        amount: installment.amount?.amount.toFixed() ?? null,
        currency: terms.currency,
      })),
    );
  }

  /** Each act's payment schedule, by billing position: read only when a schedule is asked for, one statement per batch of settlements. */
  const installmentsOf = new DataLoader(async (settlementIds: readonly string[]) => {
    const rows = await prisma.settlementInstallment.findMany({
      where: { companyId, settlementId: { in: [...settlementIds] } },
      orderBy: [{ settlementId: "asc" }, { actPosition: "asc" }, { position: "asc" }],
    });
    return rowsPerKey(settlementIds, rows, (row) => row.settlementId).map((installments) => {
      const byAct = new Map<number, Installment[]>();
      for (const row of installments) {
        const amount = row.amount === null ? null : moneyOf(row.amount, row.currency);
        byAct.set(row.actPosition, [...(byAct.get(row.actPosition) ?? []), { kind: row.kind, dueOn: dayOf(row.dueOn), amount }]);
      }
      return byAct;
    });
  });

  async function writeChildren(db: FinanceTransaction, settlementId: string, terms: SettlementTerms) {
    await db.settlementDeduction.createMany({ data: deductionRows(settlementId, terms.currency, terms.deductions) });
    await assertContractsFree(db, settlementId, terms.bill);
    try {
      await db.settlementAct.createMany({ data: actRows(settlementId, terms) });
    } catch (error) {
      if (isUniqueViolation(error, "settlement_act_company_id_contract_id_key")) {
        throw badUserInput("A contract on this bill was named by another settlement written at the same time; a contract pays one act.", { field: "bill" });
      }
      throw error;
    }
    await db.settlementTicketBonus.createMany({ data: ticketBonusRows(settlementId, terms.bill) });
    await db.settlementInstallment.createMany({ data: installmentRows(settlementId, terms) });
    const { buyouts, reimbursements } = repaidRows(settlementId, terms);
    await db.settlementBuyout.createMany({ data: buyouts });
    await db.settlementReimbursement.createMany({ data: reimbursements });
  }

  /** The bill as just written: no act of a draft has frozen figures. */
  const writtenBill = (terms: SettlementTerms) =>
    terms.bill.map((act, billingPosition) => ({
      artistId: act.artistId,
      billingPosition,
      dealTerms: act.dealTerms,
      reimbursements: [...(act.reimbursements ?? [])],
      contractId: act.contractId ?? null,
      frozenFigures: null,
    }));

  async function sheetOf(settlement: SettlementRecord, ticketsSold: number | null): Promise<SettlementFiguresRecord> {
    const { frozenTotals } = settlement;
    if (frozenTotals) {
      const [lines, deductions] = await Promise.all([frozenLinesOf.load(settlement.id), deductionsOf.load(settlement.id)]);
      const onSheet = (sheet: "INTERNAL" | "ARTIST") => lines.filter((line) => line.sheet === sheet).map((line) => waterfallLine(line, settlement.currency));
      return frozenFigures({ ...settlement, frozenTotals }, { internal: onSheet("INTERNAL"), artist: onSheet("ARTIST") }, deductions);
    }
    const [deductions, ticketing, expenses] = await Promise.all([
      deductionsOf.load(settlement.id),
      ledger.incomes.ticketingOfEvent.load(settlement.eventId),
      ledger.expenses.allOfEvent.load(settlement.eventId),
    ]);
    return liveFigures(
      settlement,
      deductions.map((record) => record.deduction),
      { ticketing, expenses },
      ticketsSold,
    );
  }

  /**
   * The act each contract pays, with its settlement; null when no act of the company's
   * settlements names the contract. One read per batch of contracts.
   */
  const actOfContract = new DataLoader(async (contractIds: readonly string[]) => {
    const ids = contractIds.filter(isUuid);
    const settlements = ids.length === 0 ? [] : await prisma.settlement.findMany({ where: { companyId, acts: { some: { contractId: { in: ids } } } }, include: withBill });
    const byContract = new Map<string, BilledActRecord>();
    for (const settlement of settlements.map(settlementRecord)) {
      for (const act of settlement.bill) if (act.contractId) byContract.set(act.contractId, { ...act, settlement });
    }
    return contractIds.map((id) => byContract.get(id) ?? null);
  });

  return {
    find,
    actOfContract,

    /** The act's payment schedule, in due order; empty when it has none. */
    async paymentSchedule(settlementId: string, billingPosition: number): Promise<Installment[]> {
      return (await installmentsOf.load(settlementId)).get(billingPosition) ?? [];
    },

    async list(filter: SettlementFilter, args: PageArgs): Promise<Connection<SettlementRecord>> {
      const page = pageRequest(args, isInstantKey);
      const rows = await prisma.settlement.findMany({
        where: {
          AND: [
            { companyId },
            ...(filter.eventId != null ? [{ eventId: sameId(filter.eventId) }] : []),
            ...(filter.artistId != null ? [{ acts: { some: { artistId: sameId(filter.artistId) } } }] : []),
            ...(filter.status ? [{ status: filter.status }] : []),
            ...(page.after ? [newestFirstAfter("createdAt", page.after)] : []),
          ],
        },
        orderBy: newestFirst("createdAt"),
        take: page.take + 1,
        include: withBill,
      });
      return toConnection(rows.map(settlementRecord), page.take, sortKeyOf);
    },

    /** An event's settlement, or null when the show has none yet. */
    ofEvent: new DataLoader(async (eventIds: readonly string[]) => {
      const rows = await prisma.settlement.findMany({ where: { companyId, eventId: { in: eventIds.filter(isUuid) } }, include: withBill });
      const byEvent = new Map(rows.map((row) => [row.eventId, settlementRecord(row)]));
      return eventIds.map((eventId) => byEvent.get(eventId) ?? null);
    }),

    /** A page of the settlements whose bill lists the artist, newest first; batched with every other artist asking for the same page. */
    pageOfArtist(artistId: string, args: PageArgs): Promise<Connection<SettlementRecord>> {
      const page = pageRequest(args, isInstantKey);
      const pageKey = JSON.stringify(page);
      let loader = artistPageLoaders.get(pageKey);
      if (!loader) {
        loader = new DataLoader((artistIds: readonly string[]) => loadArtistPages(artistIds, page));
        artistPageLoaders.set(pageKey, loader);
      }
      return loader.load(artistId);
    },

    deductions: (settlement: SettlementRecord) => deductionsOf.load(settlement.id),

    /** The payments made to the settlement's acts, oldest first; batched with every other settlement read. */
    payments: (settlement: SettlementRecord) => paymentsOf.load(settlement.id),

    /**
     * The frozen sheet once approved; for a draft, the sheet as the event's ledger stands
     * now. `ticketsSold` is the event's paid tickets as Base counts them now, which the
     * caller reads for a draft with a deal or deduction worked out from them (`settlementNeedsTicketCount`) and
     * passes as null otherwise: an approved settlement shows the count frozen with it.
     */
    figures(settlement: SettlementRecord, ticketsSold: number | null): Promise<SettlementFiguresRecord> {
      let figures = figuresOfRecord.get(settlement);
      if (!figures) {
        figures = sheetOf(settlement, ticketsSold);
        figuresOfRecord.set(settlement, figures);
      }
      return figures;
    },

    /** Opens a draft of the show; the event and every artist on the bill must already be known to exist in Base. */
    async create(eventId: string, terms: SettlementTerms): Promise<SettlementRecord> {
      assertSettlementTerms(terms);
      const settlement = await prisma.$transaction(async (tx) => {
        // ON CONFLICT DO NOTHING: the unique (company, event) decides, race or not. A
        // conflicting insert in flight is waited for, so the one that won is read below.
        const [row] = await tx.settlement.createManyAndReturn({
          data: [{ companyId, createdBy: userId, eventId, currency: terms.currency }],
          skipDuplicates: true,
        });
        if (!row) {
          const existingOne = await tx.settlement.findFirst({ where: { companyId, eventId }, select: { id: true } });
          throw badUserInput(`Event "${eventId}" already has a settlement ("${existingOne?.id ?? "unknown"}"); a show is settled once, over its whole bill: update that one instead.`, {
            eventId,
            settlementId: existingOne?.id ?? null,
          });
        }
        await writeChildren(tx, row.id, terms);
        return writtenSettlementRecord(row, writtenBill(terms));
      });
      deductionsOf.prime(settlement.id, unfrozen(terms.deductions));
      return settlement;
    },

    /** Replaces parts of a draft's terms; the terms as a whole are checked again. */
    async update(id: string, changes: SettlementChanges): Promise<SettlementRecord> {
      const { settlement, deductions } = await prisma.$transaction(async (tx) => {
        const current = await locked(tx, id);
        assertEditable(current.status);
        const terms: SettlementTerms = {
          currency: changes.currency ?? current.currency,
          bill: changes.bill ?? current.bill,
          deductions: changes.deductions ?? (await deductionsIn(tx, id)),
        };
        assertSettlementTerms(terms);
        // Deposits may have been paid on the draft: the new bill must still account for them.
        const payments = await paymentsIn(tx, id);
        assertBillKeepsPayments(
          terms.bill.map((act) => ({ artistId: act.artistId, deposit: act.dealTerms.deposit })),
          terms.currency,
          payments,
        );
        // The children go first: their foreign keys hold them to the settlement's currency
        // (an act's ticket bonuses go with it).
        await tx.settlementDeduction.deleteMany({ where: { companyId, settlementId: id } });
        await tx.settlementAct.deleteMany({ where: { companyId, settlementId: id } });
        const [row] = await tx.settlement.updateManyAndReturn({ where: { id, companyId, status: "DRAFT" }, data: { currency: terms.currency } });
        if (!row) return refusal(tx, id, assertEditable);
        await writeChildren(tx, id, terms);
        return { settlement: writtenSettlementRecord(row, writtenBill(terms)), deductions: [...terms.deductions] };
      });
      deductionsOf.clear(id).prime(id, unfrozen(deductions));
      installmentsOf.clear(id);
      return settlement;
    },

    /**
     * Approves a draft exactly once: the sheets are computed from the event's ledger inside
     * the transaction, and written (show totals, both sheets' lines, each act's and each
     * deduction's figures) only if this request is the one whose conditional UPDATE moved
     * the settlement out of DRAFT. `ticketsSold` is the event's paid tickets, read from Base
     * before the transaction by a caller that saw a deal or deduction worked out from them,
     * and frozen with the sheet; null when none is.
     */
    async approve(id: string, ticketsSold: number | null): Promise<SettlementRecord> {
      const approved = await prisma.$transaction(async (tx) => {
        const current = await existing(tx, id);
        assertTransition(current.status, "APPROVED");
        const deductions = await deductionsIn(tx, id);
        if (ticketsSold === null && settlementNeedsTicketCount(current.bill, deductions)) {
          // The caller read the terms before another request changed them to ones worked out from the tickets sold.
          throw badUserInput("The settlement's deal changed while it was being approved; approve it again.", { id });
        }
        const expenses = await tx.expense.findMany({ where: { companyId, eventId: current.eventId } });
        const ticketing = await tx.income.findMany({ where: { companyId, eventId: current.eventId, source: "TICKETING" } });
        const figures = liveFigures(current, deductions, { expenses: expenses.map(expenseRecord), ticketing: ticketing.map(incomeRecord) }, ticketsSold);
        const frozen = [
          figures.grossTicketSales,
          figures.deductions,
          figures.adjustedGross,
          figures.totalExpenses,
          figures.net,
          figures.artistPayouts,
          figures.houseExpenses,
          figures.promoterResult,
          figures.artistSheet.promoterResult,
          ...figures.deductionFigures.flatMap((deduction) => [deduction.amount, ...(deduction.base ? [deduction.base] : [])]),
          ...figures.acts.flatMap((act) =>
            [act.payout, act.dealAmount, act.bonuses, act.promoterProfit, act.splitPoint, act.expensesCounted, act.withholding, act.buyouts, act.reimbursements, act.netPayable].filter(
              (money) => money !== null,
            ),
          ),
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
            frozenArtistPayouts: figures.artistPayouts.amount.toFixed(),
            frozenPromoterResult: figures.promoterResult.amount.toFixed(),
            frozenHouseExpenses: figures.houseExpenses.amount.toFixed(),
            frozenArtistPromoterResult: figures.artistSheet.promoterResult.amount.toFixed(),
            frozenTicketsSold: figures.ticketsSold,
          },
        });
        if (!row) return refusal(tx, id, (status) => assertTransition(status, "APPROVED"));
        // Both sheets, each written once: the promoter's books and the sheet the artist sees.
        const sheets = [
          ["INTERNAL", figures.lines],
          ["ARTIST", figures.artistSheet.lines],
        ] as const;
        await tx.settlementLine.createMany({
          data: sheets.flatMap(([sheet, lines]) =>
            lines.map((line, position) => ({
              companyId,
              settlementId: id,
              sheet,
              position,
              kind: line.kind,
              label: line.label,
              amount: line.amount.amount.toFixed(),
            })),
          ),
        });
        for (const [position, deduction] of figures.deductionFigures.entries()) {
          await tx.settlementDeduction.updateMany({
            where: { companyId, settlementId: id, position },
            data: { frozenBase: deduction.base?.amount.toFixed() ?? null, frozenAmount: deduction.amount.amount.toFixed() },
          });
        }
        for (const act of figures.acts) {
          await tx.settlementAct.updateMany({
            where: { companyId, settlementId: id, billingPosition: act.billingPosition },
            data: {
              frozenPayout: act.payout.amount.toFixed(),
              frozenDealAmount: act.dealAmount.amount.toFixed(),
              frozenBonuses: act.bonuses.amount.toFixed(),
              frozenPromoterProfit: act.promoterProfit?.amount.toFixed() ?? null,
              frozenSplitPoint: act.splitPoint?.amount.toFixed() ?? null,
              frozenExpensesCounted: act.expensesCounted?.amount.toFixed() ?? null,
              frozenWithholding: act.withholding.amount.toFixed(),
              frozenBuyouts: act.buyouts.amount.toFixed(),
              frozenReimbursements: act.reimbursements.amount.toFixed(),
              frozenNetPayable: act.netPayable.amount.toFixed(),
            },
          });
        }
        return writtenSettlementRecord(
          row,
          current.bill.map((act, position) => ({ ...act, frozenFigures: figures.acts[position]! })),
        );
      });
      // A draft's deductions read before (to decide on the ticket count) have no frozen figures.
      deductionsOf.clear(id);
      return approved;
    },

    /**
     * Records a payment to one act: a DEPOSIT while the settlement is DRAFT or APPROVED, a
     * BALANCE once APPROVED (domain/settlement-payments.ts). The settlement's row is locked
     * before what is owed is read, so that of concurrent payments of one balance exactly one
     * passes. An approved settlement whose every act is then paid in full becomes PAID in the
     * same transaction.
     */
    async recordPayment(payment: ActPaymentDraft): Promise<SettlementRecord> {
      const id = payment.settlementId;
      const settlement = await prisma.$transaction(async (tx) => {
        const current = await locked(tx, id);
        const act = current.bill.find((candidate) => candidate.artistId === payment.artistId);
        if (!act) throw badUserInput(`Artist "${payment.artistId}" is not on settlement "${id}"'s bill.`, { field: "artistId", artistId: payment.artistId });
        const payments = await paymentsIn(tx, id);
        assertPaymentAllowed({
          status: current.status,
          currency: current.currency,
          act: { artistId: act.artistId, deposit: act.dealTerms.deposit, netPayable: act.frozenFigures?.netPayable ?? null },
          payments,
          kind: payment.kind,
          amount: payment.amount,
        });
        await insertPayment(tx, payment);
        if (current.status === "APPROVED" && isPaidInFull(accountsOf(current), [...payments, payment])) {
          await closeAsPaid(tx, id, payment);
        }
        return existing(tx, id);
      });
      paymentsOf.clear(id);
      return settlement;
    },

    /**
     * Pays every act of an approved settlement what it is still owed, as one BALANCE payment
     * per act with a balance due, all with the same reference, and moves it to PAID.
     */
    async markPaid(id: string, payment: SettlementPayment): Promise<SettlementRecord> {
      if (!isUuid(id)) throw unknown(id);
      const settlement = await prisma.$transaction(async (tx) => {
        const current = await locked(tx, id);
        assertTransition(current.status, "PAID");
        const payments = await paymentsIn(tx, id);
        for (const account of accountsOf(current)) {
          const due = balanceDue(account, payments);
          if (!due.amount.greaterThan(0)) continue;
          await insertPayment(tx, { settlementId: id, artistId: account.artistId, kind: "BALANCE", amount: due, paidOn: payment.paidOn, reference: payment.reference });
        }
        await closeAsPaid(tx, id, payment);
        return existing(tx, id);
      });
      paymentsOf.clear(id);
      return settlement;
    },

    /** Deletes a draft and returns it as it was, deductions included. */
    async remove(id: string): Promise<SettlementRecord> {
      const { settlement, deductions } = await prisma.$transaction(async (tx) => {
        // Locked as a payment locks it: a deposit recorded meanwhile is seen here, not left to the foreign key.
        const current = await locked(tx, id);
        assertEditable(current.status);
        if ((await paymentsIn(tx, id)).length > 0) {
          throw new PaymentRefusedError("id", "Deposits have been paid on this settlement; it is kept with its payments, and cannot be deleted.");
        }
        const kept = unfrozen(await deductionsIn(tx, id));
        const { count } = await tx.settlement.deleteMany({ where: { id, companyId, status: "DRAFT" } });
        if (count === 0) return refusal(tx, id, assertEditable);
        return { settlement: current, deductions: kept };
      });
      deductionsOf.clear(id).prime(id, deductions);
      return settlement;
    },
  };
}

function dealColumns({ dealTerms }: BilledAct) {
  const { promoterProfit } = dealTerms;
  return {
    dealType: dealTerms.type,
    guarantee: dealTerms.guarantee?.amount.toFixed() ?? null,
    percentage: dealTerms.percentage?.toFixed() ?? null,
    perTicket: dealTerms.perTicket?.amount.toFixed() ?? null,
    promoterProfitPercentage: promoterProfit?.kind === "PERCENTAGE_OF_EXPENSES" ? promoterProfit.percentage.toFixed() : null,
    promoterProfitAmount: promoterProfit?.kind === "AMOUNT" ? promoterProfit.amount.amount.toFixed() : null,
    expenseCap: dealTerms.expenseCap?.amount.toFixed() ?? null,
    deposit: dealTerms.deposit?.amount.toFixed() ?? null,
    withholdingRate: dealTerms.withholdingRate?.toFixed() ?? null,
  };
}
