// Venue's part of the demo world (README, "Demo data"). Harbor Hall, the venue operator,
// gets its building in Hamburg: the Main Hall, the Club Room and "Full House" (the two
// together), layouts with sections, its shows booked or held at several ranks. Northwind
// Live gets the Portland ballroom it plays at home. Everything is written through the
// data layer, so the demo passes the same checks as a user's input; holds are dated from
// the demo events, which Base places relative to the seed day, so the two stay in step.
import { instantAtLocal } from "@marquee/kit";
import { demoCompanies, demoEvents, demoUsers, type DemoEvent } from "@marquee/kit/demo";
import type { TimeRange } from "../domain/index.ts";
import { createVenueData } from "../data/venue-data.ts";
import type { VenuePrisma } from "../data/venue-database.ts";

const dayMs = 86_400_000;
const hourMs = 3_600_000;

/** The event's own times, computed as Base's seed computes them. */
function timesOf(event: DemoEvent, seedDay: Date): TimeRange {
  const date = new Date(seedDay.getTime() + event.day * dayMs).toISOString().slice(0, 10);
  const start = instantAtLocal(date, event.localStart, event.location.timeZone);
  return { start, end: new Date(start.getTime() + event.hours * hourMs) };
}

/** The same clock hours, `days` later: an alternative date for the event. */
function shifted(range: TimeRange, days: number): TimeRange {
  return { start: new Date(range.start.getTime() + days * dayMs), end: new Date(range.end.getTime() + days * dayMs) };
}

export async function seedVenueDemo(prisma: VenuePrisma, seedDay: Date): Promise<void> {
  const harbor = createVenueData(prisma, { companyId: demoCompanies.harbor.id, userId: demoUsers.hana.id });
  const hall = await harbor.venues.create({
    name: "Harbor Hall",
    address: "Große Elbstraße 212",
    city: "Hamburg",
    country: "DE",
    timeZone: "Europe/Berlin",
    onConfirm: "DEMOTE_OVERLAPPING",
  });
  const mainHall = await harbor.venues.addSpace({ venueId: hall.id, name: "Main Hall", turnaroundMinutes: 60, partIds: [] });
  const clubRoom = await harbor.venues.addSpace({ venueId: hall.id, name: "Club Room", turnaroundMinutes: 30, partIds: [] });
  const fullHouse = await harbor.venues.addSpace({ venueId: hall.id, name: "Full House", turnaroundMinutes: 90, partIds: [mainHall.id, clubRoom.id] });

  const standing = await harbor.layouts.create({
    spaceId: mainHall.id,
    name: "Concert standing",
    kind: "STANDING",
    sections: [
      { name: "Floor", capacity: 700 },
      { name: "Balcony", capacity: 200 },
    ],
  });
  await harbor.layouts.create({
    spaceId: mainHall.id,
    name: "Concert seated",
    kind: "SEATED",
    sections: [
      { name: "Stalls", capacity: 420 },
      { name: "Balcony", capacity: 180 },
    ],
  });
  await harbor.layouts.create({ spaceId: clubRoom.id, name: "Club", kind: "STANDING", sections: [{ name: "Floor", capacity: 250 }] });
  await harbor.layouts.create({
    spaceId: fullHouse.id,
    name: "Gala",
    kind: "MIXED",
    sections: [
      { name: "Main Hall tables", capacity: 500 },
      { name: "Balcony seats", capacity: 180 },
      { name: "Club Room standing", capacity: 250 },
    ],
  });

  const e = demoEvents;
  const book = async (event: DemoEvent, spaceId: string, layoutId: string, capacity: number) => {
    const hold = await harbor.holds.place({ spaceId, eventId: event.id, range: timesOf(event, seedDay), note: null });
    await harbor.bookings.confirm(hold, layoutId, { capacity });
  };
  // The season closing (past) and the jazz night: booked in the Main Hall, standing.
  await book(e.harborSeasonClosing, mainHall.id, standing.id, e.harborSeasonClosing.capacity);
  await book(e.harborJazzNight, mainHall.id, standing.id, e.harborJazzNight.capacity);
  // The club night: first hold on the Club Room.
  await harbor.holds.place({ spaceId: clubRoom.id, eventId: e.harborClubNight.id, range: timesOf(e.harborClubNight, seedDay), note: "Promoter confirms by Friday." });
  // The gala holds the whole house; the club night's backup date, in the Main Hall late that
  // night, competes with it (the house needs 90 minutes to turn round) and is second.
  const gala = timesOf(e.harborAnniversaryGala, seedDay);
  await harbor.holds.place({ spaceId: fullHouse.id, eventId: e.harborAnniversaryGala.id, range: gala, note: null });
  const clubNight = timesOf(e.harborClubNight, seedDay);
  const backupDate = shifted(clubNight, e.harborAnniversaryGala.day - e.harborClubNight.day);
  await harbor.holds.place({ spaceId: mainHall.id, eventId: e.harborClubNight.id, range: backupDate, note: "Backup date." });
  // The Club Room that night competes with the gala only (the Main Hall is another floor):
  // second as well. The whole house that night competes with all three: third.
  await harbor.holds.place({ spaceId: clubRoom.id, eventId: e.harborClubNight.id, range: backupDate, note: "Backup date, smaller room." });
  await harbor.holds.place({ spaceId: fullHouse.id, eventId: e.harborClubNight.id, range: backupDate, note: "Backup date, whole house." });

  const northwind = createVenueData(prisma, { companyId: demoCompanies.northwind.id, userId: demoUsers.alice.id });
  const ballroom = await northwind.venues.create({
    name: "Crystal Ballroom",
    address: "1332 W Burnside St",
    city: "Portland",
    country: "US",
    timeZone: "America/Los_Angeles",
    onConfirm: "RELEASE_OVERLAPPING",
  });
  const ballroomFloor = await northwind.venues.addSpace({ venueId: ballroom.id, name: "Ballroom", turnaroundMinutes: 120, partIds: [] });
  await northwind.layouts.create({ spaceId: ballroomFloor.id, name: "General admission", kind: "STANDING", sections: [{ name: "Sprung floor", capacity: 1500 }] });
}
