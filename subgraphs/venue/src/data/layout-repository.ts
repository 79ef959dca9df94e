// The company's layouts: named configurations of a space, made of sections. A layout's
// capacity is derived from its sections (domain/layout-capacity.ts), never stored.
import DataLoader from "dataloader";
import { badUserInput, isUuid, notFound, rowPerKey, rowsPerKey, RuleViolation, uuidsOf, type Tenant } from "@marquee/kit";
import type { LayoutKind } from "../__generated__/prisma/client.ts";
import type { Section } from "../domain/index.ts";
import { capacityOf } from "../domain/index.ts";
import { violates } from "./constraint-violations.ts";
import { layoutRecord, type LayoutRecord, type SectionRecord } from "./records.ts";
import { lockVenue, queueTransaction } from "./venue-queue.ts";
import type { VenuePrisma, VenueTransaction } from "./venue-database.ts";

export interface LayoutDraft {
  spaceId: string;
  name: string;
  kind: LayoutKind;
  sections: Section[];
}

/** The fields of a layout that can change; undefined keeps a field, and new sections replace all the old ones. */
export interface LayoutChanges {
  name?: string;
  kind?: LayoutKind;
  sections?: Section[];
}

/**
 * What Base says of the events booked in a layout: each event's capacity, or null when
 * Base no longer knows the event.
 */
export type BookedEventCapacities = ReadonlyMap<string, number | null>;

export type LayoutRepository = ReturnType<typeof createLayoutRepository>;

export function createLayoutRepository(prisma: VenuePrisma, { companyId }: Tenant) {
  const unknown = (id: string) => notFound(`There is no layout "${id}".`, { id });
  const nameTaken = (name: string) => new RuleViolation("LAYOUT_NAME_TAKEN", `The space already has a layout named "${name}".`, { field: "name" });

  /** Locks the venue of the layout's space: confirming a hold reads layouts under the same lock. */
  async function lockVenueOf(tx: VenueTransaction, layout: LayoutRecord): Promise<void> {
    const space = await tx.space.findFirstOrThrow({ where: { companyId, id: layout.spaceId } });
    await lockVenue(tx, companyId, space.venueId);
  }

  const layoutById = new DataLoader(async (ids: readonly string[]) => {
    const rows = await prisma.layout.findMany({ where: { companyId, id: { in: uuidsOf(ids) } } });
    return rowPerKey(ids, rows.map(layoutRecord), (layout) => layout.id);
  });

  const layoutsOfSpace = new DataLoader(async (spaceIds: readonly string[]) => {
    const rows = await prisma.layout.findMany({ where: { companyId, spaceId: { in: uuidsOf(spaceIds) } }, orderBy: [{ name: "asc" }, { id: "asc" }] });
    const layouts = rows.map(layoutRecord);
    for (const layout of layouts) layoutById.prime(layout.id, layout);
    return rowsPerKey(spaceIds, layouts, (layout) => layout.spaceId);
  });

  const sectionsOfLayout = new DataLoader(async (layoutIds: readonly string[]) => {
    const rows = await prisma.layoutSection.findMany({ where: { companyId, layoutId: { in: uuidsOf(layoutIds) } }, orderBy: [{ layoutId: "asc" }, { position: "asc" }] });
    return rowsPerKey(layoutIds, rows, (row) => row.layoutId).map((sections): SectionRecord[] => sections.map(({ name, capacity }) => ({ name, capacity })));
  });

  async function find(id: string): Promise<LayoutRecord | null> {
    return isUuid(id) ? layoutById.load(id) : null;
  }

  return {
    find,
    layoutById,
    layoutsOfSpace,
    sectionsOfLayout,

    async create(draft: LayoutDraft): Promise<LayoutRecord> {
      if (!isUuid(draft.spaceId) || !(await prisma.space.findFirst({ where: { companyId, id: draft.spaceId } }))) {
        throw notFound(`There is no space "${draft.spaceId}".`, { id: draft.spaceId });
      }
      if (await prisma.layout.findFirst({ where: { companyId, spaceId: draft.spaceId, name: draft.name } })) {
        throw nameTaken(draft.name);
      }
      // The layout and its sections are written together or not at all.
      const layout = await prisma
        .$transaction(async (tx) => {
          const row = await tx.layout.create({ data: { companyId, spaceId: draft.spaceId, name: draft.name, kind: draft.kind } });
          await tx.layoutSection.createMany({ data: draft.sections.map((section, position) => ({ companyId, layoutId: row.id, position, ...section })) });
          return layoutRecord(row);
        })
        .catch((error: unknown) => {
          // Another request took the name between the check above and this write.
          if (violates(error, "layout_company_id_space_id_name_key")) throw nameTaken(draft.name);
          throw error;
        });
      sectionsOfLayout.prime(layout.id, draft.sections);
      return layout;
    },

    /** The events of the layout's confirmed bookings, whose capacities a change of its sections must still fit. */
    async bookedEventIds(layoutId: string): Promise<string[]> {
      const bookings = await prisma.booking.findMany({ where: { companyId, layoutId, status: "CONFIRMED" }, select: { eventId: true } });
      return bookings.map((booking) => booking.eventId);
    },

    /**
     * Changes a layout. New sections must still take every event booked in it (as Base
     * says, read beforehand into `booked`); the bookings are read again under the venue's
     * lock, so a confirmation that raced ahead is not missed.
     */
    async update(id: string, changes: LayoutChanges, booked: BookedEventCapacities): Promise<LayoutRecord> {
      const current = await find(id);
      if (!current) throw unknown(id);
      try {
        const updated = await prisma.$transaction(async (tx) => {
          await lockVenueOf(tx, current);
          if (changes.name !== undefined && (await tx.layout.findFirst({ where: { companyId, spaceId: current.spaceId, name: changes.name, id: { not: id } } }))) {
            throw nameTaken(changes.name);
          }
          if (changes.sections) {
            const capacity = capacityOf(changes.sections);
            const bookings = await tx.booking.findMany({ where: { companyId, layoutId: id, status: "CONFIRMED" }, orderBy: { startsAt: "asc" } });
            for (const { eventId } of bookings) {
              if (!booked.has(eventId)) throw badUserInput("The layout was booked while it was being changed; try again.", { id, eventId });
              const eventCapacity = booked.get(eventId);
              if (eventCapacity != null && eventCapacity > capacity) {
                throw new RuleViolation("LAYOUT_TOO_SMALL", `Event "${eventId}" is booked in this layout with a capacity of ${eventCapacity}; the new sections take ${capacity}.`, {
                  field: "sections",
                  eventId,
                  eventCapacity,
                  layoutCapacity: capacity,
                });
              }
            }
            await tx.layoutSection.deleteMany({ where: { companyId, layoutId: id } });
            await tx.layoutSection.createMany({ data: changes.sections.map((section, position) => ({ companyId, layoutId: id, position, ...section })) });
          }
          const [row] = await tx.layout.updateManyAndReturn({ where: { companyId, id }, data: { name: changes.name, kind: changes.kind } });
          return layoutRecord(row!);
        }, queueTransaction);
        layoutById.clear(id).prime(id, updated);
        sectionsOfLayout.clear(id);
        return updated;
      } catch (error) {
        if (violates(error, "layout_company_id_space_id_name_key")) throw nameTaken(changes.name!);
        throw error;
      }
    },

    /**
     * Removes a layout with its sections, and the cancelled bookings that were in it (a
     * booking must name a layout). Refused while a confirmed booking uses it.
     */
    async remove(id: string): Promise<string> {
      const current = await find(id);
      if (!current) throw unknown(id);
      await prisma.$transaction(async (tx) => {
        await lockVenueOf(tx, current);
        const confirmed = await tx.booking.count({ where: { companyId, layoutId: id, status: "CONFIRMED" } });
        if (confirmed > 0) throw new RuleViolation("LAYOUT_IN_USE", `The layout is used by ${confirmed} confirmed booking(s); cancel them first.`, { id, confirmedBookings: confirmed });
        await tx.booking.deleteMany({ where: { companyId, layoutId: id } });
        await tx.layout.deleteMany({ where: { companyId, id } });
      }, queueTransaction);
      layoutById.clear(id);
      return id;
    },
  };
}
