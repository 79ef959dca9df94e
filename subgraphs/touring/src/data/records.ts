// What the data layer hands to the resolvers (codegen's mappers point here), and how
// Touring's rows become them: dates as YYYY-MM-DD, instants as Date, places whole or absent.
import type { ScheduleItem, ScheduleItemKind, StopKind, Tour, TourStop } from "../__generated__/prisma/client.ts";
import type { TourStatus } from "../domain/tour-lifecycle.ts";

/** An entity Base owns (an Event, an Artist), known here by its id alone. */
export interface EntityReference {
  id: string;
}

/** An event as the gateway hands it to Touring's fields: with Base's start and time zone where a field @requires them. */
export interface EventReference extends EntityReference {
  startsAt?: string;
  timeZone?: string;
}

export interface TourRecord {
  id: string;
  artistId: string;
  name: string;
  status: TourStatus;
  dailyDriveLimitKm: number;
  /** ISO 8601 instant. */
  createdAt: string;
}

export interface Place {
  city: string;
  country: string;
  latitude: number;
  longitude: number;
  timeZone: string;
}

export interface TourStopRecord {
  id: string;
  tourId: string;
  position: number;
  kind: StopKind;
  /** The Base event of a SHOW. */
  eventId: string | null;
  dateFixed: boolean;
  /** A fixed travel day's or day off's date; null for shows and open stops. */
  day: string | null;
  /** A travel day's or day off's own place. */
  place: Place | null;
  notes: string | null;
  /**
   * The show's start on its venue's clock, when the stop was reached through its event and
   * the gateway passed them along (@requires); otherwise the show is read from Base.
   */
  showStart?: { startsAt: string; timeZone: string };
}

export interface ScheduleItemRecord {
  id: string;
  tourId: string;
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

/** A Date column holds midnight UTC of its day. */
export function dateColumn(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

export function tourRecord(row: Tour): TourRecord {
  return { id: row.id, artistId: row.artistId, name: row.name, status: row.status, dailyDriveLimitKm: row.dailyDriveLimitKm, createdAt: row.createdAt.toISOString() };
}

export function tourStopRecord(row: TourStop): TourStopRecord {
  const { city, country, latitude, longitude, timeZone } = row;
  // The table's CHECK keeps a place whole: all five columns or none.
  const place = city !== null && country !== null && latitude !== null && longitude !== null && timeZone !== null ? { city, country, latitude, longitude, timeZone } : null;
  return {
    id: row.id,
    tourId: row.tourId,
    position: row.position,
    kind: row.kind,
    eventId: row.eventId,
    dateFixed: row.dateFixed,
    day: row.day === null ? null : dayOf(row.day),
    place,
    notes: row.notes,
  };
}

export function scheduleItemRecord(row: ScheduleItem): ScheduleItemRecord {
  return {
    id: row.id,
    tourId: row.tourId,
    day: dayOf(row.day),
    kind: row.kind,
    title: row.title,
    startsAt: row.startsAt,
    startTimeZone: row.startTimeZone,
    endsAt: row.endsAt,
    endTimeZone: row.endTimeZone,
    origin: row.origin,
    destination: row.destination,
    performerArtistId: row.performerArtistId,
    location: row.location,
    notes: row.notes,
  };
}
