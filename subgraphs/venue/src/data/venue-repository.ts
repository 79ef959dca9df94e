// The company's venues and their spaces. Every statement is scoped to the caller's
// company, so another company's ids read and write like unknown ones; what can be
// resolved for many parents at once is batched per request.
import DataLoader from "dataloader";
import { isTextKey, isUuid, notFound, pageRequest, rowPerKey, rowsPerKey, RuleViolation, toConnection, uuidsOf, type Connection, type PageArgs, type SortKey, type Tenant } from "@marquee/kit";
import type { ConfirmationPolicy } from "../__generated__/prisma/client.ts";
import { violates } from "./constraint-violations.ts";
import { spaceRecord, venueRecord, type SpaceRecord, type VenueRecord } from "./records.ts";
import { reblockAfterTurnaroundChange } from "./space-reblocking.ts";
import { lockVenue, queueTransaction } from "./venue-queue.ts";
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

/** The fields of a space that can change; undefined keeps a field. */
export interface SpaceChanges {
  name?: string;
  turnaroundMinutes?: number;
}

const withParts = { parts: { include: { part: true } } } as const;
const byName = [{ name: "asc" as const }, { id: "asc" as const }];

export type VenueRepository = ReturnType<typeof createVenueRepository>;

export function createVenueRepository(prisma: VenuePrisma, { companyId, userId }: Tenant) {
  const unknownVenue = (id: string) => notFound(`There is no venue "${id}".`, { id });
  const unknownSpace = (id: string) => notFound(`There is no space "${id}".`, { id });
  const nameTaken = (name: string) => new RuleViolation("SPACE_NAME_TAKEN", `The venue already has a space named "${name}".`, { field: "name" });

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
      if (strangers.length > 0) throw new RuleViolation("PART_NOT_IN_VENUE", `These spaces are not spaces of the venue: ${strangers.join(", ")}.`, { field: "partIds", spaceIds: strangers });
      const combinations = parts.filter((part) => part.parts.length > 0).map((part) => part.id);
      if (combinations.length > 0) throw new RuleViolation("NESTED_COMBINATION", `A combination is made of plain spaces; these are combinations themselves: ${combinations.join(", ")}.`, { field: "partIds", spaceIds: combinations });
      const taken = await prisma.space.findFirst({ where: { companyId, venueId: draft.venueId, name: draft.name } });
      if (taken) throw nameTaken(draft.name);

      const created = await prisma.$transaction(async (tx) => {
        const space = await tx.space.create({ data: { companyId, venueId: draft.venueId, name: draft.name, turnaroundMinutes: draft.turnaroundMinutes } });
        await tx.spacePart.createMany({ data: draft.partIds.map((partId) => ({ companyId, venueId: draft.venueId, combinationId: space.id, partId })) });
        return tx.space.findUniqueOrThrow({ where: { id: space.id }, include: withParts });
      });
      return spaceRecord(created);
    },

    /**
     * Renames a space or changes its turnaround. A new turnaround is applied to the
     * blocks of its holds and bookings that have not ended (space-reblocking.ts) in the
     * same transaction, under the venue's lock; if confirmed bookings would then overlap,
     * nothing changes.
     */
    async updateSpace(id: string, changes: SpaceChanges): Promise<SpaceRecord> {
      const current = isUuid(id) ? await spaceById.load(id) : null;
      if (!current) throw unknownSpace(id);
      try {
        const updated = await prisma.$transaction(async (tx) => {
          await lockVenue(tx, companyId, current.venueId);
          if (changes.name !== undefined && (await tx.space.findFirst({ where: { companyId, venueId: current.venueId, name: changes.name, id: { not: id } } }))) {
            throw nameTaken(changes.name);
          }
          await tx.space.updateMany({ where: { companyId, id }, data: changes });
          if (changes.turnaroundMinutes !== undefined && changes.turnaroundMinutes !== current.turnaroundMinutes) {
            await reblockAfterTurnaroundChange(tx, companyId, current.venueId, id, new Date());
          }
          return spaceRecord(await tx.space.findFirstOrThrow({ where: { companyId, id }, include: withParts }));
        }, queueTransaction);
        spaceById.clear(id).prime(id, updated);
        return updated;
      } catch (error) {
        if (violates(error, "booking_block_no_double_booking")) {
          throw new RuleViolation(
            "DOUBLE_BOOKING",
            `With a turnaround of ${changes.turnaroundMinutes} minutes, confirmed bookings of "${current.name}" (or of a space it shares a floor with) would overlap; move or cancel one first.`,
            { field: "turnaroundMinutes", id },
          );
        }
        if (violates(error, "space_company_id_venue_id_name_key")) throw nameTaken(changes.name!);
        throw error;
      }
    },

    /**
     * Removes a space with its layouts and its closed history (released holds, cancelled
     * bookings). Refused while it is part of a combination, or has active holds or
     * confirmed bookings: those would lose the floor they claim.
     */
    async removeSpace(id: string): Promise<string> {
      const current = isUuid(id) ? await spaceById.load(id) : null;
      if (!current) throw unknownSpace(id);
      await prisma.$transaction(async (tx) => {
        await lockVenue(tx, companyId, current.venueId);
        const combinations = await tx.spacePart.findMany({ where: { companyId, partId: id }, include: { combination: true }, orderBy: { combination: { name: "asc" } } });
        if (combinations.length > 0) {
          const names = combinations.map((link) => `"${link.combination.name}"`).join(", ");
          throw new RuleViolation("SPACE_IN_COMBINATION", `The space is part of the combination ${names}; remove the combination first.`, { id, combinationIds: combinations.map((link) => link.combinationId) });
        }
        const activeHolds = await tx.hold.count({ where: { companyId, spaceId: id, status: "ACTIVE" } });
        const confirmedBookings = await tx.booking.count({ where: { companyId, spaceId: id, status: "CONFIRMED" } });
        if (activeHolds > 0 || confirmedBookings > 0) {
          throw new RuleViolation(
            "SPACE_IN_USE",
            `The space has ${activeHolds} active hold(s) and ${confirmedBookings} confirmed booking(s); release and cancel them first.`,
            { id, activeHolds, confirmedBookings },
          );
        }
        // Blocks and sections go with their rows (ON DELETE CASCADE); bookings before the holds they confirmed.
        await tx.booking.deleteMany({ where: { companyId, spaceId: id } });
        await tx.hold.deleteMany({ where: { companyId, spaceId: id } });
        await tx.layout.deleteMany({ where: { companyId, spaceId: id } });
        await tx.space.deleteMany({ where: { companyId, id } });
      }, queueTransaction);
      spaceById.clear(id);
      return id;
    },
  };
}
