// Calendar dates (YYYY-MM-DD) as plain days: whole days between two dates and the date some
// days on, whatever the time zones, since each date is already a local day. Where a day
// begins and ends as instants is startOfLocalDay's business (zoned-time.ts).

const dayMs = 86_400_000;

/** Days from `from` to `to`: 1 for consecutive days, negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/** The date `days` after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}
