// The company's venues and their spaces. Every statement is scoped to the caller's
// company, so another company's ids read and write like unknown ones; what can be
// resolved for many parents at once is batched per request.
import DataLoader from "dataloader";
import { badUserInput, isTextKey, isUuid, notFound, pageRequest, rowPerKey, rowsPerKey, toConnection, uuidsOf, type Connection, type PageArgs, type SortKey, type Tenant } from "@marquee/kit";
import type { ConfirmationPolicy } from "../__generated__/prisma/client.ts";
import { spaceRecord, venueRecord, type SpaceRecord, type VenueRecord } from "./records.ts";
import type { VenuePrisma } from "./venue-database.ts";

export interface VenueDraft {
  name: string;
  address: string;
  city: string;
  country: string;
  timeZone: string;
  onConfirm: ConfirmationPolicy;
}

export interface SpaceDraft {
  venueId: string;
  name: string;
  turnaroundMinutes: number;
  /** Two or more plain spaces of the same venue make a combination space; none, a plain one. */
  partIds: string[];
}

const withParts = { parts: { include: { part: true } } } as const;
const byName = [{ name: "asc" as const }, { id: "asc" as const }];

export type VenueRepository = ReturnType<typeof createVenueRepository>;

export function createVenueRepository(prisma: VenuePrisma, { companyId, userId }: Tenant) {
  const unknownVenue = (id: string) => notFound(`There is no venue "${id}".`, { id });

  const venueById = new DataLoader(async (ids: readonly string[]) => {
    const rows = await prisma.venue.findMany({ where: { companyId, id: { in: uuidsOf(ids) } } });
    return rowPerKey(ids, rows.map(venueRecord), (venue) => venue.id);
  });

  const spaceById = new DataLoader(async (ids: readonly string[]) => {
    const rows = await prisma.space.findMany({ where: { companyId, id: { in: uuidsOf(ids) } }, include: withParts });
    return rowPerKey(ids, rows.map(spaceRecord), (space) => space.id);
  });

  const spacesOfVenue = new DataLoader(async (venueIds: readonly string[]) => {
    const rows = await prisma.space.findMany({ where: { companyId, venueId: { in: uuidsOf(venueIds) } }, include: withParts, orderBy: byName });
    const spaces = rows.map(spaceRecord);
    for (const space of spaces) spaceById.prime(space.id, space);
    return rowsPerKey(venueIds, spaces, (space) => space.venueId);
  });

  /** The combination spaces each space is a part of. */
  const combinationsOfSpace = new DataLoader(async (spaceIds: readonly string[]) => {
    const links = await prisma.spacePart.findMany({ where: { companyId, partId: { in: uuidsOf(spaceIds) } } });
    const combinations = await spaceById.loadMany(links.map((link) => link.combinationId));
    const byId = new Map(combinations.flatMap((space) => (space && !(space instanceof Error) ? [[space.id, space] as const] : [])));
    return rowsPerKey(spaceIds, links, (link) => link.partId).map((partLinks) => partLinks.flatMap((link) => byId.get(link.combinationId) ?? []));
  });

  return {
    venueById,
    spaceById,
    spacesOfVenue,
    combinationsOfSpace,

    /** The company's venues by name. */
    async list(args: PageArgs): Promise<Connection<VenueRecord>> {
      const page = pageRequest(args, isTextKey);
      const after = page.after;
      const rows = await prisma.venue.findMany({
        where: { companyId, ...(after ? { OR: [{ name: { gt: after[0] } }, { name: after[0], id: { gt: after[1] } }] } : {}) },
        orderBy: byName,
        take: page.take + 1,
      });
      return toConnection(rows.map(venueRecord), page.take, (venue): SortKey => [venue.name, venue.id]);
    },

    async create(draft: VenueDraft): Promise<VenueRecord> {
      return venueRecord(await prisma.venue.create({ data: { companyId, createdBy: userId, ...draft } }));
    },

    /** Changes the fields given (undefined keeps a field). */
    async update(id: string, changes: Partial<VenueDraft>): Promise<VenueRecord> {
      if (!isUuid(id)) throw unknownVenue(id);
      const [row] = await prisma.venue.updateManyAndReturn({ where: { id, companyId }, data: changes });
      if (!row) throw unknownVenue(id);
      return venueRecord(row);
    },

    /**
     * Adds a space to a venue. A combination's parts must be plain spaces of the same
     * venue (the composite foreign keys hold them to it); a combination of combinations
     * is refused, so that every block names a floor that exists.
     */
    async addSpace(draft: SpaceDraft): Promise<SpaceRecord> {
      if (!isUuid(draft.venueId) || !(await venueById.load(draft.venueId))) throw unknownVenue(draft.venueId);
      const parts = await prisma.space.findMany({ where: { companyId, venueId: draft.venueId, id: { in: uuidsOf(draft.partIds) } }, include: withParts });
      const found = new Set(parts.map((part) => part.id));
      const strangers = draft.partIds.filter((id) => !found.has(id));
      if (strangers.length > 0) throw badUserInput(`These spaces are not spaces of the venue: ${strangers.join(", ")}.`, { field: "partIds", spaceIds: strangers });
      const combinations = parts.filter((part) => part.parts.length > 0).map((part) => part.id);
      if (combinations.length > 0) throw badUserInput(`A combination is made of plain spaces; these are combinations themselves: ${combinations.join(", ")}.`, { field: "partIds", spaceIds: combinations });
      const taken = await prisma.space.findFirst({ where: { companyId, venueId: draft.venueId, name: draft.name } });
      if (taken) throw badUserInput(`The venue already has a space named "${draft.name}".`, { field: "name" });

      const created = await prisma.$transaction(async (tx) => {
        const space = await tx.space.create({ data: { companyId, venueId: draft.venueId, name: draft.name, turnaroundMinutes: draft.turnaroundMinutes } });
        await tx.spacePart.createMany({ data: draft.partIds.map((partId) => ({ companyId, venueId: draft.venueId, combinationId: space.id, partId })) });
        return tx.space.findUniqueOrThrow({ where: { id: space.id }, include: withParts });
      });
      return spaceRecord(created);
    },
  };
}
