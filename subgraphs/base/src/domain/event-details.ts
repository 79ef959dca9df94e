import { verdict, type Checked } from "./checked.ts";
import { checkOptionalText, checkText } from "./text.ts";
import type { EventTickets } from "./ticket-tiers.ts";

/** Where an event takes place. Country, time zone and currency are valid codes by the time they get here (API scalars). */
export interface EventLocation {
  venueName: string;
  city: string;
  country: string;
  latitude: number;
  longitude: number;
  timeZone: string;
}

/**
 * An event's own details: everything but its status, lineup and tickets (ticket-tiers.ts),
 * whose figures the database derives from the tiers.
 */
export interface EventDetails {
  name: string;
  description: string | null;
  startsAt: Date;
  endsAt: Date;
  location: EventLocation;
}

/** A new event as given: its details and its tickets, as tiers or as the one-tier shortcut. */
export type NewEvent = EventDetails & EventTickets;

/** Changes to an event: absent fields stay; `description: null` clears it; tickets as `changedTicketTiers` reads them. */
export type EventChanges = Partial<EventDetails> & EventTickets;

// A promoter's calendar: anything outside is a typo (2062 for 2026, a two-digit year).
const earliestDate = new Date("2000-01-01T00:00:00Z");
const latestDate = new Date("2100-01-01T00:00:00Z");

export const maxLineupSize = 50;

/** The details with text trimmed and blanks made null, or every rule they break. */
export function checkEventDetails(details: EventDetails): Checked<EventDetails> {
  const problems: string[] = [];
  const name = checkText("name", details.name, { min: 1, max: 200 }, problems);
  const description = checkOptionalText("description", details.description, 5000, problems);
  for (const [field, instant] of [["startsAt", details.startsAt], ["endsAt", details.endsAt]] as const) {
    if (instant < earliestDate || instant >= latestDate) problems.push(`${field} must be between the years 2000 and 2099 (got ${instant.toISOString()}).`);
  }
  if (details.endsAt <= details.startsAt) {
    problems.push(`endsAt (${details.endsAt.toISOString()}) must be after startsAt (${details.startsAt.toISOString()}).`);
  }
  const location = checkLocation(details.location, problems);
  return verdict({ ...details, name, description, location }, problems);
}

function checkLocation(location: EventLocation, problems: string[]): EventLocation {
  const venueName = checkText("location.venueName", location.venueName, { min: 1, max: 200 }, problems);
  const city = checkText("location.city", location.city, { min: 1, max: 100 }, problems);
  if (!(location.latitude >= -90 && location.latitude <= 90)) problems.push(`location.latitude must be between -90 and 90 (got ${location.latitude}).`);
  if (!(location.longitude >= -180 && location.longitude <= 180)) {
    problems.push(`location.longitude must be between -180 and 180 (got ${location.longitude}).`);
  }
  return { ...location, venueName, city };
}

/** The problems of a lineup as given (artist ids in billing order); whether the artists exist is the data layer's question. */
export function lineupProblems(artistIds: readonly string[]): string[] {
  const problems: string[] = [];
  if (artistIds.length > maxLineupSize) problems.push(`lineup can hold at most ${maxLineupSize} artists (got ${artistIds.length}).`);
  const repeated = [...new Set(artistIds.filter((id, index) => artistIds.indexOf(id) !== index))];
  if (repeated.length > 0) problems.push(`lineup lists these artists more than once: ${repeated.join(", ")}.`);
  return problems;
}
