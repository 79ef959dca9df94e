// The company's bookings: a first-ranked hold confirmed in a layout of its space, and
// cancelled bookings. A booking occupies what its hold claimed (booking_block, one row
// per physical space); the database's exclusion constraint refuses a second confirmed
// booking of any of them at an overlapping time, whatever races to write it.
import DataLoader from "dataloader";
import { badUserInput, isInstantKey, isUuid, newestFirst, newestFirstAfter, notFound, pageRequest, rowPerKey, RuleViolation, toConnection, uuidsOf, type Connection, type PageArgs, type SortKey, type Tenant } from "@marquee/kit";
import type { BookingStatus } from "../__generated__/prisma/client.ts";
import { capacityOf, competes } from "../domain/index.ts";
import { violates } from "./constraint-violations.ts";
import { bookingRecord, holdRecord, type BookingRecord, type HoldRecord } from "./records.ts";
import { activeHolds, lockVenue, promoteHolds, queueTransaction } from "./venue-queue.ts";
import { placementConditions, type PlacementFilter } from "./placement-filter.ts";
import type { VenuePrisma } from "./venue-database.ts";

export type BookingFilter = PlacementFilter<BookingStatus>;

/** What Base says of the event a hold is for, as far as booking it needs. */
export interface EventToBook {
  capacity: number;
}

const sortKeyOf = (booking: BookingRecord): SortKey => [booking.confirmedAt.toISOString(), booking.id];

export type BookingRepository = ReturnType<typeof createBookingRepository>;

export function createBookingRepository(prisma: VenuePrisma, { companyId, userId }: Tenant) {
  const unknown = (id: string) => notFound(`There is no booking "${id}".`, { id });

  const bookingById = new DataLoader(async (ids: readonly string[]) => {
    const rows = await prisma.booking.findMany({ where: { companyId, id: { in: uuidsOf(ids) } } });
    return rowPerKey(ids, rows.map(bookingRecord), (booking) => booking.id);
  });

  /** Each event's confirmed booking (one at most: a partial unique index says so). */
  const confirmedOfEvent = new DataLoader(async (eventIds: readonly string[]) => {
    const rows = await prisma.booking.findMany({ where: { companyId, status: "CONFIRMED", eventId: { in: uuidsOf(eventIds) } } });
    return rowPerKey(eventIds, rows.map(bookingRecord), (booking) => booking.eventId);
  });

  async function find(id: string): Promise<BookingRecord | null> {
    return isUuid(id) ? bookingById.load(id) : null;
  }

  return {
    find,
    bookingById,
    confirmedOfEvent,

    /** The company's bookings, most recently confirmed first. */
    async list(filter: BookingFilter, args: PageArgs): Promise<Connection<BookingRecord>> {
      const page = pageRequest(args, isInstantKey);
      const rows = await prisma.booking.findMany({
        where: {
          AND: [...placementConditions(companyId, filter), ...(page.after ? [newestFirstAfter("confirmedAt", page.after)] : [])],
        },
        orderBy: newestFirst("confirmedAt"),
        take: page.take + 1,
      });
      return toConnection(rows.map(bookingRecord), page.take, sortKeyOf);
    },

    /**
     * Confirms a first-ranked hold as a booking in one of its space's layouts, then
     * releases or demotes the holds it competed with, as the venue's setting says.
     */
    async confirm(hold: HoldRecord, layoutId: string, event: EventToBook): Promise<BookingRecord> {
      try {
        const booking = await prisma.$transaction(async (tx) => {
          const venue = await lockVenue(tx, companyId, hold.venueId);
          const current = holdRecord(await tx.hold.findFirstOrThrow({ where: { companyId, id: hold.id } }));
          if (current.status !== "ACTIVE") throw new RuleViolation("HOLD_NOT_ACTIVE", `The hold is ${current.status}; only an ACTIVE hold can be confirmed.`, { holdId: hold.id, status: current.status });
          if (current.rank !== 1) {
            throw new RuleViolation("HOLD_NOT_FIRST", `The hold is ranked ${current.rank}; only the first hold can be confirmed.`, { holdId: hold.id, rank: current.rank });
          }
          const layout = isUuid(layoutId) ? await tx.layout.findFirst({ where: { companyId, id: layoutId, spaceId: current.spaceId }, include: { sections: true } }) : null;
          if (!layout) throw badUserInput(`There is no layout "${layoutId}" of the held space.`, { field: "layoutId", layoutId });
          const capacity = capacityOf(layout.sections);
          if (event.capacity > capacity) {
            throw new RuleViolation("LAYOUT_TOO_SMALL", `The event's capacity (${event.capacity}) exceeds the layout "${layout.name}" (${capacity}).`, {
              field: "layoutId",
              eventCapacity: event.capacity,
              layoutCapacity: capacity,
            });
          }

          const row = await tx.booking.create({
            data: {
              companyId,
              venueId: current.venueId,
              spaceId: current.spaceId,
              layoutId: layout.id,
              eventId: current.eventId,
              holdId: current.id,
              startsAt: current.start,
              endsAt: current.end,
              confirmedBy: userId,
            },
          });
          const blocks = await tx.holdBlock.findMany({ where: { companyId, holdId: current.id } });
          await tx.bookingBlock.createMany({
            data: blocks.map((block) => ({ companyId, bookingId: row.id, spaceId: block.spaceId, status: "CONFIRMED" as const, blockedFrom: block.blockedFrom, blockedUntil: block.blockedUntil })),
          });
          const closed = { closedAt: new Date(), closedBy: userId };
          await tx.hold.updateMany({ where: { companyId, id: current.id }, data: { status: "CONFIRMED", ...closed } });

          if (venue.onConfirm === "RELEASE_OVERLAPPING") {
            const booked = { blocks: blocks.map((block) => ({ spaceId: block.spaceId, range: { start: block.blockedFrom, end: block.blockedUntil } })) };
            const competitors = (await activeHolds(tx, companyId, current.venueId)).filter((other) => competes(booked, other)).map((other) => other.id);
            await tx.hold.updateMany({ where: { companyId, id: { in: competitors } }, data: { status: "RELEASED", ...closed } });
          }
          await promoteHolds(tx, companyId, current.venueId);
          return bookingRecord(row);
        }, queueTransaction);
        bookingById.prime(booking.id, booking);
        return booking;
      } catch (error) {
        if (violates(error, "booking_block_no_double_booking")) {
          throw new RuleViolation("DOUBLE_BOOKING", "The space is already booked at that time (or a space it shares a floor with, turnaround included).", { holdId: hold.id });
        }
        if (violates(error, "booking_one_confirmed_per_event")) {
          throw new RuleViolation("EVENT_ALREADY_BOOKED", `Event "${hold.eventId}" already has a confirmed booking; cancel it first.`, { holdId: hold.id, eventId: hold.eventId });
        }
        throw error;
      }
    },

    /** Cancels a confirmed booking: its range is free again and the holds behind it move up. */
    async cancel(id: string): Promise<BookingRecord> {
      const current = await find(id);
      if (!current) throw unknown(id);
      const cancelled = await prisma.$transaction(async (tx) => {
        await lockVenue(tx, companyId, current.venueId);
        const [row] = await tx.booking.updateManyAndReturn({
          where: { companyId, id, status: "CONFIRMED" },
          data: { status: "CANCELLED", cancelledAt: new Date(), cancelledBy: userId },
        });
        if (!row) throw new RuleViolation("BOOKING_ALREADY_CANCELLED", "The booking is already CANCELLED.", { id, status: "CANCELLED" });
        await promoteHolds(tx, companyId, current.venueId);
        return bookingRecord(row);
      }, queueTransaction);
      bookingById.clear(id).prime(id, cancelled);
      return cancelled;
    },
  };
}
