import { isUuid, toConnection, type Connection, type PageRequest, type SortKey } from "@marquee/kit";
import type { Prisma } from "../__generated__/prisma/client.ts";
import type { CompanyScope } from "./company-scope.ts";
import type { BasePrismaClient } from "./prisma-client.ts";
import type { ArtistRecord } from "./records.ts";
import { containsText, searchTerm } from "./text-search.ts";

/** Artists are listed by name, then id: the cursor is the last artist's pair (a text cursor). */
const artistCursorOf = (artist: ArtistRecord): SortKey => [artist.name, artist.id];

function after(cursor: SortKey | null): Prisma.ArtistWhereInput {
  if (!cursor) return {};
  const [name, id] = cursor;
  return { OR: [{ name: { gt: name } }, { name, id: { gt: id } }] };
}

export interface ArtistFilter {
  search?: string | null;
  genre?: string | null;
}

/** Reads of one company's artists; nothing here can see another company's rows. */
export function artistReads(prisma: BasePrismaClient, scope: CompanyScope) {
  return {
    async byIds(ids: readonly string[]): Promise<ArtistRecord[]> {
      const { companyId } = scope;
      const rowIds = ids.filter(isUuid);
      if (rowIds.length === 0) return [];
      return prisma.artist.findMany({ where: { companyId, id: { in: rowIds } } });
    },

    async page(filter: ArtistFilter, page: PageRequest<SortKey>): Promise<Connection<ArtistRecord>> {
      const { companyId } = scope;
      const search = searchTerm(filter.search);
      // Genres are stored in lower case (checkArtistDetails), so the filter is too.
      const genre = searchTerm(filter.genre)?.toLowerCase();
      const rows = await prisma.artist.findMany({
        where: {
          companyId,
          ...(search ? { name: containsText(search) } : {}),
          ...(genre ? { genres: { has: genre } } : {}),
          ...after(page.after),
        },
        orderBy: [{ name: "asc" }, { id: "asc" }],
        take: page.take + 1,
      });
      return toConnection(rows, page.take, artistCursorOf);
    },
  };
}

export type ArtistReads = ReturnType<typeof artistReads>;
