// The schedule items of the company's tour days. Items are written while their tour is
// locked and still editable (an update re-reads its item under that lock); a day's items are read for many days in one statement.
import DataLoader from "dataloader";
import { isUuid, notFound, type Tenant } from "@marquee/kit";
import type { ScheduleItemKind } from "../__generated__/prisma/client.ts";
import { dateColumn, scheduleItemRecord, type ScheduleItemRecord } from "./records.ts";
import type { TourRepository } from "./tour-repository.ts";
import type { TouringPrisma, TouringTransaction } from "./touring-database.ts";

/** A validated item, ready to be written; its performer already checked in Base. */
export interface ScheduleItemDraft {
  day: string;
  kind: ScheduleItemKind;
  title: string;
  startsAt: Date;
  startTimeZone: string;
  endsAt: Date | null;
  endTimeZone: string | null;
  origin: string | null;
  destination: string | null;
  performerArtistId: string | null;
  location: string | null;
  notes: string | null;
}

export type ScheduleRepository = ReturnType<typeof createScheduleRepository>;

const dayKey = (tourId: string, day: string) => `${tourId}/${day}`;

export function createScheduleRepository(prisma: TouringPrisma, { companyId, userId }: Tenant, tours: TourRepository) {
  const unknown = (id: string) => notFound(`There is no schedule item "${id}".`, { id });

  async function existing(tx: TouringTransaction, id: string): Promise<ScheduleItemRecord> {
    const row = isUuid(id) ? await tx.scheduleItem.findFirst({ where: { id, companyId } }) : null;
    if (!row) throw unknown(id);
    return scheduleItemRecord(row);
  }

  const ofDayLoader = new DataLoader(async (keys: readonly string[]) => {
    const days = keys.map((key) => key.split("/") as [string, string]).filter(([tourId]) => isUuid(tourId));
    const rows = await prisma.scheduleItem.findMany({
      where: { companyId, OR: days.map(([tourId, day]) => ({ tourId, day: dateColumn(day) })) },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    });
    const items = rows.map(scheduleItemRecord);
    return keys.map((key) => items.filter((item) => dayKey(item.tourId, item.day) === key));
  });

  return {
    /** A tour day's items, in start order. */
    ofDay: (tourId: string, day: string): Promise<ScheduleItemRecord[]> => ofDayLoader.load(dayKey(tourId, day)),

    async add(tourId: string, draft: ScheduleItemDraft): Promise<ScheduleItemRecord> {
      return prisma.$transaction(async (tx) => {
        await tours.lockedForEditing(tx, tourId);
        const row = await tx.scheduleItem.create({ data: { companyId, tourId, createdBy: userId, ...draft, day: dateColumn(draft.day) } });
        return scheduleItemRecord(row);
      });
    },

    /** Rewrites the item as `revise` makes it from the item as it is once its tour is locked. */
    async update(id: string, revise: (item: ScheduleItemRecord) => ScheduleItemDraft): Promise<ScheduleItemRecord> {
      return prisma.$transaction(async (tx) => {
        await tours.lockedForEditing(tx, (await existing(tx, id)).tourId);
        const draft = revise(await existing(tx, id));
        const row = await tx.scheduleItem.update({ where: { id }, data: { ...draft, day: dateColumn(draft.day) } });
        return scheduleItemRecord(row);
      });
    },

    /** Deletes the item and returns it as it was. */
    async remove(id: string): Promise<ScheduleItemRecord> {
      return prisma.$transaction(async (tx) => {
        const item = await existing(tx, id);
        await tours.lockedForEditing(tx, item.tourId);
        await tx.scheduleItem.deleteMany({ where: { id, companyId } });
        return item;
      });
    },
  };
}
