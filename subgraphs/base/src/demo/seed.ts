import type { BasePrismaClient } from "../data/prisma-client.ts";
import { instantAtLocal } from "@marquee/kit";
import { demoArtists, demoEvents, type DemoEvent, demoHistory, type DemoPastEvent } from "@marquee/kit/demo";
import { demoTiersOf } from "./ticket-tiers.ts";

const dayMs = 86_400_000;

/** The UTC calendar date `days` after `seedDay`'s, YYYY-MM-DD: the local date the event starts on. */
function calendarDate(seedDay: Date, days: number): string {
  return new Date(seedDay.getTime() + days * dayMs).toISOString().slice(0, 10);
}

function eventRow(event: DemoEvent, seedDay: Date) {
  const startsAt = instantAtLocal(calendarDate(seedDay, event.day), event.localStart, event.location.timeZone);
  return {
    id: event.id,
    companyId: event.companyId,
    name: event.name,
    description: event.description,
    status: event.status,
    startsAt,
    endsAt: new Date(startsAt.getTime() + event.hours * 3_600_000),
    ...event.location,
    // Capacity, tickets sold and price are the database's to derive from the tiers.
    currency: event.ticketPrice.currency,
  };
}

/**
 * Northwind's generated past shows (shared/src/demo/demo-history.ts), dated as they
 * happened: created when announced, last changed when they ended. Predictions read the
 * announcement lead time from these dates.
 */
function pastEventRow(event: DemoPastEvent, seedDay: Date) {
  const row = eventRow(event, seedDay);
  return { ...row, createdAt: new Date(row.startsAt.getTime() - event.announcedDaysBefore * dayMs), updatedAt: row.endsAt };
}

/**
 * Writes Base's part of the demo world (demo-entities.ts, demo-history.ts, ticket-tiers.ts)
 * in one transaction, dated from `seedDay`.
 */
export async function seedDemo(prisma: BasePrismaClient, seedDay: Date): Promise<void> {
  const history = demoHistory(seedDay);
  const events: DemoEvent[] = [...Object.values(demoEvents), ...history];
  await prisma.$transaction(async (tx) => {
    await tx.artist.createMany({ data: Object.values(demoArtists).map((artist) => ({ ...artist, genres: [...artist.genres] })) });
    await tx.event.createMany({ data: [...Object.values(demoEvents).map((event) => eventRow(event, seedDay)), ...history.map((event) => pastEventRow(event, seedDay))] });
    await tx.ticketTier.createMany({
      data: events.flatMap((event) =>
        demoTiersOf(event).map((tier, position) => ({ companyId: event.companyId, eventId: event.id, position, ...tier })),
      ),
    });
    await tx.eventLineup.createMany({
      data: events.flatMap((event) =>
        event.lineup.map((artistId, position) => ({ companyId: event.companyId, eventId: event.id, artistId, position })),
      ),
    });
  });
}
