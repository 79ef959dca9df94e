// The company's analytics over a period: how many events are in each status, and how
// well its settled shows sold (tickets sold / capacity, summed within each group) by
// month, local weekday, city and headliner, with the monthly trend.

import { headlinerOf, isSettled, weekdayOf, weekdays, type Show, type ShowStatus } from "./show.ts";
import { leastSquaresSlope, monthNumber } from "./trend.ts";

export const showStatuses: ShowStatus[] = ["DRAFT", "ANNOUNCED", "ON_SALE", "SOLD_OUT", "CANCELLED", "COMPLETED"];

export interface SellThroughGroup {
  key: string;
  eventCount: number;
  ticketsSold: number;
  capacity: number;
  sellThrough: number;
}

export type TrendDirection = "RISING" | "STEADY" | "FALLING";

export interface SellThroughTrend {
  /** Change of monthly sell-through per month (0.01 = one percentage point a month). */
  slopePerMonth: number;
  direction: TrendDirection;
  months: number;
}

export interface SellThroughAnalytics {
  eventsByStatus: { status: ShowStatus; count: number }[];
  overall: SellThroughGroup | null;
  byMonth: SellThroughGroup[];
  byWeekday: SellThroughGroup[];
  byCity: SellThroughGroup[];
  byHeadliner: SellThroughGroup[];
  trend: SellThroughTrend | null;
}

/** A slope smaller than half a percentage point a month either way counts as steady. */
const steadySlope = 0.005;

function groups(shows: readonly Show[], keyOf: (show: Show) => string | null): SellThroughGroup[] {
  const byKey = new Map<string, SellThroughGroup>();
  for (const show of shows) {
    const key = keyOf(show);
    if (key === null) continue;
    const group = byKey.get(key) ?? { key, eventCount: 0, ticketsSold: 0, capacity: 0, sellThrough: 0 };
    group.eventCount += 1;
    group.ticketsSold += show.ticketsSold;
    group.capacity += show.capacity;
    group.sellThrough = group.ticketsSold / group.capacity;
    byKey.set(key, group);
  }
  return [...byKey.values()];
}

export function trendOf(monthly: readonly SellThroughGroup[]): SellThroughTrend | null {
  if (monthly.length < 2) return null;
  const slopePerMonth = leastSquaresSlope(monthly.map((group) => ({ x: monthNumber(group.key), y: group.sellThrough })));
  const direction = slopePerMonth > steadySlope ? "RISING" : slopePerMonth < -steadySlope ? "FALLING" : "STEADY";
  return { slopePerMonth, direction, months: monthly.length };
}

const byKey = (left: SellThroughGroup, right: SellThroughGroup) => (left.key < right.key ? -1 : left.key > right.key ? 1 : 0);

export function sellThroughAnalytics(shows: readonly Show[]): SellThroughAnalytics {
  const settled = shows.filter(isSettled);
  const byMonth = groups(settled, (show) => show.localDate.slice(0, 7)).sort(byKey);
  return {
    eventsByStatus: showStatuses.map((status) => ({ status, count: shows.filter((show) => show.status === status).length })),
    overall: groups(settled, () => "all")[0] ?? null,
    byMonth,
    byWeekday: groups(settled, weekdayOf).sort((left, right) => weekdays.indexOf(left.key as never) - weekdays.indexOf(right.key as never)),
    byCity: groups(settled, (show) => show.city).sort(byKey),
    byHeadliner: groups(settled, headlinerOf).sort((left, right) => right.sellThrough - left.sellThrough || byKey(left, right)),
    trend: trendOf(byMonth),
  };
}
