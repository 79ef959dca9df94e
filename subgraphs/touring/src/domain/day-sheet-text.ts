// The printable day sheet a tour manager hands the band and crew: the day, where it is,
// the show, and every schedule item in start order. Each time is written in the zone
// it is shown in (a flight leaves on Chicago's clock and lands on New York's), and with
// its date whenever that is not the sheet's day (a hotel's check-out, an overnight drive).
import { localClock } from "./local-clock.ts";
import type { ScheduleConflict } from "./schedule-conflicts.ts";

export interface SheetItem {
  id: string;
  kind: string;
  title: string;
  startsAt: Date;
  startTimeZone: string;
  endsAt: Date | null;
  endTimeZone: string | null;
  origin: string | null;
  destination: string | null;
  location: string | null;
  notes: string | null;
}

export interface DaySheetContent {
  tourName: string;
  /** YYYY-MM-DD, the day in its city. */
  date: string;
  place: { city: string; country: string } | null;
  timeZone: string;
  /** What the day is besides its show: travel day, day off. */
  stopKinds: readonly string[];
  show: { name: string; startsAt: Date; timeZone: string } | null;
  items: readonly SheetItem[];
  conflicts: readonly ScheduleConflict[];
}

const weekday = new Intl.DateTimeFormat("en-US", { weekday: "long", timeZone: "UTC" });

export function daySheetText(sheet: DaySheetContent): string {
  const place = sheet.place ? `${sheet.place.city}, ${sheet.place.country}` : "no city set";
  const lines = [
    `${sheet.tourName} — day sheet`,
    `${weekday.format(new Date(`${sheet.date}T12:00:00Z`))} ${sheet.date} · ${place} · local time ${sheet.timeZone}`,
    ...sheet.stopKinds.filter((kind) => kind !== "SHOW").map((kind) => (kind === "DAY_OFF" ? "Day off" : "Travel day")),
  ];
  if (sheet.show) lines.push("", `SHOW  ${sheet.show.name} · ${clockText(sheet.show.startsAt, sheet.show.timeZone, sheet.date)}`);
  lines.push("", "SCHEDULE");
  if (sheet.items.length === 0) lines.push("  nothing scheduled");
  const inStartOrder = [...sheet.items].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (const item of inStartOrder) lines.push(`  ${itemTimes(item, sheet.date).padEnd(30)} ${item.kind.padEnd(10)} ${itemDetails(item)}`);
  if (sheet.conflicts.length > 0) {
    const titles = new Map(sheet.items.map((item) => [item.id, `${item.kind} "${item.title}"`]));
    lines.push("", "CONFLICTS", ...sheet.conflicts.map((conflict) => `  ${titles.get(conflict.firstId)} overlaps ${titles.get(conflict.secondId)}`));
  }
  return `${lines.join("\n")}\n`;
}

/** HH:mm ZONE, preceded by the date when it is not the sheet's day. */
export function clockText(instant: Date, timeZone: string, sheetDate: string): string {
  const clock = localClock(instant, timeZone);
  return `${clock.date === sheetDate ? "" : `${clock.date} `}${clock.time} ${clock.zone}`;
}

function itemTimes(item: SheetItem, sheetDate: string): string {
  const start = clockText(item.startsAt, item.startTimeZone, sheetDate);
  return item.endsAt && item.endTimeZone ? `${start} → ${clockText(item.endsAt, item.endTimeZone, sheetDate)}` : start;
}

function itemDetails(item: SheetItem): string {
  const route = item.origin && item.destination ? ` (${item.origin} → ${item.destination})` : "";
  const location = item.location ? ` · ${item.location}` : "";
  const notes = item.notes ? ` · ${item.notes}` : "";
  return `${item.title}${route}${location}${notes}`;
}
