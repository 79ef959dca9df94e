import { applyChanges } from "../domain/changes.ts";
import { checkEventDetails, lineupProblems, type EventChanges, type EventDetails } from "../domain/event-details.ts";
import { deletionProblem, editProblem, statusChangeProblem, type EventStatus } from "../domain/event-lifecycle.ts";
import type { CompanyScope } from "./company-scope.ts";
import type { BasePrismaClient } from "./prisma-client.ts";
import type { EventRecord } from "./records.ts";
import { accepted, refuse } from "./rejections.ts";
import { lockEvent, lockLineupArtists, type Transaction } from "./row-locks.ts";

function columnsOf(details: EventDetails) {
  const { location, ticketPrice, ...own } = details;
  return { ...own, ...location, ticketPrice: ticketPrice.amount, currency: ticketPrice.currency };
}

function detailsOf(event: EventRecord): EventDetails {
  return {
    name: event.name,
    description: event.description,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    location: {
      venueName: event.venueName,
      city: event.city,
      country: event.country,
      latitude: event.latitude,
      longitude: event.longitude,
      timeZone: event.timeZone,
    },
    capacity: event.capacity,
    ticketsSold: event.ticketsSold,
    ticketPrice: { amount: event.ticketPrice.toString(), currency: event.currency },
  };
}

/** Checks the artists, then writes the lineup in billing order (position 0 headlines). */
async function writeLineup(tx: Transaction, companyId: string, eventId: string, artistIds: readonly string[]): Promise<void> {
  if (artistIds.length === 0) return;
  await lockLineupArtists(tx, companyId, artistIds);
  await tx.eventLineup.createMany({ data: artistIds.map((artistId, position) => ({ companyId, eventId, artistId, position })) });
}

/** Changes to one company's events, each in one transaction and only after every rule holds. */
export function eventWrites(prisma: BasePrismaClient, scope: CompanyScope) {
  return {
    create(details: EventDetails, lineup: readonly string[]): Promise<EventRecord> {
      const { companyId } = scope;
      const checked = accepted(checkEventDetails(details));
      refuse(lineupProblems(lineup));
      return prisma.$transaction(async (tx) => {
        const event = await tx.event.create({ data: { companyId, ...columnsOf(checked) } });
        await writeLineup(tx, companyId, event.id, lineup);
        return event;
      });
    },

    /** `lineup`, when given, replaces the whole lineup. */
    update(id: string, changes: EventChanges, lineup: readonly string[] | undefined): Promise<EventRecord> {
      const { companyId } = scope;
      if (lineup) refuse(lineupProblems(lineup));
      return prisma.$transaction(async (tx) => {
        const current = await lockEvent(tx, companyId, id);
        refuse(editProblem(current.status));
        const details = accepted(checkEventDetails(applyChanges(detailsOf(current), changes)));
        if (lineup) {
          await tx.eventLineup.deleteMany({ where: { companyId, eventId: id } });
          await writeLineup(tx, companyId, id, lineup);
        }
        return tx.event.update({ where: { companyId_id: { companyId, id } }, data: columnsOf(details) });
      });
    },

    changeStatus(id: string, status: EventStatus, now: Date): Promise<EventRecord> {
      const { companyId } = scope;
      return prisma.$transaction(async (tx) => {
        const current = await lockEvent(tx, companyId, id);
        refuse(statusChangeProblem(current, status, now));
        return tx.event.update({ where: { companyId_id: { companyId, id } }, data: { status } });
      });
    },

    /** Deletes a DRAFT event and its lineup; returns its id. */
    delete(id: string): Promise<string> {
      const { companyId } = scope;
      return prisma.$transaction(async (tx) => {
        const current = await lockEvent(tx, companyId, id);
        refuse(deletionProblem(current.status));
        await tx.event.delete({ where: { companyId_id: { companyId, id } } });
        return id;
      });
    },
  };
}

export type EventWrites = ReturnType<typeof eventWrites>;
