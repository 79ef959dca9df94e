// Touring's part of the demo world (README, "Demo data"): Northwind Live routes Aurora
// Lane's spring tour through its demo events (Chicago, then Brooklyn), with a travel day
// through Cleveland, a day off in New York, and two stops whose dates are still open (the
// Amsterdam festival hold and a Boston day off), so that the routing suggestion has
// something to reorder; and the day sheets of the four dated days, with a Chicago → New
// York time-zone change and one clash (a radio interview during soundcheck) to flag.
// Days are relative to the seed day, as Base places the events, so the two stay in step.
// Everything is written through the data layer, so the demo passes the same checks as a
// user's input.
import { addDays, instantAtLocal } from "@marquee/kit";
import { demoArtists, demoCompanies, demoEvents, demoUsers } from "@marquee/kit/demo";
import type { ScheduleItemKind } from "../__generated__/prisma/client.ts";
import { createTouringData } from "../data/touring-data.ts";
import type { TouringPrisma } from "../data/touring-database.ts";

const chicagoZone = "America/Chicago";
const newYorkZone = "America/New_York";

const cleveland = { city: "Cleveland", country: "US", latitude: 41.4993, longitude: -81.6944, timeZone: newYorkZone };
const newYork = { city: "New York", country: "US", latitude: 40.7128, longitude: -74.006, timeZone: newYorkZone };
const boston = { city: "Boston", country: "US", latitude: 42.3601, longitude: -71.0589, timeZone: newYorkZone };

interface DemoItem {
  /** Days after the Chicago show's day. */
  day: number;
  kind: ScheduleItemKind;
  title: string;
  /** Local start, HH:mm, in `zone`; the end likewise in `endZone` (default `zone`), `endDays` after the item's day. */
  start: string;
  zone: string;
  end?: { time: string; zone?: string; days?: number };
  origin?: string;
  destination?: string;
  performerArtistId?: string;
  location?: string;
  notes?: string;
}

const showDay = (day: number, kind: ScheduleItemKind, title: string, start: string, zone: string, end?: string, extra: Partial<DemoItem> = {}): DemoItem => ({
  day,
  kind,
  title,
  start,
  zone,
  ...(end ? { end: { time: end } } : {}),
  ...extra,
});

const items: DemoItem[] = [
  // Chicago, show day.
  showDay(0, "HOTEL", "Hotel Zachary", "12:00", chicagoZone, undefined, { end: { time: "11:00", days: 1 }, location: "3630 N Clark St, Chicago" }),
  showDay(0, "LOAD_IN", "Load-in", "14:00", chicagoZone, "16:00", { location: "Thalia Hall, loading dock on 18th St" }),
  showDay(0, "SOUNDCHECK", "Soundcheck", "16:30", chicagoZone, "17:30"),
  showDay(0, "DOORS", "Doors", "19:00", chicagoZone),
  showDay(0, "SET", "Saga Nord", "20:00", chicagoZone, "20:45", { performerArtistId: demoArtists.sagaNord.id }),
  showDay(0, "SET", "Aurora Lane", "21:15", chicagoZone, "22:45", { performerArtistId: demoArtists.auroraLane.id }),
  showDay(0, "CURFEW", "Curfew", "23:00", chicagoZone),
  // Travel day: the bus to Cleveland crosses into Eastern time.
  { day: 1, kind: "TRAVEL", title: "Tour bus", start: "10:00", zone: chicagoZone, end: { time: "17:30", zone: newYorkZone }, origin: "Chicago", destination: "Cleveland" },
  showDay(1, "HOTEL", "Kimpton Schofield", "18:00", newYorkZone, undefined, { end: { time: "10:00", days: 1 }, location: "2000 E 9th St, Cleveland" }),
  // Day off in New York.
  { day: 2, kind: "TRAVEL", title: "Tour bus", start: "10:30", zone: newYorkZone, end: { time: "18:00" }, origin: "Cleveland", destination: "New York" },
  showDay(2, "HOTEL", "The Williamsburg Hotel", "18:30", newYorkZone, undefined, { end: { time: "11:00", days: 2 }, location: "96 Wythe Ave, Brooklyn" }),
  // Brooklyn, show day: the radio interview runs into soundcheck.
  showDay(3, "LOAD_IN", "Load-in", "13:00", newYorkZone, "15:30", { location: "Brooklyn Steel, 319 Frost St" }),
  showDay(3, "SOUNDCHECK", "Soundcheck", "16:00", newYorkZone, "17:00"),
  showDay(3, "PRESS", "WFUV radio session", "16:30", newYorkZone, "17:15", { notes: "Aurora only; car from the venue at 16:10" }),
  showDay(3, "DOORS", "Doors", "19:00", newYorkZone),
  showDay(3, "SET", "Saga Nord", "20:00", newYorkZone, "20:45", { performerArtistId: demoArtists.sagaNord.id }),
  showDay(3, "SET", "Aurora Lane", "21:15", newYorkZone, "22:50", { performerArtistId: demoArtists.auroraLane.id }),
  showDay(3, "CURFEW", "Curfew", "23:00", newYorkZone),
];

/** The UTC calendar date `days` after the seed day's: the local date Base's demo events start on. */
function calendarDate(seedDay: Date, days: number): string {
  return addDays(seedDay.toISOString().slice(0, 10), days);
}

export async function seedTouringDemo(prisma: TouringPrisma, seedDay: Date): Promise<void> {
  const touring = createTouringData(prisma, { companyId: demoCompanies.northwind.id, userId: demoUsers.alice.id });
  const chicagoDay = calendarDate(seedDay, demoEvents.chicago.day);

  const tour = await touring.tours.create({ artistId: demoArtists.auroraLane.id, name: "Aurora Lane — Spring Tour", dailyDriveLimitKm: 600 });
  const stop = (draft: Partial<Parameters<typeof touring.stops.add>[1]> & Pick<Parameters<typeof touring.stops.add>[1], "kind">) =>
    touring.stops.add(tour.id, { eventId: null, dateFixed: true, day: null, place: null, notes: null, ...draft }, null);
  await stop({ kind: "SHOW", eventId: demoEvents.chicago.id, notes: "Opening night" });
  await stop({ kind: "TRAVEL_DAY", day: addDays(chicagoDay, 1), place: cleveland, notes: "Overnight in Cleveland" });
  await stop({ kind: "DAY_OFF", day: addDays(chicagoDay, 2), place: newYork });
  await stop({ kind: "SHOW", eventId: demoEvents.brooklyn.id });
  await stop({ kind: "SHOW", eventId: demoEvents.amsterdamFestival.id, dateFixed: false, notes: "Festival hold: date not confirmed" });
  await stop({ kind: "DAY_OFF", dateFixed: false, place: boston, notes: "Family visit; any free day" });

  for (const item of items) {
    const day = addDays(chicagoDay, item.day);
    const endZone = item.end?.zone ?? item.zone;
    await touring.schedule.add(tour.id, {
      day,
      kind: item.kind,
      title: item.title,
      startsAt: instantAtLocal(day, item.start, item.zone),
      startTimeZone: item.zone,
      endsAt: item.end ? instantAtLocal(addDays(day, item.end.days ?? 0), item.end.time, endZone) : null,
      endTimeZone: item.end ? endZone : null,
      origin: item.origin ?? null,
      destination: item.destination ?? null,
      performerArtistId: item.performerArtistId ?? null,
      location: item.location ?? null,
      notes: item.notes ?? null,
    });
  }
}
