import { describe, expect, it } from "vitest";
import { greatCircleKm } from "./great-circle.ts";

const earthRadiusKm = 6371.0088;

describe("great-circle distance", () => {
  it("matches the sphere's geometry exactly: a degree of the equator, a quarter meridian, the antipode", () => {
    expect(greatCircleKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 1 })).toBeCloseTo((2 * Math.PI * earthRadiusKm) / 360, 9);
    expect(greatCircleKm({ latitude: 0, longitude: 30 }, { latitude: 90, longitude: 0 })).toBeCloseTo((Math.PI * earthRadiusKm) / 2, 9);
    expect(greatCircleKm({ latitude: 10, longitude: 20 }, { latitude: -10, longitude: -160 })).toBeCloseTo(Math.PI * earthRadiusKm, 3);
  });

  it("matches distances known by hand", () => {
    // One degree of a meridian: πR/180 with the mean radius 6371.0088 km.
    expect(greatCircleKm({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 })).toBeCloseTo(111.195, 3);
    // Pole to equator: a quarter of a great circle, πR/2.
    expect(greatCircleKm({ latitude: 90, longitude: 0 }, { latitude: 0, longitude: 45 })).toBeCloseTo(10007.557, 3);
    // Antipodes: half a great circle, πR.
    expect(greatCircleKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).toBeCloseTo(20015.114, 3);
  });

  it("matches published city-to-city distances", () => {
    // Paris (Notre-Dame) to London (Charing Cross): 343.6 km great-circle, either way round.
    expect(greatCircleKm({ latitude: 48.8566, longitude: 2.3522 }, { latitude: 51.5074, longitude: -0.1278 })).toBeCloseTo(343.56, 1);
    expect(greatCircleKm({ latitude: 51.5074, longitude: -0.1278 }, { latitude: 48.8566, longitude: 2.3522 })).toBeCloseTo(343.5, 0);
    // Thalia Hall, Chicago to Brooklyn Steel, New York (the demo's venues): 1,152 km.
    expect(greatCircleKm({ latitude: 41.8577, longitude: -87.6594 }, { latitude: 40.7195, longitude: -73.9386 })).toBeCloseTo(1152.1, 1);
    // JFK to LAX airports: 3,983 km on the ellipsoid; a sphere stays within 0.5% of it.
    const coastToCoast = greatCircleKm({ latitude: 40.6413, longitude: -73.7781 }, { latitude: 33.9416, longitude: -118.4085 });
    expect(coastToCoast).toBeCloseTo(3974.3, 1);
    expect(Math.abs(coastToCoast - 3983) / 3983).toBeLessThan(0.005);
  });

  it("is symmetric and zero for the same place", () => {
    const chicago = { latitude: 41.8577, longitude: -87.6594 };
    const brooklyn = { latitude: 40.7195, longitude: -73.9386 };
    expect(greatCircleKm(chicago, brooklyn)).toBe(greatCircleKm(brooklyn, chicago));
    expect(greatCircleKm(chicago, chicago)).toBe(0);
    expect(greatCircleKm({ latitude: 52.52, longitude: 13.405 }, { latitude: 52.52, longitude: 13.405 })).toBe(0);
  });
});
