import { describe, expect, it } from "vitest";
import { distanceKm } from "./geo.ts";

const earthRadiusKm = 6371.0088;

describe("great-circle distance", () => {
  it("matches the sphere's geometry exactly: a degree of the equator, a quarter meridian, the antipode", () => {
    expect(distanceKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 1 })).toBeCloseTo((2 * Math.PI * earthRadiusKm) / 360, 9);
    expect(distanceKm({ latitude: 0, longitude: 30 }, { latitude: 90, longitude: 0 })).toBeCloseTo((Math.PI * earthRadiusKm) / 2, 9);
    expect(distanceKm({ latitude: 10, longitude: 20 }, { latitude: -10, longitude: -160 })).toBeCloseTo(Math.PI * earthRadiusKm, 3);
  });

  it("matches published city-to-city distances", () => {
    // London (Charing Cross) to Paris (Notre-Dame): 343.5 km great-circle.
    expect(distanceKm({ latitude: 51.5074, longitude: -0.1278 }, { latitude: 48.8566, longitude: 2.3522 })).toBeCloseTo(343.5, 0);
    // JFK to LAX airports: 3,983 km on the ellipsoid; a sphere stays within 0.5% of it.
    const coastToCoast = distanceKm({ latitude: 40.6413, longitude: -73.7781 }, { latitude: 33.9416, longitude: -118.4085 });
    expect(coastToCoast).toBeCloseTo(3974.3, 1);
    expect(Math.abs(coastToCoast - 3983) / 3983).toBeLessThan(0.005);
  });

  it("is symmetric and zero for the same place", () => {
    const chicago = { latitude: 41.8577, longitude: -87.6594 };
    const brooklyn = { latitude: 40.7195, longitude: -73.9386 };
    expect(distanceKm(chicago, brooklyn)).toBe(distanceKm(brooklyn, chicago));
    expect(distanceKm(chicago, chicago)).toBe(0);
  });
});
