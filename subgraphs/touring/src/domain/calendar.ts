// Calendar days (YYYY-MM-DD) as a tour counts them: whole days between two dates,
// whatever the time zones, since each date is already a local day.

const dayMs = 86_400_000;

/** Days from `from` to `to`: 1 for consecutive days, negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/** The date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}
