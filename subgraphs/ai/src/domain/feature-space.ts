// What the sell-through model sees of a show: its local weekday (one flag each), its
// season (the month on a circle, so December sits next to January), the announcement
// lead time, the capacity (log2: doubling a room matters alike at any size), its city
// (one flag per city the company has played) and its headliner's past sell-through.

import { trackRecordOf } from "./artist-track-record.ts";
import { headlinerOf, leadDaysOf, monthOf, weekdayOf, weekdays, type Show } from "./show.ts";

export interface FeatureSpace {
  /** The cities of the training shows, sorted; a show elsewhere has none of their flags. */
  cities: string[];
}

export function featureSpaceOf(training: readonly Show[]): FeatureSpace {
  return { cities: [...new Set(training.map((show) => show.city))].sort() };
}

const weekdayName = (weekday: string) => weekday.charAt(0) + weekday.slice(1).toLowerCase();

export function featureNames(space: FeatureSpace): string[] {
  return [
    ...weekdays.map((weekday) => `weekday: ${weekdayName(weekday)}`),
    "season (December high)",
    "season (March high)",
    "lead time (days)",
    "capacity (log2)",
    ...space.cities.map((city) => `city: ${city}`),
    "artist past sell-through",
  ];
}

/** The show's raw feature values, in the order of `featureNames`; the track record reads `history` before the show. */
export function featureRow(space: FeatureSpace, show: Show, history: readonly Show[]): number[] {
  const weekday = weekdayOf(show);
  const angle = (2 * Math.PI * (monthOf(show) - 12)) / 12;
  return [
    ...weekdays.map((day) => (day === weekday ? 1 : 0)),
    Math.cos(angle),
    Math.sin(angle),
    leadDaysOf(show),
    Math.log2(Math.max(1, show.capacity)),
    ...space.cities.map((city) => (city === show.city ? 1 : 0)),
    trackRecordOf(history, headlinerOf(show), show.startsAt).sellThrough,
  ];
}
