import { describe, expect, it } from "vitest";
import { allowedTourTransitions, assertTourDeletable, assertTourEditable, assertTourTransition, type TourStatus } from "./tour-lifecycle.ts";

const tour = (status: TourStatus) => ({ id: "tour-1", status });

/** The violation `check` throws, or null when the rule holds. */
function violationOf(check: () => void): unknown {
  try {
    check();
    return null;
  } catch (error) {
    return error;
  }
}

describe("tour lifecycle", () => {
  it("moves PLANNING → CONFIRMED → ON_THE_ROAD → COMPLETED, and back from CONFIRMED to PLANNING", () => {
    expect(allowedTourTransitions("PLANNING")).toEqual(["CONFIRMED", "CANCELLED"]);
    expect(allowedTourTransitions("CONFIRMED")).toEqual(["PLANNING", "ON_THE_ROAD", "CANCELLED"]);
    expect(allowedTourTransitions("ON_THE_ROAD")).toEqual(["COMPLETED", "CANCELLED"]);
    for (const [from, to] of [["PLANNING", "CONFIRMED"], ["CONFIRMED", "ON_THE_ROAD"], ["ON_THE_ROAD", "COMPLETED"], ["CONFIRMED", "PLANNING"]] as const) {
      expect(violationOf(() => assertTourTransition(tour(from), to))).toBeNull();
    }
  });

  it("refuses skipped steps, moves back from the road, and anything after the end, naming the allowed moves", () => {
    const messageOf = (from: TourStatus, to: TourStatus) => (violationOf(() => assertTourTransition(tour(from), to)) as Error).message;
    expect(messageOf("PLANNING", "ON_THE_ROAD")).toBe("A tour cannot move from PLANNING to ON_THE_ROAD: from PLANNING it can only move to CONFIRMED, CANCELLED.");
    expect(messageOf("ON_THE_ROAD", "PLANNING")).toBe("A tour cannot move from ON_THE_ROAD to PLANNING: from ON_THE_ROAD it can only move to COMPLETED, CANCELLED.");
    expect(messageOf("COMPLETED", "CANCELLED")).toBe("A tour cannot move from COMPLETED to CANCELLED: COMPLETED is final.");
    expect(messageOf("CANCELLED", "PLANNING")).toBe("A tour cannot move from CANCELLED to PLANNING: CANCELLED is final.");
    expect(violationOf(() => assertTourTransition(tour("PLANNING"), "PLANNING"))).not.toBeNull();
  });

  it("reports an illegal move as a rule violation with its reason and the statuses", () => {
    expect(violationOf(() => assertTourTransition(tour("PLANNING"), "ON_THE_ROAD"))).toMatchObject({
      reason: "ILLEGAL_TOUR_TRANSITION",
      extensions: { code: "BAD_USER_INPUT", reason: "ILLEGAL_TOUR_TRANSITION", id: "tour-1", from: "PLANNING", to: "ON_THE_ROAD" },
    });
  });

  it("keeps stops and schedules editable until the tour is over", () => {
    expect(violationOf(() => assertTourEditable(tour("PLANNING")))).toBeNull();
    expect(violationOf(() => assertTourEditable(tour("ON_THE_ROAD")))).toBeNull();
    expect(violationOf(() => assertTourEditable(tour("COMPLETED")))).toMatchObject({
      reason: "TOUR_NOT_EDITABLE",
      message: "The tour is COMPLETED; it, its stops and its schedule can no longer change.",
    });
    expect(violationOf(() => assertTourEditable(tour("CANCELLED")))).toMatchObject({
      reason: "TOUR_NOT_EDITABLE",
      message: "The tour is CANCELLED; it, its stops and its schedule can no longer change.",
    });
  });

  it("deletes only a tour still being planned or called off", () => {
    const refusal = (status: TourStatus) => violationOf(() => assertTourDeletable(tour(status)));
    expect(refusal("PLANNING")).toBeNull();
    expect(refusal("CANCELLED")).toBeNull();
    expect(refusal("CONFIRMED")).toMatchObject({ reason: "TOUR_NOT_DELETABLE", message: "The tour is CONFIRMED; only a PLANNING or CANCELLED tour can be deleted (cancel it instead)." });
    expect(refusal("ON_THE_ROAD")).toMatchObject({ reason: "TOUR_NOT_DELETABLE", message: "The tour is ON_THE_ROAD; only a PLANNING or CANCELLED tour can be deleted (cancel it instead)." });
    expect(refusal("COMPLETED")).toMatchObject({ reason: "TOUR_NOT_DELETABLE", message: "The tour is COMPLETED; only a PLANNING or CANCELLED tour can be deleted (a completed tour is kept)." });
  });
});
