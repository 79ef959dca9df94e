// A span of time as venues book it: from its start (inclusive) to its end (exclusive), so
// that a show ending at 23:00 and another starting at 23:00 do not overlap.

export interface TimeRange {
  start: Date;
  end: Date;
}

const minuteMs = 60_000;

export function overlaps(a: TimeRange, b: TimeRange): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * What a booking keeps a space from: its own range plus the turnaround the space needs
 * after it (changeover, cleaning, load-out). The turnaround follows the booking only, so
 * two bookings of one space are at least one turnaround apart, whichever comes first.
 */
export function withTurnaround(range: TimeRange, turnaroundMinutes: number): TimeRange {
  return { start: range.start, end: new Date(range.end.getTime() + turnaroundMinutes * minuteMs) };
}
