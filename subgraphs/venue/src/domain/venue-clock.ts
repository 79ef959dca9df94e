// The venue's clock, from the IANA time zone database Intl carries: where a venue's
// calendar day begins and ends as instants, and an instant written as the venue's clock
// shows it. Offsets are looked up for each instant, so a day is 23 or 25 hours long on a
// daylight-saving change, as the venue lives it.

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

function clockAt(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(instant).map((part) => [part.type, part.value]));
  // longOffset writes "GMT+02:00", and plain "GMT" when the offset is zero.
  const offset = parts["timeZoneName"] === "GMT" ? "+00:00" : String(parts["timeZoneName"]).slice("GMT".length);
  return { date: `${parts["year"]}-${parts["month"]}-${parts["day"]}`, time: `${parts["hour"]}:${parts["minute"]}:${parts["second"]}`, offset };
}

/** ISO 8601 as the venue's clock shows the instant, with the offset then in force, e.g. 2026-03-29T03:00:00+02:00. */
export function venueLocalTime(instant: Date, timeZone: string): string {
  const clock = clockAt(instant, timeZone);
  return `${clock.date}T${clock.time}${clock.offset}`;
}

function offsetMinutes(instant: Date, timeZone: string): number {
  const [, sign, hours, minutes] = /^([+-])(\d{2}):(\d{2})/.exec(clockAt(instant, timeZone).offset)!;
  return (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/**
 * The instant the venue's clock shows `time` (HH:mm) on `date` (YYYY-MM-DD): the offset
 * in force at the guess is applied, then checked at the result, which settles it on
 * either side of a change. A time skipped by a spring-forward change comes out an hour
 * later (02:30 becomes 03:30 in Berlin), as calendars do.
 */
export function venueInstantAt(date: string, time: string, timeZone: string): Date {
  const asIfUtc = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(asIfUtc)) throw new RangeError(`Not a local date and time: ${date} ${time}.`);
  const guess = new Date(asIfUtc - offsetMinutes(new Date(asIfUtc), timeZone) * 60_000);
  return new Date(asIfUtc - offsetMinutes(guess, timeZone) * 60_000);
}

/** The instant a calendar day (YYYY-MM-DD) begins at the venue. */
export function startOfVenueDay(date: string, timeZone: string): Date {
  return venueInstantAt(date, "00:00", timeZone);
}

/** The calendar day after `date`. */
export function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
