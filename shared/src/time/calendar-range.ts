// The dates and instants the platform accepts: real calendar values (no 31 February, no
// 24:00, no second 60) in the years 1900 to 2199. JavaScript's Date quietly rolls an
// impossible day or hour over (2030-02-31 becomes 3 March) and holds years PostgreSQL
// refuses (0000), so every date that arrives as text is read here, strictly, before
// anything stores it. The range is wide enough for any booking, history or plan and far
// inside what PostgreSQL's timestamptz and date and JavaScript's Date can hold.

export const earliestSupportedYear = 1900;
export const latestSupportedYear = 2199;

const rangeStartMs = Date.UTC(earliestSupportedYear, 0, 1);
const rangeEndMs = Date.UTC(latestSupportedYear + 1, 0, 1);
const outsideRange = `outside the supported years ${earliestSupportedYear} to ${latestSupportedYear}`;

const calendarDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoInstant = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Why `text` is not a supported calendar date (YYYY-MM-DD); null when it is one. */
export function calendarDateProblem(text: string): string | null {
  const match = calendarDate.exec(text);
  if (!match) return "expected YYYY-MM-DD";
  const [year, month, day] = match.slice(1, 4).map(Number) as [number, number, number];
  if (!isRealDay(year, month, day)) return "not a real date";
  if (year < earliestSupportedYear || year > latestSupportedYear) return outsideRange;
  return null;
}

/**
 * Why `text` is not a supported instant (ISO 8601 with an explicit offset, e.g.
 * 2026-05-01T19:30:00Z or 2026-05-01T21:30+02:00); null when it is one. The range applies
 * to the instant itself (in UTC), so that no offset can carry it out of the range.
 */
export function isoInstantProblem(text: string): string | null {
  const match = isoInstant.exec(text);
  if (!match) return "expected ISO 8601 with an offset (Z or ±hh:mm)";
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = match.slice(1, 9).map((part) => Number(part ?? 0)) as number[];
  if (!isRealDay(year!, month!, day!)) return "not a real date";
  if (hour! > 23 || minute! > 59 || second! > 59) return "not a real time of day (00:00 to 23:59:59)";
  if (offsetHours! > 23 || offsetMinutes! > 59) return "not a real offset (±hh:mm)";
  return isSupportedInstant(new Date(text)) ? null : outsideRange;
}

/** Whether an instant falls in the supported years (judged in UTC). */
export function isSupportedInstant(instant: Date): boolean {
  const ms = instant.getTime();
  return ms >= rangeStartMs && ms < rangeEndMs;
}
