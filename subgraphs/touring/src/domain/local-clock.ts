// A time as Touring's GraphQL LocalTime shows it to a tour manager: the date, HH:mm and
// the zone's short name on the clock of the place it happens, read through the kit's
// zoned time, so it is right on either side of a daylight-saving change.
import { wallClockAt, zoneAbbreviationAt } from "@marquee/kit";

export interface LocalClock {
  /** The local calendar date, YYYY-MM-DD. */
  date: string;
  /** The local wall-clock time, HH:mm (24-hour). */
  time: string;
  /** The zone's short name at that instant, e.g. CDT, EST, GMT+2. */
  zone: string;
}

export function localClock(instant: Date, timeZone: string): LocalClock {
  const { date, time } = wallClockAt(instant, timeZone);
  return { date, time: time.slice(0, "HH:mm".length), zone: zoneAbbreviationAt(instant, timeZone) };
}
