/**
 * Wall-clock time at a place, from the IANA time zone database that Intl carries: an
 * instant rendered as the venue's clock shows it, and the instant a venue's clock time
 * names. Offsets are looked up for the instant itself, so they are right on either side
 * of a daylight-saving change.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "longOffset",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
  /** "+02:00", "-05:00", "+05:45"; "+00:00" for UTC. */
  offset: string;
}

function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(instant).map((part) => [part.type, part.value]));
  // longOffset writes "GMT+02:00", and plain "GMT" when the offset is zero.
  const offset = parts["timeZoneName"] === "GMT" ? "+00:00" : String(parts["timeZoneName"]).slice("GMT".length);
  return {
    year: String(parts["year"]).padStart(4, "0"),
    month: String(parts["month"]),
    day: String(parts["day"]),
    hour: String(parts["hour"]),
    minute: String(parts["minute"]),
    second: String(parts["second"]),
    offset,
  };
}

/**
 * ISO 8601 with the zone's offset at that instant, e.g. 2026-03-29T20:00:00+02:00.
 * Milliseconds appear only when the instant has some.
 */
export function formatLocalDateTime(instant: Date, timeZone: string): string {
  const clock = wallClockAt(instant, timeZone);
  const milliseconds = instant.getUTCMilliseconds();
  const fraction = milliseconds === 0 ? "" : `.${String(milliseconds).padStart(3, "0")}`;
  return `${clock.year}-${clock.month}-${clock.day}T${clock.hour}:${clock.minute}:${clock.second}${fraction}${clock.offset}`;
}

function offsetMinutesAt(instant: Date, timeZone: string): number {
  // Always "±hh:mm" (wallClockAt's contract), possibly followed by seconds for old local mean times.
  const [, sign, hours, minutes] = /^([+-])(\d{2}):(\d{2})/.exec(wallClockAt(instant, timeZone).offset)!;
  return (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/**
 * The instant at which clocks in `timeZone` show `date` (YYYY-MM-DD) at `time` (HH:mm).
 * A time repeated by a fall-back change resolves to its first occurrence, and a time
 * skipped by a spring-forward change is moved forward by the length of the gap
 * (02:30 on the day Berlin skips from 02:00 to 03:00 becomes 03:30), as calendars do.
 */
export function instantAt(date: string, time: string, timeZone: string): Date {
  const asIfUtc = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(asIfUtc)) throw new RangeError(`Not a local date and time: ${date} ${time}.`);
  // The offsets in force a day before and a day after bracket any change of offset.
  const earlierOffset = offsetMinutesAt(new Date(asIfUtc - 86_400_000), timeZone);
  const laterOffset = offsetMinutesAt(new Date(asIfUtc + 86_400_000), timeZone);
  const withEarlierOffset = new Date(asIfUtc - earlierOffset * 60_000);
  if (offsetMinutesAt(withEarlierOffset, timeZone) === earlierOffset) return withEarlierOffset;
  const withLaterOffset = new Date(asIfUtc - laterOffset * 60_000);
  if (offsetMinutesAt(withLaterOffset, timeZone) === laterOffset) return withLaterOffset;
  return withEarlierOffset;
}
