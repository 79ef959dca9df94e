import type { BasePrismaClient } from "../data/prisma-client.ts";
import { instantAt } from "../domain/local-time.ts";
import { demoArtists, demoEvents, type DemoEvent } from "@marquee/kit";

const dayMs = 86_400_000;

/** The UTC calendar date `days` after `seedDay`'s, YYYY-MM-DD: the local date the event starts on. */
function calendarDate(seedDay: Date, days: number): string {
  return new Date(seedDay.getTime() + days * dayMs).toISOString().slice(0, 10);
}

function eventRow(event: DemoEvent, seedDay: Date) {
  const startsAt = instantAt(calendarDate(seedDay, event.day), event.localStart, event.location.timeZone);
  return {
    id: event.id,
    companyId: event.companyId,
    name: event.name,
    description: event.description,
    status: event.status,
    startsAt,
    endsAt: new Date(startsAt.getTime() + event.hours * 3_600_000),
    ...event.location,
    capacity: event.capacity,
    ticketsSold: event.ticketsSold,
    ticketPrice: event.ticketPrice.amount,
    currency: event.ticketPrice.currency,
  };
}

/** Writes Base's part of the demo world (demo-entities.ts) in one transaction, dated from `seedDay`. */
export async function seedDemo(prisma: BasePrismaClient, seedDay: Date): Promise<void> {
  const events: DemoEvent[] = Object.values(demoEvents);
  await prisma.$transaction(async (tx) => {
    await tx.artist.createMany({ data: Object.values(demoArtists).map((artist) => ({ ...artist, genres: [...artist.genres] })) });
    await tx.event.createMany({ data: events.map((event) => eventRow(event, seedDay)) });
    await tx.eventLineup.createMany({
      data: events.flatMap((event) =>
        event.lineup.map((artistId, position) => ({ companyId: event.companyId, eventId: event.id, artistId, position })),
      ),
    });
  });
}
