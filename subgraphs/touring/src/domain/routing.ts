// A tour's routing as a tour manager reads it: each leg between consecutive stops that
// have a place, with its great-circle distance, the days available to cover it and the
// daily drive that implies; the warnings worth a second look; and the tour's totals.
//
// The warnings (RoutingFlagKind):
// - TWO_SHOWS_ONE_DAY: two or more shows fall on the same local date.
// - OVER_DRIVE_LIMIT: a leg's implied daily drive (distance ÷ days, a same-day leg counting
//   as one day) exceeds the tour's daily drive limit. Distances are great-circle, so a
//   flagged leg is over the limit on any road.
// - BACKTRACKING: after a leg A → B, the leg B → C takes the route back toward A: it
//   brings the route at least 50 km closer to A, and by more than a third of its own
//   length (d(A,B) − d(A,C) > d(B,C) / 3). Heading straight back to A gives back all of
//   the leg's length; heading on, none. The 50 km floor keeps cross-town hops quiet.
// - LONG_GAP: more than `maxDaysWithoutShow` days pass between two consecutive dated shows.
// - DATES_OUT_OF_ORDER: a dated stop comes, in the tour's order, before an earlier date.
import { daysBetween, greatCircleKm, type GeoPoint } from "@marquee/kit";
import { hops, roundKm } from "./route.ts";

export type StopKind = "SHOW" | "TRAVEL_DAY" | "DAY_OFF";

export interface RoutedStop {
  id: string;
  kind: StopKind;
  /** What a warning calls the stop, e.g. its city. */
  label: string;
  /** The local date; null while the stop's date is open. */
  date: string | null;
  location: GeoPoint | null;
}

export interface RoutingRules {
  dailyDriveLimitKm: number;
  maxDaysWithoutShow: number;
}

export interface RoutingLeg {
  fromId: string;
  toId: string;
  distanceKm: number;
  /** Days between the two stops' dates; null when either date is open. */
  days: number | null;
  /** The distance spread over the days available; null when they are unknown or negative. */
  dailyDriveKm: number | null;
}

export const ROUTING_FLAG_KINDS = ["TWO_SHOWS_ONE_DAY", "OVER_DRIVE_LIMIT", "BACKTRACKING", "LONG_GAP", "DATES_OUT_OF_ORDER"] as const;

export type RoutingFlagKind = (typeof ROUTING_FLAG_KINDS)[number];

export interface RoutingFlag {
  kind: RoutingFlagKind;
  /** The stops concerned, in the tour's order. */
  stopIds: string[];
  message: string;
}

export interface RoutingTotals {
  distanceKm: number;
  showCount: number;
  /** From the first dated stop to the last, both counted; null when no stop has a date. */
  days: number | null;
  firstDate: string | null;
  lastDate: string | null;
}

export interface RoutingAnalysis {
  legs: RoutingLeg[];
  flags: RoutingFlag[];
  totals: RoutingTotals;
}

/** Kilometres of ground given back below which a hop is never called backtracking. */
const backtrackingFloorKm = 50;

export function analyseRouting(stops: readonly RoutedStop[], rules: RoutingRules): RoutingAnalysis {
  const routeHops = hops(stops);
  const legs = routeHops.map(([from, to]) => leg(from, to));
  const flags = [
    ...sameDayShows(stops),
    ...routeHops.flatMap(([from, to], index) => overDriveLimit(from, to, legs[index]!, rules)),
    ...routeHops.slice(1).flatMap(([from, to], index) => backtracking(routeHops[index]![0], from, to)),
    ...longGaps(stops, rules),
    ...datesOutOfOrder(stops),
  ];
  return { legs: legs.map((each) => ({ ...each, distanceKm: roundKm(each.distanceKm), dailyDriveKm: each.dailyDriveKm === null ? null : roundKm(each.dailyDriveKm) })), flags, totals: totals(stops, legs) };
}

function leg(from: RoutedStop & { location: GeoPoint }, to: RoutedStop & { location: GeoPoint }): RoutingLeg {
  const km = greatCircleKm(from.location, to.location);
  const days = from.date !== null && to.date !== null ? daysBetween(from.date, to.date) : null;
  return { fromId: from.id, toId: to.id, distanceKm: km, days, dailyDriveKm: days === null || days < 0 ? null : km / Math.max(days, 1) };
}

function sameDayShows(stops: readonly RoutedStop[]): RoutingFlag[] {
  const showsByDate = new Map<string, RoutedStop[]>();
  for (const stop of stops) {
    if (stop.kind !== "SHOW" || stop.date === null) continue;
    showsByDate.set(stop.date, [...(showsByDate.get(stop.date) ?? []), stop]);
  }
  return [...showsByDate].flatMap(([date, shows]) =>
    shows.length < 2
      ? []
      : [{ kind: "TWO_SHOWS_ONE_DAY" as const, stopIds: shows.map((show) => show.id), message: `${shows.length} shows on ${date}: ${shows.map((show) => show.label).join(", ")}.` }],
  );
}

function overDriveLimit(from: RoutedStop, to: RoutedStop, measured: RoutingLeg, rules: RoutingRules): RoutingFlag[] {
  if (measured.dailyDriveKm === null || measured.dailyDriveKm <= rules.dailyDriveLimitKm) return [];
  const days = Math.max(measured.days ?? 1, 1);
  return [
    {
      kind: "OVER_DRIVE_LIMIT",
      stopIds: [from.id, to.id],
      message: `${from.label} → ${to.label}: ${roundKm(measured.distanceKm)} km in ${days} day(s) is ${roundKm(measured.dailyDriveKm)} km a day, over the ${rules.dailyDriveLimitKm} km limit.`,
    },
  ];
}

function backtracking(previous: RoutedStop & { location: GeoPoint }, from: RoutedStop & { location: GeoPoint }, to: RoutedStop & { location: GeoPoint }): RoutingFlag[] {
  const hop = greatCircleKm(from.location, to.location);
  const givenBack = greatCircleKm(previous.location, from.location) - greatCircleKm(previous.location, to.location);
  if (givenBack < backtrackingFloorKm || givenBack <= hop / 3) return [];
  return [
    {
      kind: "BACKTRACKING",
      stopIds: [previous.id, from.id, to.id],
      message: `${from.label} → ${to.label} heads back toward ${previous.label}: ${roundKm(givenBack)} of its ${roundKm(hop)} km undo the previous leg.`,
    },
  ];
}

function longGaps(stops: readonly RoutedStop[], rules: RoutingRules): RoutingFlag[] {
  const datedShows = stops.filter((stop): stop is RoutedStop & { date: string } => stop.kind === "SHOW" && stop.date !== null);
  return datedShows.slice(1).flatMap((show, index) => {
    const previous = datedShows[index]!;
    const daysWithoutShow = daysBetween(previous.date, show.date) - 1;
    if (daysWithoutShow <= rules.maxDaysWithoutShow) return [];
    return [
      {
        kind: "LONG_GAP" as const,
        stopIds: [previous.id, show.id],
        message: `${daysWithoutShow} days without a show between ${previous.label} (${previous.date}) and ${show.label} (${show.date}).`,
      },
    ];
  });
}

function datesOutOfOrder(stops: readonly RoutedStop[]): RoutingFlag[] {
  const dated = stops.filter((stop): stop is RoutedStop & { date: string } => stop.date !== null);
  return dated.slice(1).flatMap((stop, index) => {
    const previous = dated[index]!;
    if (stop.date >= previous.date) return [];
    return [{ kind: "DATES_OUT_OF_ORDER" as const, stopIds: [previous.id, stop.id], message: `${stop.label} (${stop.date}) comes after ${previous.label} (${previous.date}) in the tour's order.` }];
  });
}

function totals(stops: readonly RoutedStop[], legs: readonly RoutingLeg[]): RoutingTotals {
  const dates = stops.flatMap((stop) => (stop.date === null ? [] : [stop.date])).sort();
  const firstDate = dates[0] ?? null;
  const lastDate = dates.at(-1) ?? null;
  return {
    distanceKm: roundKm(legs.reduce((total, each) => total + each.distanceKm, 0)),
    showCount: stops.filter((stop) => stop.kind === "SHOW").length,
    days: firstDate && lastDate ? daysBetween(firstDate, lastDate) + 1 : null,
    firstDate,
    lastDate,
  };
}
