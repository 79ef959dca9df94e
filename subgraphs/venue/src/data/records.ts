// What the data layer hands to the resolvers (codegen's mappers point here), and how
// Venue's rows become them, so that no resolver handles a Prisma row.
import type { Booking, BookingStatus, ConfirmationPolicy, Hold, HoldStatus, Layout, LayoutKind, Space, SpacePart, Venue } from "../__generated__/prisma/client.ts";
import type { AvailabilityState, Section, SpaceShape, TimeRange } from "../domain/index.ts";

/** An entity Base owns (an Event), known here by its id alone. */
export interface EntityReference {
  id: string;
}

export interface VenueRecord {
  id: string;
  name: string;
  address: string;
  city: string;
  country: string;
  timeZone: string;
  onConfirm: ConfirmationPolicy;
  createdAt: Date;
}

export interface SpaceRecord extends SpaceShape {
  venueId: string;
  name: string;
}

export interface LayoutRecord {
  id: string;
  spaceId: string;
  name: string;
  kind: LayoutKind;
}

export type SectionRecord = Section;

export interface HoldRecord extends TimeRange {
  id: string;
  venueId: string;
  spaceId: string;
  eventId: string;
  rank: number;
  status: HoldStatus;
  note: string | null;
  createdAt: Date;
  createdBy: string;
  closedAt: Date | null;
  closedBy: string | null;
}

export interface BookingRecord extends TimeRange {
  id: string;
  venueId: string;
  spaceId: string;
  layoutId: string;
  eventId: string;
  holdId: string;
  status: BookingStatus;
  confirmedAt: Date;
  confirmedBy: string;
  cancelledAt: Date | null;
  cancelledBy: string | null;
}

/** One stretch of a space's calendar, with the ids of what fills it. */
export interface AvailabilityIntervalRecord {
  venueTimeZone: string;
  state: AvailabilityState;
  range: TimeRange;
  holds: RankedHoldRecord[];
  bookingId: string | null;
}

export interface SpaceAvailabilityRecord {
  space: SpaceRecord;
  intervals: AvailabilityIntervalRecord[];
}

export interface VenueAvailabilityRecord {
  venue: VenueRecord;
  from: string;
  to: string;
  spaces: SpaceAvailabilityRecord[];
}

export function venueRecord(row: Venue): VenueRecord {
  return { id: row.id, name: row.name, address: row.address, city: row.city, country: row.country, timeZone: row.timeZone, onConfirm: row.onConfirm, createdAt: row.createdAt };
}

export function spaceRecord(row: Space & { parts: (SpacePart & { part: Space })[] }): SpaceRecord {
  return {
    id: row.id,
    venueId: row.venueId,
    name: row.name,
    turnaroundMinutes: row.turnaroundMinutes,
    parts: row.parts.map(({ part }) => ({ id: part.id, turnaroundMinutes: part.turnaroundMinutes })).sort((a, b) => a.id.localeCompare(b.id)),
  };
}

export function layoutRecord(row: Layout): LayoutRecord {
  return { id: row.id, spaceId: row.spaceId, name: row.name, kind: row.kind };
}

export function holdRecord(row: Hold): HoldRecord {
  return {
    id: row.id,
    venueId: row.venueId,
    spaceId: row.spaceId,
    eventId: row.eventId,
    start: row.startsAt,
    end: row.endsAt,
    rank: row.rank,
    status: row.status,
    note: row.note,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    closedAt: row.closedAt,
    closedBy: row.closedBy,
  };
}

export function bookingRecord(row: Booking): BookingRecord {
  return {
    id: row.id,
    venueId: row.venueId,
    spaceId: row.spaceId,
    layoutId: row.layoutId,
    eventId: row.eventId,
    holdId: row.holdId,
    start: row.startsAt,
    end: row.endsAt,
    status: row.status,
    confirmedAt: row.confirmedAt,
    confirmedBy: row.confirmedBy,
    cancelledAt: row.cancelledAt,
    cancelledBy: row.cancelledBy,
  };
}

/** A hold as it stands in one stretch of a calendar. */
export interface RankedHoldRecord {
  holdId: string;
  rank: number;
}
