// Writes read a row, check the business rules against it, then change it. Locking the
// row first makes that sequence atomic: a concurrent write waits and then checks its
// rules against the result, instead of both passing on the same old state.
import { badUserInput, isUuid, notFound } from "@marquee/kit";
import { Prisma } from "../__generated__/prisma/client.ts";
import type { ArtistRecord, EventRecord } from "./records.ts";

export type Transaction = Prisma.TransactionClient;

const tables = { event: "base.event", artist: "base.artist" } as const;

/** Whether the company has the row; if so it stays locked until the transaction ends. */
async function lockRow(tx: Transaction, table: keyof typeof tables, companyId: string, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const locked = await tx.$queryRaw<{ id: string }[]>(
    Prisma.sql`SELECT id FROM ${Prisma.raw(tables[table])} WHERE company_id = ${companyId}::uuid AND id = ${id}::uuid FOR UPDATE`,
  );
  return locked.length > 0;
}

/** The company's event, locked until the transaction ends; NOT_FOUND otherwise. */
export async function lockEvent(tx: Transaction, companyId: string, id: string): Promise<EventRecord> {
  if (!(await lockRow(tx, "event", companyId, id))) throw notFound(`This company has no event with id ${id}.`, { id });
  return tx.event.findUniqueOrThrow({ where: { companyId_id: { companyId, id } } });
}

/** The company's artist, locked until the transaction ends; NOT_FOUND otherwise. */
export async function lockArtist(tx: Transaction, companyId: string, id: string): Promise<ArtistRecord> {
  if (!(await lockRow(tx, "artist", companyId, id))) throw notFound(`This company has no artist with id ${id}.`, { id });
  return tx.artist.findUniqueOrThrow({ where: { companyId_id: { companyId, id } } });
}

/**
 * Checks that every artist of a lineup is the company's, and keeps them from being
 * deleted until the transaction ends (a share lock, which deleteArtist's lock waits for);
 * BAD_USER_INPUT naming the ids that are not.
 */
export async function lockLineupArtists(tx: Transaction, companyId: string, artistIds: readonly string[]): Promise<void> {
  const rowIds = artistIds.filter(isUuid);
  const found =
    rowIds.length === 0
      ? []
      : await tx.$queryRaw<{ id: string }[]>`SELECT id FROM base.artist WHERE company_id = ${companyId}::uuid AND id = ANY(${rowIds}::uuid[]) FOR SHARE`;
  const known = new Set(found.map((row) => row.id));
  const unknown = artistIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw badUserInput(`The lineup names artists this company does not have: ${unknown.join(", ")}.`, { unknownArtistIds: unknown });
  }
}
