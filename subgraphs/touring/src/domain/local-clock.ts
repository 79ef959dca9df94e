// What a clock in a given time zone shows at an instant, from the IANA database that Intl
// carries (no date library). The offset is looked up for the instant itself, so a time is
// right on either side of a daylight-saving change.
//
// Base formats its events' local times the same way (subgraphs/base/src/domain/local-time.ts);
// a module may not import another's code, so Touring keeps this minimal reading of its own.

export interface LocalClock {
  /** The local calendar date, YYYY-MM-DD. */
  date: string;
  /** The local wall-clock time, HH:mm (24-hour). */
  time: string;
  /** The zone's short name at that instant, e.g. CDT, EST, GMT+2. */
  zone: string;
}

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
      hourCycle: "h23",
      timeZoneName: "short",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function localClock(instant: Date, timeZone: string): LocalClock {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    date: `${String(parts["year"]).padStart(4, "0")}-${parts["month"]}-${parts["day"]}`,
    time: `${parts["hour"]}:${parts["minute"]}`,
    zone: String(parts["timeZoneName"]),
  };
}

/** The local calendar date at `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  return localClock(instant, timeZone).date;
}

/**
 * The instant at which clocks in `timeZone` show `date` (YYYY-MM-DD) at `time` (HH:mm):
 * start from the same wall-clock reading in UTC and correct by what the zone's clock
 * shows, twice, which settles on the offset in force. A time skipped by a spring-forward
 * change lands on the later side of the gap.
 */
export function instantOnClock(date: string, time: string, timeZone: string): Date {
  const wanted = Date.parse(`${date}T${time}:00Z`);
  let instant = wanted;
  for (let correction = 0; correction < 2; correction++) {
    const shown = localClock(new Date(instant), timeZone);
    instant -= Date.parse(`${shown.date}T${shown.time}:00Z`) - wanted;
  }
  return new Date(instant);
}
