// The company's deals and their negotiation. Every statement is scoped to the caller's
// company, so an id from another company reads and writes exactly like an unknown one.
// Each move is a conditional UPDATE on the state it starts from (the stored status and the
// version on the table), so that of two requests racing from one state exactly one moves it;
// the versions it writes are append-only in the database itself.
import DataLoader from "dataloader";
import { badUserInput, isInstantKey, isUuid, newestFirst, newestFirstAfter, notFound, pageRequest, parentPages, rowPerKey, rowsPerKey, sameId, sortKeyGuard, toConnection, type ChildList, type Connection, type PageArgs, type SortKey, type Tenant, type TicketBonus } from "@marquee/kit";
import {
  assertDeletable,
  assertOfferStillOpen,
  counteringSide,
  dealStatusAfter,
  allowedDealMoves,
  type DealStatus,
  type NegotiatingSide,
  type OfferTerms,
  type StatusMove,
  type StoredDealStatus,
} from "../domain/index.ts";
import { marketSchema, type MarketPrisma, type MarketTransaction } from "./market-database.ts";
import {
  currentVersionSummary,
  dealRecord,
  termsVersionRecord,
  ticketBonus,
  buyout,
  type DealRecord,
  type TermsVersionRecord,
} from "./records.ts";

/** A validated new deal, ready to be written as a draft. */
export interface DealDraft {
  artistId: string;
  eventId: string | null;
  terms: OfferTerms;
  notes: string | null;
}

/** Changes to a draft; undefined keeps a part, null clears the event or the notes. */
export interface DraftChanges {
  eventId?: string | null;
  notes?: string | null;
  terms?: OfferTerms;
}

export interface DealFilter {
  artistId?: string | null;
  eventId?: string | null;
  status?: DealStatus | null;
}

/** Terms put on the table by a move, as a new version. */
interface NewVersion {
  kind: TermsVersionRecord["kind"];
  side: NegotiatingSide;
  terms: OfferTerms;
}

interface MoveWrite {
  version?: NewVersion;
  columns?: { eventId?: string | null; notes?: string | null; acceptedVersionId?: string; decidedAt?: Date; decidedBy?: string };
}

// Deals list newest first by creation instant; a deal's history lists oldest first by
// version number, so its cursor carries [version number, id].
const dealsOf = (parentColumn: "event_id" | "artist_id"): ChildList => ({
  schema: marketSchema,
  table: "deal",
  parentColumn,
  sortColumn: "created_at",
  sortType: "timestamptz",
  direction: "DESC",
});
const historyOfDeal: ChildList = { schema: marketSchema, table: "deal_terms_version", parentColumn: "deal_id", sortColumn: "number", sortType: "integer", direction: "ASC" };
const dealKey = (deal: DealRecord): SortKey => [deal.createdAt, deal.id];
const versionKey = (version: TermsVersionRecord): SortKey => [String(version.number), version.id];
const isVersionKey = sortKeyGuard((value) => /^[1-9]\d{0,8}$/.test(value));

export type DealRepository = ReturnType<typeof createDealRepository>;

export function createDealRepository(prisma: MarketPrisma, { companyId, userId }: Tenant, clock: () => Date) {
  const unknown = (id: string) => notFound(`There is no deal "${id}".`, { id });

  /**
   * Deals by id, their current versions read through `versionById`: a list's `currentTerms`
   * then finds them loaded, one statement for both where an `include` would be a second.
   * Versions are append-only, so a version loaded earlier in the request is still the same.
   */
  const byIds = async (ids: string[]) => {
    const now = clock();
    const rows = await prisma.deal.findMany({ where: { companyId, id: { in: ids } } });
    const versions = await versionById.loadMany(rows.flatMap((row) => (row.currentVersionId ? [row.currentVersionId] : [])));
    const versionsById = new Map(versions.flatMap((version) => (version instanceof Error ? [] : [[version.id, version] as const])));
    return rows.map((row) => {
      const current = row.currentVersionId ? versionsById.get(row.currentVersionId) : undefined;
      return dealRecord({ ...row, currentVersion: current ? { number: current.number, offerExpiresAt: current.terms.offerExpiresAt } : null }, now);
    });
  };

  async function find(id: string, db: MarketTransaction = prisma, now = clock()): Promise<DealRecord | null> {
    if (!isUuid(id)) return null;
    const row = await db.deal.findFirst({ where: { id, companyId }, include: currentVersionSummary });
    return row && dealRecord(row, now);
  }

  async function existing(db: MarketTransaction, id: string, now: Date): Promise<DealRecord> {
    const deal = await find(id, db, now);
    if (!deal) throw unknown(id);
    return deal;
  }

  const dealById = new DataLoader(async (ids: readonly string[]) => rowPerKey(ids, await byIds([...ids]), (deal) => deal.id));

  const versionById = new DataLoader(async (ids: readonly string[]) => {
    const rows = await prisma.dealTermsVersion.findMany({ where: { companyId, id: { in: [...ids] } } });
    const versions = new Map(rows.map((row) => [row.id, termsVersionRecord(row)]));
    return ids.map((id) => versions.get(id) ?? new Error(`Terms version ${id} is missing.`));
  });

  const bonusesOf = new DataLoader(async (versionIds: readonly string[]) => {
    const rows = await prisma.dealTermsBonus.findMany({ where: { companyId, versionId: { in: [...versionIds] } }, orderBy: [{ versionId: "asc" }, { position: "asc" }] });
    return rowsPerKey(versionIds, rows, (row) => row.versionId).map((bonuses) => bonuses.map(ticketBonus));
  });

  const buyoutsOf = new DataLoader(async (versionIds: readonly string[]) => {
    const rows = await prisma.dealTermsBuyout.findMany({ where: { companyId, versionId: { in: [...versionIds] } }, orderBy: [{ versionId: "asc" }, { position: "asc" }] });
    return rowsPerKey(versionIds, rows, (row) => row.versionId).map((buyouts) => buyouts.map(buyout));
  });

  /** A version's whole terms, read inside the transaction that copies them. */
  async function termsIn(db: MarketTransaction, versionId: string): Promise<OfferTerms> {
    const row = await db.dealTermsVersion.findFirstOrThrow({ where: { companyId, id: versionId } });
    const bonuses = await db.dealTermsBonus.findMany({ where: { companyId, versionId }, orderBy: { position: "asc" } });
    const buyouts = await db.dealTermsBuyout.findMany({ where: { companyId, versionId }, orderBy: { position: "asc" } });
    const { deal, ...offer } = termsVersionRecord(row).terms;
    return { ...offer, deal: { ...deal, ticketBonuses: bonuses.map(ticketBonus), buyouts: buyouts.map(buyout) } };
  }

  async function appendVersion(db: MarketTransaction, dealId: string, number: number, { kind, side, terms }: NewVersion): Promise<string> {
    const { deal } = terms;
    const profit = deal.promoterProfit;
    const version = await db.dealTermsVersion.create({
      data: {
        companyId,
        dealId,
        number,
        kind,
        side,
        createdBy: userId,
        currency: deal.currency,
        dealType: deal.type,
        guarantee: deal.guarantee?.amount.toFixed() ?? null,
        percentage: deal.percentage?.toFixed() ?? null,
        perTicket: deal.perTicket?.amount.toFixed() ?? null,
        promoterProfitPercentage: profit?.kind === "PERCENTAGE_OF_EXPENSES" ? profit.percentage.toFixed() : null,
        promoterProfitAmount: profit?.kind === "AMOUNT" ? profit.amount.amount.toFixed() : null,
        expenseCap: deal.expenseCap?.amount.toFixed() ?? null,
        deposit: deal.deposit?.amount.toFixed() ?? null,
        withholdingRate: deal.withholdingRate?.toFixed() ?? null,
        offerExpiresAt: terms.offerExpiresAt,
        radiusKm: terms.radiusClause?.kilometres ?? null,
        radiusDaysBefore: terms.radiusClause?.daysBefore ?? null,
        radiusDaysAfter: terms.radiusClause?.daysAfter ?? null,
        estimatedExpenses: terms.estimatedExpenses?.amount.toFixed() ?? null,
      },
    });
    if (deal.ticketBonuses.length > 0) {
      await db.dealTermsBonus.createMany({ data: deal.ticketBonuses.map((bonus, position) => bonusRow(version.id, position, bonus, deal.currency)) });
    }
    if (deal.buyouts.length > 0) {
      await db.dealTermsBuyout.createMany({
        data: deal.buyouts.map(({ label, amount }, position) => ({ companyId, versionId: version.id, position, label, amount: amount.amount.toFixed(), currency: deal.currency })),
      });
    }
    await db.deal.updateMany({ where: { id: dealId, companyId }, data: { currentVersionId: version.id } });
    return version.id;
  }

  function bonusRow(versionId: string, position: number, { ticketsSold, bonus }: TicketBonus, currency: string) {
    return { companyId, versionId, position, ticketsSold, bonus: bonus.amount.toFixed(), currency };
  }

  /**
   * The conditional UPDATE matched no row: another request moved the deal first. Reading
   * it again (a later snapshot) says whether the move is still possible from where it is now.
   */
  async function refusal(db: MarketTransaction, id: string, move: StatusMove, now: Date): Promise<never> {
    const current = await existing(db, id, now);
    dealStatusAfter(current.status, move);
    throw dealChanged(current, `moved while this ${move} was being written`);
  }

  function dealChanged({ id, status, currentVersionNumber }: DealRecord, what: string) {
    return badUserInput(`Deal "${id}" ${what}: it is now ${status}, at version ${currentVersionNumber}. Read it again and retry.`, {
      reason: "DEAL_CHANGED",
      status,
      allowedMoves: allowedDealMoves(status),
    });
  }

  /**
   * Makes `move` from the deal's state at `now`, writing what `write` decides, exactly once.
   * A move that names the version it answers (`answering`) is refused once other terms are
   * on the table: nobody accepts, declines or counters terms they have not read.
   */
  async function makeMove(
    id: string,
    move: StatusMove,
    write: (current: DealRecord, db: MarketTransaction, now: Date) => Promise<MoveWrite>,
    answering?: string | null,
  ): Promise<DealRecord> {
    if (!isUuid(id)) throw unknown(id);
    const now = clock();
    const row = await prisma.$transaction(async (tx) => {
      const current = await existing(tx, id, now);
      const next: StoredDealStatus = dealStatusAfter(current.status, move);
      if (answering != null && answering !== current.currentVersionId) throw dealChanged(current, `no longer has the terms version "${answering}" on the table`);
      const { version, columns } = await write(current, tx, now);
      const claimed = await tx.deal.updateMany({
        where: { id, companyId, status: current.storedStatus, currentVersionId: current.currentVersionId },
        data: { ...columns, status: next, updatedAt: now },
      });
      if (claimed.count === 0) return refusal(tx, id, move, now);
      if (version) await appendVersion(tx, id, current.currentVersionNumber + 1, version);
      return tx.deal.findFirstOrThrow({ where: { id, companyId }, include: currentVersionSummary });
    });
    return dealRecord(row, now);
  }

  const decidedNow = (now: Date) => ({ columns: { decidedAt: now, decidedBy: userId } });

  return {
    find: (id: string) => find(id),

    /** A deal by id, batched with the other deals the request reads (a contract's deal). */
    load: (id: string) => dealById.load(id),

    async list(filter: DealFilter, args: PageArgs): Promise<Connection<DealRecord>> {
      const page = pageRequest(args, isInstantKey);
      const now = clock();
      const rows = await prisma.deal.findMany({
        where: {
          AND: [
            { companyId },
            ...(filter.artistId != null ? [{ artistId: sameId(filter.artistId) }] : []),
            ...(filter.eventId != null ? [{ eventId: sameId(filter.eventId) }] : []),
            ...(filter.status ? [statusCondition(filter.status, now)] : []),
            ...(page.after ? [newestFirstAfter("createdAt", page.after)] : []),
          ],
        },
        include: currentVersionSummary,
        orderBy: newestFirst("createdAt"),
        take: page.take + 1,
      });
      return toConnection(
        rows.map((row) => dealRecord(row, now)),
        page.take,
        dealKey,
      );
    },

    /** A page of an event's deals, newest first. */
    pageOfEvent: parentPages({ prisma, companyId, list: dealsOf("event_id"), isKey: isInstantKey, loadByIds: byIds, idOf: (deal) => deal.id, keyOf: dealKey }),

    /** A page of an artist's deals, newest first. */
    pageOfArtist: parentPages({ prisma, companyId, list: dealsOf("artist_id"), isKey: isInstantKey, loadByIds: byIds, idOf: (deal) => deal.id, keyOf: dealKey }),

    /** A page of a deal's versions, oldest first: the negotiation as it happened. */
    history: parentPages({
      prisma,
      companyId,
      list: historyOfDeal,
      isKey: isVersionKey,
      loadByIds: async (ids) => (await prisma.dealTermsVersion.findMany({ where: { companyId, id: { in: ids } } })).map(termsVersionRecord),
      idOf: (version) => version.id,
      keyOf: versionKey,
    }),

    version: (versionId: string) => versionById.load(versionId),
    ticketBonuses: (version: TermsVersionRecord) => bonusesOf.load(version.id),
    buyouts: (version: TermsVersionRecord) => buyoutsOf.load(version.id),

    /** The artist's accepted deals for events, other than `exceptDealId`: what a radius clause is checked against. */
    async acceptedForEvents(artistId: string, exceptDealId: string): Promise<DealRecord[]> {
      const now = clock();
      const rows = await prisma.deal.findMany({
        where: { companyId, artistId, status: "ACCEPTED", eventId: { not: null }, id: { not: exceptDealId } },
        include: currentVersionSummary,
        orderBy: newestFirst("createdAt"),
      });
      return rows.map((row) => dealRecord(row, now));
    },

    /** Opens a draft; the artist and the event must already be known to exist in Base. */
    async create(draft: DealDraft): Promise<DealRecord> {
      const now = clock();
      const row = await prisma.$transaction(async (tx) => {
        const deal = await tx.deal.create({ data: { companyId, createdBy: userId, artistId: draft.artistId, eventId: draft.eventId, notes: draft.notes, createdAt: now, updatedAt: now } });
        await appendVersion(tx, deal.id, 1, { kind: "DRAFT", side: "PROMOTER", terms: draft.terms });
        return tx.deal.findFirstOrThrow({ where: { id: deal.id, companyId }, include: currentVersionSummary });
      });
      return dealRecord(row, now);
    },

    /** Changes a draft; new terms become a new draft version. */
    edit: (id: string, changes: DraftChanges) =>
      makeMove(id, "EDIT", async () => ({
        columns: { eventId: changes.eventId, notes: changes.notes },
        ...(changes.terms ? { version: { kind: "DRAFT", side: "PROMOTER", terms: changes.terms } } : {}),
      })),

    /** Sends the latest draft as the first offer. */
    offer: (id: string) =>
      makeMove(id, "OFFER", async (current, tx, now) => {
        const terms = await termsIn(tx, current.currentVersionId);
        assertOfferStillOpen(terms, now);
        return { version: { kind: "OFFER", side: "PROMOTER", terms } };
      }),

    /** Answers the terms on the table with new ones, from the side whose turn it is. */
    counter: (id: string, terms: OfferTerms, answering?: string | null) =>
      makeMove(
        id,
        "COUNTER",
        async (current, _tx, now) => {
          assertOfferStillOpen(terms, now);
          // COUNTER is only allowed from OFFERED or COUNTERED (dealStatusAfter checked it).
          const side = counteringSide(current.status as "OFFERED" | "COUNTERED");
          return { version: { kind: "COUNTER_OFFER", side, terms } };
        },
        answering,
      ),

    /** Accepts the version on the table. */
    accept: (id: string, answering?: string | null) =>
      makeMove(id, "ACCEPT", async (current, _tx, now) => ({ columns: { ...decidedNow(now).columns, acceptedVersionId: current.currentVersionId } }), answering),

    /**
     * Deletes a deal that was never offered, with its draft versions: the database lets
     * them go only with their DRAFT deal (see the migration). Answers the deleted id.
     */
    async deleteDraft(id: string): Promise<string> {
      if (!isUuid(id)) throw unknown(id);
      const now = clock();
      await prisma.$transaction(async (tx) => {
        assertDeletable((await existing(tx, id, now)).status);
        // Conditional on the status, so an offer racing this deletion either wins whole or loses whole.
        const deleted = await tx.deal.deleteMany({ where: { id, companyId, status: "DRAFT" } });
        if (deleted.count === 0) assertDeletable((await existing(tx, id, now)).status);
      });
      return id;
    },

    decline: (id: string, answering?: string | null) => makeMove(id, "DECLINE", async (_current, _tx, now) => decidedNow(now), answering),

    withdraw: (id: string) => makeMove(id, "WITHDRAW", async (_current, _tx, now) => decidedNow(now)),
  };
}

/** A deal's status at `now` as a condition on the stored status and the expiry of the terms on the table. */
function statusCondition(status: DealStatus, now: Date) {
  switch (status) {
    case "EXPIRED":
      return { status: { in: ["OFFERED", "COUNTERED"] as StoredDealStatus[] }, currentVersion: { offerExpiresAt: { lte: now } } };
    case "OFFERED":
    case "COUNTERED":
      return { status, currentVersion: { OR: [{ offerExpiresAt: null }, { offerExpiresAt: { gt: now } }] } };
    default:
      return { status };
  }
}
