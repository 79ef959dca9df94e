import { applyChanges } from "../domain/changes.ts";
import { accepted, both, refuse } from "../domain/checked.ts";
import { checkEventDetails, lineupProblems, type EventChanges, type EventDetails, type NewEvent } from "../domain/event-details.ts";
import { deletionProblem, editProblem, statusChangeProblem, type EventStatus } from "../domain/event-lifecycle.ts";
import { changedTicketTiers, newEventTiers, type EventTickets } from "../domain/ticket-tiers.ts";
import type { CompanyScope } from "./company-scope.ts";
import type { BasePrismaClient } from "./prisma-client.ts";
import type { EventRecord } from "./records.ts";
import { lockEvent, lockLineupArtists, type Transaction } from "./row-locks.ts";
import { currencyOfTiers, insertTiers, replaceTiers, tiersOfLockedEvent } from "./ticket-tier-writes.ts";

/**
 * The event's own columns. Its capacity, tickets sold and price are not among them: the
 * database derives those from the tiers; the currency is the tiers' and is written with them.
 */
function columnsOf(details: EventDetails) {
  const { location, ...own } = details;
  return { ...own, ...location };
}

/** The event's details and its tickets, apart. */
function split<Details extends object>(event: Details & EventTickets): [Omit<Details, keyof EventTickets>, EventTickets] {
  const { ticketTiers, capacity, ticketsSold, ticketPrice, ...details } = event;
  return [details, { ticketTiers, capacity, ticketsSold, ticketPrice }];
}

const anyTicketsGiven = (tickets: EventTickets) => Object.values(tickets).some((value) => value !== undefined);

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
    /** A DRAFT event with its tiers (or the one tier of the capacity + price shortcut) and lineup. */
    create(event: NewEvent, lineup: readonly string[]): Promise<EventRecord> {
      const { companyId } = scope;
      const [details, tickets] = split(event);
      const [checked, tiers] = accepted("INVALID_EVENT", both(checkEventDetails(details), newEventTiers(tickets)));
      refuse("INVALID_LINEUP", lineupProblems(lineup));
      return prisma.$transaction(async (tx) => {
        const { id } = await tx.event.create({ data: { companyId, ...columnsOf(checked), currency: currencyOfTiers(tiers) }, select: { id: true } });
        await insertTiers(tx, companyId, id, tiers.map((tier, position) => ({ ...tier, position })));
        await writeLineup(tx, companyId, id, lineup);
        // Read back: the figures are the ones the database derived from the tiers.
        return tx.event.findUniqueOrThrow({ where: { companyId_id: { companyId, id } } });
      });
    },

    /**
     * `lineup`, when given, replaces the whole lineup; `ticketTiers` the whole set of
     * tiers. The tiers are read under the event's lock, so two concurrent changes of the
     * tickets are checked one after the other.
     */
    update(id: string, changes: EventChanges, lineup: readonly string[] | undefined): Promise<EventRecord> {
      const { companyId } = scope;
      const [detailChanges, tickets] = split(changes);
      if (lineup) refuse("INVALID_LINEUP", lineupProblems(lineup));
      return prisma.$transaction(async (tx) => {
        const current = await lockEvent(tx, companyId, id);
        refuse("EVENT_NOT_EDITABLE", editProblem(current.status));
        const { stored, current: currentTiers } = anyTicketsGiven(tickets) ? await tiersOfLockedEvent(tx, current) : { stored: [], current: [] };
        const [details, tiers] = accepted("INVALID_EVENT", both(checkEventDetails(applyChanges(detailsOf(current), detailChanges)), changedTicketTiers(currentTiers, tickets)));
        if (tiers) await replaceTiers(tx, companyId, id, stored, tiers);
        if (lineup) {
          await tx.eventLineup.deleteMany({ where: { companyId, eventId: id } });
          await writeLineup(tx, companyId, id, lineup);
        }
        // The currency changes only with every tier's price: the new set is priced in one.
        const currency = tiers ? { currency: currencyOfTiers(tiers) } : {};
        return tx.event.update({ where: { companyId_id: { companyId, id } }, data: { ...columnsOf(details), ...currency } });
      });
    },

    changeStatus(id: string, status: EventStatus, now: Date): Promise<EventRecord> {
      const { companyId } = scope;
      return prisma.$transaction(async (tx) => {
        const current = await lockEvent(tx, companyId, id);
        refuse("ILLEGAL_EVENT_TRANSITION", statusChangeProblem(current, status, now));
        return tx.event.update({ where: { companyId_id: { companyId, id } }, data: { status } });
      });
    },

    /** Deletes a DRAFT event with its lineup and tiers; returns its id. */
    delete(id: string): Promise<string> {
      const { companyId } = scope;
      return prisma.$transaction(async (tx) => {
        const current = await lockEvent(tx, companyId, id);
        refuse("EVENT_NOT_DELETABLE", deletionProblem(current.status));
        await tx.event.delete({ where: { companyId_id: { companyId, id } } });
        return id;
      });
    },
  };
}

export type EventWrites = ReturnType<typeof eventWrites>;
