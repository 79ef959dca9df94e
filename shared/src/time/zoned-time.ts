/**
 * Wall-clock time in an IANA time zone, from the time zone database that Intl carries (no
 * date library): what a zone's clocks show at an instant, and the instant a zone's clock
 * time names. Offsets are looked up for each instant itself, so they are right on either
 * side of a daylight-saving change, and a local day is 23 or 25 hours long on the day of
 * one, as the people there live it.
 *
 * Dates are calendar dates, YYYY-MM-DD; times of day are HH:mm, 24-hour.
 */

const clockFormatters = new Map<string, Intl.DateTimeFormat>();
const abbreviationFormatters = new Map<string, Intl.DateTimeFormat>();

function cachedFormatter(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let formatter = cache.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, ...options });
    cache.set(timeZone, formatter);
  }
  return formatter;
}

function partsAt(formatter: Intl.DateTimeFormat, instant: Date): Record<string, string> {
  return Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
}

/** What a zone's clocks show at an instant. */
export interface WallClock {
  /** The local calendar date, YYYY-MM-DD. */
  date: string;
  /** The local time of day, HH:mm:ss, 24-hour (midnight is 00:00:00). */
  time: string;
  /** The offset from UTC in force, ±hh:mm: "+02:00", "-05:00", "+05:45"; "+00:00" for UTC. */
  offset: string;
}

/** What clocks in `timeZone` show at `instant`, with the offset then in force. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts = partsAt(
    cachedFormatter(clockFormatters, timeZone, {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "longOffset",
    }),
    instant,
  );
  // longOffset writes "GMT+02:00", and plain "GMT" when the offset is zero.
  const offset = parts["timeZoneName"] === "GMT" ? "+00:00" : String(parts["timeZoneName"]).slice("GMT".length);
  return {
    date: `${String(parts["year"]).padStart(4, "0")}-${parts["month"]}-${parts["day"]}`,
    time: `${parts["hour"]}:${parts["minute"]}:${parts["second"]}`,
    offset,
  };
}

/** The zone's offset from UTC at `instant`, in minutes: 120 for Berlin in summer, -300 for New York in winter. */
export function offsetMinutesAt(instant: Date, timeZone: string): number {
  // Always "±hh:mm" (wallClockAt's contract), possibly followed by seconds for old local mean times.
  const [, sign, hours, minutes] = /^([+-])(\d{2}):(\d{2})/.exec(wallClockAt(instant, timeZone).offset)!;
  return (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/**
 * ISO 8601 as clocks in `timeZone` show the instant, with the offset then in force, e.g.
 * 2026-03-29T20:00:00+02:00. Milliseconds appear only when the instant has some.
 */
export function formatLocalIso(instant: Date, timeZone: string): string {
  const clock = wallClockAt(instant, timeZone);
  const milliseconds = instant.getUTCMilliseconds();
  const fraction = milliseconds === 0 ? "" : `.${String(milliseconds).padStart(3, "0")}`;
  return `${clock.date}T${clock.time}${fraction}${clock.offset}`;
}

/** The local calendar date (YYYY-MM-DD) at `instant` in `timeZone`: a show at 20:00 in Chicago is on that day, not UTC's next one. */
export function localDateOf(instant: Date, timeZone: string): string {
  return wallClockAt(instant, timeZone).date;
}

/**
 * The zone's short name at `instant` as en-US writes it: "CDT", "EST", "PST"; where en-US
 * has no abbreviation for the zone, its offset, "GMT+2" (Berlin in summer) or "GMT+5:45".
 */
export function zoneAbbreviationAt(instant: Date, timeZone: string): string {
  return String(partsAt(cachedFormatter(abbreviationFormatters, timeZone, { timeZoneName: "short" }), instant)["timeZoneName"]);
}

/**
 * The instant at which clocks in `timeZone` show `date` (YYYY-MM-DD) at `time` (HH:mm).
 * A time repeated by a fall-back change resolves to its first occurrence, and a time
 * skipped by a spring-forward change is moved forward by the length of the gap (02:30 on
 * the day Berlin skips from 02:00 to 03:00 becomes 03:30), as calendars do.
 */
export function instantAtLocal(date: string, time: string, timeZone: string): Date {
  const local = `${date}T${time}`;
  const asIfUtc = Date.parse(`${local}:00Z`);
  // Date.parse rolls impossible days and hours over (Feb 30 is Mar 2, 24:00 the next day); a valid reading round-trips.
  if (Number.isNaN(asIfUtc) || new Date(asIfUtc).toISOString().slice(0, 16) !== local) {
    throw new RangeError(`Not a local date and time: ${date} ${time}.`);
  }
  // The offsets in force a day before and a day after bracket any change of offset.
  const earlierOffset = offsetMinutesAt(new Date(asIfUtc - 86_400_000), timeZone);
  const laterOffset = offsetMinutesAt(new Date(asIfUtc + 86_400_000), timeZone);
  const withEarlierOffset = new Date(asIfUtc - earlierOffset * 60_000);
  if (offsetMinutesAt(withEarlierOffset, timeZone) === earlierOffset) return withEarlierOffset;
  const withLaterOffset = new Date(asIfUtc - laterOffset * 60_000);
  if (offsetMinutesAt(withLaterOffset, timeZone) === laterOffset) return withLaterOffset;
  // Neither holds: the time falls in a spring-forward gap, and the offset from before the
  // change puts the instant the length of the gap past the requested time.
  return withEarlierOffset;
}

/** The instant a calendar day (YYYY-MM-DD) begins in `timeZone`: its local midnight. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  return instantAtLocal(date, "00:00", timeZone);
}
