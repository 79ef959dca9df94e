import { applyChanges } from "../domain/changes.ts";
import { artistDeletionProblem, checkArtistDetails, type ArtistChanges, type ArtistDetails } from "../domain/artist-details.ts";
import { accepted, refuse } from "../domain/checked.ts";
import type { CompanyScope } from "./company-scope.ts";
import type { BasePrismaClient } from "./prisma-client.ts";
import type { ArtistRecord } from "./records.ts";
import { lockArtist } from "./row-locks.ts";

const detailsOf = ({ name, genres, homeCity, homeCountry }: ArtistRecord): ArtistDetails => ({ name, genres, homeCity, homeCountry });

/** Changes to one company's artists, each in one transaction and only after every rule holds. */
export function artistWrites(prisma: BasePrismaClient, scope: CompanyScope) {
  return {
    create(details: ArtistDetails): Promise<ArtistRecord> {
      const { companyId } = scope;
      return prisma.artist.create({ data: { companyId, ...accepted("INVALID_ARTIST", checkArtistDetails(details)) } });
    },

    update(id: string, changes: ArtistChanges): Promise<ArtistRecord> {
      const { companyId } = scope;
      return prisma.$transaction(async (tx) => {
        const current = await lockArtist(tx, companyId, id);
        const details = accepted("INVALID_ARTIST", checkArtistDetails(applyChanges(detailsOf(current), changes)));
        return tx.artist.update({ where: { companyId_id: { companyId, id } }, data: details });
      });
    },

    /**
     * Deletes an artist who is in no lineup; returns their id. The lock makes a lineup
     * write that is checking this artist finish first, so the lineup check sees it.
     */
    delete(id: string): Promise<string> {
      const { companyId } = scope;
      return prisma.$transaction(async (tx) => {
        const artist = await lockArtist(tx, companyId, id);
        const billedAt = await tx.event.findMany({
          where: { companyId, lineup: { some: { artistId: id } } },
          orderBy: [{ startsAt: "asc" }, { id: "asc" }],
          select: { name: true },
        });
        refuse("ARTIST_IN_LINEUP", artistDeletionProblem(artist.name, billedAt.map((event) => event.name)));
        await tx.artist.delete({ where: { companyId_id: { companyId, id } } });
        return id;
      });
    },
  };
}

export type ArtistWrites = ReturnType<typeof artistWrites>;
