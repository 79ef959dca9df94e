// A tour's route runs through its stops in their order. A stop without a place (a day
// off "wherever we are", a travel day on the road) adds no distance: the route goes from
// the last stop with a place to the next one.
import { greatCircleKm, type GeoPoint } from "@marquee/kit";

export interface PlacedStop {
  location: GeoPoint | null;
}

/** Each pair of consecutive stops that have a place: the hops the route is made of. */
export function hops<Stop extends PlacedStop>(stops: readonly Stop[]): [Stop & { location: GeoPoint }, Stop & { location: GeoPoint }][] {
  const placed = stops.filter((stop): stop is Stop & { location: GeoPoint } => stop.location !== null);
  return placed.slice(1).map((to, index) => [placed[index]!, to]);
}

/** The route's great-circle length, in kilometres. */
export function routeDistanceKm(stops: readonly PlacedStop[]): number {
  return hops(stops).reduce((total, [from, to]) => total + greatCircleKm(from.location, to.location), 0);
}

/** Kilometres as the API reports them: to the nearest 100 m. */
export function roundKm(km: number): number {
  return Math.round(km * 10) / 10;
}
