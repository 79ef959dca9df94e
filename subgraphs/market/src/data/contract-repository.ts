// The company's contracts. A contract is drawn up from an accepted deal and freezes the
// version it accepted (a composite key to the deal's accepted version holds it there);
// the database keeps at most one live contract per deal, so two requests racing to draw
// one up get one contract and one refusal. Each move is a conditional UPDATE on the
// status it starts from.
import DataLoader from "dataloader";
import { badUserInput, isInstantKey, isUuid, newestFirst, newestFirstAfter, notFound, pageRequest, sameId, toConnection, type Connection, type PageArgs, type Tenant } from "@marquee/kit";
import { Prisma } from "../__generated__/prisma/client.ts";
import { assertContractMove, assertNotSignedBy, type ContractMove, type ContractParty, type ContractStatus } from "../domain/index.ts";
import type { MarketPrisma } from "./market-database.ts";
import { contractRecord, type ContractRecord } from "./records.ts";

export interface ContractFilter {
  dealId?: string | null;
  status?: ContractStatus | null;
}

/** The signature columns of each party, and of the other one. */
const signatureColumns = {
  PROMOTER: { mine: "promoter", theirs: "artist" },
  ARTIST: { mine: "artist", theirs: "promoter" },
} as const satisfies Record<ContractParty, { mine: string; theirs: string }>;

export type ContractRepository = ReturnType<typeof createContractRepository>;

export function createContractRepository(prisma: MarketPrisma, { companyId, userId }: Tenant, clock: () => Date) {
  const unknown = (id: string) => notFound(`There is no contract "${id}".`, { id });

  async function find(id: string): Promise<ContractRecord | null> {
    if (!isUuid(id)) return null;
    const row = await prisma.contract.findFirst({ where: { id, companyId } });
    return row && contractRecord(row);
  }

  /** The move was refused by its conditional UPDATE: the contract is unknown, or has moved on. */
  async function refusal(id: string, move: ContractMove, check: (contract: ContractRecord) => void = () => {}): Promise<never> {
    const contract = await find(id);
    if (!contract) throw unknown(id);
    assertContractMove(contract.status, move);
    check(contract);
    throw new Error(`Contract ${id} changed state while it was being written.`);
  }

  async function moved(id: string, move: ContractMove, from: ContractStatus, data: object): Promise<ContractRecord> {
    if (!isUuid(id)) throw unknown(id);
    const [row] = await prisma.contract.updateManyAndReturn({ where: { id, companyId, status: from }, data });
    return row ? contractRecord(row) : refusal(id, move);
  }

  const liveOfDeal = new DataLoader(async (dealIds: readonly string[]) => {
    const rows = await prisma.contract.findMany({ where: { companyId, dealId: { in: [...dealIds] }, status: { not: "VOID" } } });
    const byDeal = new Map(rows.map((row) => [row.dealId, contractRecord(row)]));
    return dealIds.map((dealId) => byDeal.get(dealId) ?? null);
  });

  /** Contracts by id, batched (other modules' references): one statement per batch, scoped to the caller's company. */
  const byId = new DataLoader(async (ids: readonly string[]) => {
    const uuids = ids.filter(isUuid);
    const rows = uuids.length === 0 ? [] : await prisma.contract.findMany({ where: { companyId, id: { in: uuids } } });
    const found = new Map(rows.map((row) => [row.id, contractRecord(row)]));
    return ids.map((id) => found.get(id) ?? null);
  });

  return {
    find,
    byId,

    async list(filter: ContractFilter, args: PageArgs): Promise<Connection<ContractRecord>> {
      const page = pageRequest(args, isInstantKey);
      const rows = await prisma.contract.findMany({
        where: {
          AND: [
            { companyId },
            ...(filter.dealId != null ? [{ dealId: sameId(filter.dealId) }] : []),
            ...(filter.status ? [{ status: filter.status }] : []),
            ...(page.after ? [newestFirstAfter("createdAt", page.after)] : []),
          ],
        },
        orderBy: newestFirst("createdAt"),
        take: page.take + 1,
      });
      return toConnection(rows.map(contractRecord), page.take, (contract) => [contract.createdAt, contract.id]);
    },

    /** A deal's live (not void) contract, or null. */
    liveOfDeal: (dealId: string) => liveOfDeal.load(dealId),

    /** Draws up a contract on the terms the deal accepted. */
    /** `id`: a fixed id for the contract, for the demo world's contracts that other modules' demos name; a new one otherwise. */
    async create(dealId: string, id?: string): Promise<ContractRecord> {
      const deal = isUuid(dealId) ? await prisma.deal.findFirst({ where: { id: dealId, companyId }, select: { status: true, acceptedVersionId: true } }) : null;
      if (!deal) throw notFound(`There is no deal "${dealId}".`, { id: dealId });
      if (deal.status !== "ACCEPTED" || !deal.acceptedVersionId) {
        throw badUserInput(`Deal "${dealId}" is ${deal.status}; only an ACCEPTED deal gets a contract.`, { reason: "DEAL_NOT_ACCEPTED", dealId, status: deal.status });
      }
      // ON CONFLICT DO NOTHING: the one-live-contract index decides, race or not.
      const [row] = await prisma.contract.createManyAndReturn({
        data: [{ ...(id === undefined ? {} : { id }), companyId, dealId, termsVersionId: deal.acceptedVersionId, createdBy: userId, createdAt: clock() }],
        skipDuplicates: true,
      });
      if (!row) throw badUserInput(`Deal "${dealId}" already has a live contract; void it to draw up another.`, { reason: "LIVE_CONTRACT_EXISTS", dealId });
      return contractRecord(row);
    },

    send: (id: string) => moved(id, "SEND", "DRAFT", { status: "SENT", sentAt: clock(), sentBy: userId }),

    /**
     * Records one party's signature; the second signature makes the contract SIGNED. One
     * statement does both, so that of two parties signing at once the later one's UPDATE
     * (re-evaluated on the row the earlier one wrote) sees the first signature.
     */
    async sign(id: string, party: ContractParty, signerName: string): Promise<ContractRecord> {
      if (!isUuid(id)) throw unknown(id);
      const { mine, theirs } = signatureColumns[party];
      const signed = await prisma.$executeRaw`
        UPDATE "market"."contract"
        SET ${Prisma.raw(`"${mine}_signer_name"`)} = ${signerName},
            ${Prisma.raw(`"${mine}_signed_at"`)} = ${clock()},
            ${Prisma.raw(`"${mine}_signature_by"`)} = ${userId}::uuid,
            "status" = CASE WHEN ${Prisma.raw(`"${theirs}_signed_at"`)} IS NULL THEN 'SENT' ELSE 'SIGNED' END::"market"."contract_status"
        WHERE "id" = ${id}::uuid AND "company_id" = ${companyId}::uuid AND "status" = 'SENT' AND ${Prisma.raw(`"${mine}_signed_at"`)} IS NULL`;
      const contract = await find(id);
      if (signed === 1 && contract) return contract;
      return refusal(id, "SIGN", (current) => assertNotSignedBy(party, (party === "PROMOTER" ? current.promoterSignature : current.artistSignature) !== null));
    },

    /** Voids a draft or sent contract. */
    async void(id: string, reason: string): Promise<ContractRecord> {
      if (!isUuid(id)) throw unknown(id);
      const [row] = await prisma.contract.updateManyAndReturn({
        where: { id, companyId, status: { in: ["DRAFT", "SENT"] } },
        data: { status: "VOID", voidReason: reason, voidedAt: clock(), voidedBy: userId },
      });
      return row ? contractRecord(row) : refusal(id, "VOID");
    },
  };
}
