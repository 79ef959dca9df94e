// Distances between places on the globe, on a sphere of the Earth's mean radius (within
// about 0.5% of the distance on the ellipsoid). Great-circle ("as the crow flies")
// distances need no road data and rank routes the way road distances mostly do, but they
// are a lower bound on what a bus actually drives.

/** A place by its WGS 84 coordinates, in degrees. */
export interface GeoPoint {
  readonly latitude: number;
  readonly longitude: number;
}

/** The mean Earth radius (IUGG), in kilometres. */
const earthRadiusKm = 6371.0088;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** The great-circle distance between two places, in kilometres (haversine formula). */
export function greatCircleKm(from: GeoPoint, to: GeoPoint): number {
  const dLatitude = radians(to.latitude - from.latitude);
  const dLongitude = radians(to.longitude - from.longitude);
  const a = Math.sin(dLatitude / 2) ** 2 + Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(dLongitude / 2) ** 2;
  // atan2 rather than asin: it stays exact near the antipode, where asin's slope is infinite.
  return 2 * earthRadiusKm * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
}
