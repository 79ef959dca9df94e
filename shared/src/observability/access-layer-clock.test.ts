// The access layer's clock adds up the time during which some access work is under way:
// overlapping parts (rules decided at the same time) count once.
import { afterEach, describe, expect, it, vi } from "vitest";
import { AccessLayerClock, accessLayerClockKey, accessLayerClockOf } from "./access-layer-clock.ts";

let now = 0;
afterEach(() => vi.restoreAllMocks());
const at = (ms: number) => (now = ms);

describe("the access layer clock", () => {
  it("adds the time before it existed, separate intervals, and overlapping ones once", () => {
    vi.spyOn(performance, "now").mockImplementation(() => now);
    const clock = new AccessLayerClock(0.5);
    at(10);
    clock.begin();
    at(12);
    clock.end(); // 2 ms
    at(20);
    clock.begin(); // the pass over the document
    clock.begin(); // a rule
    at(21);
    clock.begin(); // another rule, at the same time
    at(23);
    clock.end();
    clock.end();
    at(24);
    clock.end(); // 4 ms, from 20 to 24
    at(50);
    expect(clock.seconds).toBeCloseTo(0.0065, 9);
  });

  it("is found through a context built on the request's, and a copy of it", () => {
    const clock = new AccessLayerClock();
    const request = { [accessLayerClockKey]: clock };
    const moduleContext = Object.assign(Object.create(request) as object, { finance: {} });
    const apolloCopy = Object.assign(Object.create(Object.getPrototypeOf(moduleContext) as object) as object, moduleContext);
    expect(accessLayerClockOf(moduleContext)).toBe(clock);
    expect(accessLayerClockOf(apolloCopy)).toBe(clock);
    expect(accessLayerClockOf({})).toBeUndefined();
  });
});
