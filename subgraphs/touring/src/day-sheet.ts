// One tour day as its day sheet: the stops on that date (a show's date is its venue's
// local date), the city the day is lived in, and the day's schedule items.
import type { BaseShow } from "./base-entities.ts";
import type { TouringContext } from "./context.ts";
import type { Place, ScheduleItemRecord, TourRecord } from "./data/records.ts";
import { daySheetText } from "./domain/day-sheet-text.ts";
import { scheduleConflicts } from "./domain/schedule-conflicts.ts";
import { itineraryOf, type PlannedStop } from "./itinerary.ts";

export interface DaySheetRecord {
  tour: TourRecord;
  date: string;
  place: Place | null;
  timeZone: string;
  stops: PlannedStop[];
  show: BaseShow | null;
  items: ScheduleItemRecord[];
}

export interface ScheduleConflictRecord {
  first: ScheduleItemRecord;
  second: ScheduleItemRecord;
}

interface DayPlace {
  stops: PlannedStop[];
  show: BaseShow | null;
  place: Place | null;
}

/** The stops on `date` and where the day is: its show's city, else the first of its stops that has a place. */
async function dayPlace(context: TouringContext, tourId: string, date: string): Promise<DayPlace> {
  const stops = (await itineraryOf(context, tourId)).filter((planned) => planned.date === date);
  const show = stops.find((planned) => planned.show !== null)?.show ?? null;
  return { stops, show, place: show?.location ?? stops.find((planned) => planned.place !== null)?.place ?? null };
}

/** The time zone a tour day is lived in, when its stops say; schedule items default to it. */
export async function dayTimeZone(context: TouringContext, tourId: string, date: string): Promise<string | null> {
  return (await dayPlace(context, tourId, date)).place?.timeZone ?? null;
}

export async function daySheetOf(context: TouringContext, tourId: string, date: string): Promise<DaySheetRecord | null> {
  const tour = await context.touring.tours.find(tourId);
  if (!tour) return null;
  const [day, items] = await Promise.all([dayPlace(context, tour.id, date), context.touring.schedule.ofDay(tour.id, date)]);
  return { tour, date, ...day, timeZone: day.place?.timeZone ?? items[0]?.startTimeZone ?? "UTC", items };
}

export function conflictsOf(sheet: DaySheetRecord): ScheduleConflictRecord[] {
  const byId = new Map(sheet.items.map((item) => [item.id, item]));
  return scheduleConflicts(sheet.items).map(({ firstId, secondId }) => ({ first: byId.get(firstId)!, second: byId.get(secondId)! }));
}

export function textOf(sheet: DaySheetRecord): string {
  return daySheetText({
    tourName: sheet.tour.name,
    date: sheet.date,
    place: sheet.place,
    timeZone: sheet.timeZone,
    stopKinds: sheet.stops.map((planned) => planned.stop.kind),
    show: sheet.show && { name: sheet.show.name, startsAt: new Date(sheet.show.startsAt), timeZone: sheet.show.timeZone },
    items: sheet.items,
    conflicts: scheduleConflicts(sheet.items),
  });
}
