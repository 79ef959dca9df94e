import { describe, expect, it } from "vitest";
import { allowedTourTransitions, tourDeleteProblem, tourEditProblem, tourTransitionProblem } from "./tour-lifecycle.ts";

describe("tour lifecycle", () => {
  it("moves PLANNING → CONFIRMED → ON_THE_ROAD → COMPLETED, and back from CONFIRMED to PLANNING", () => {
    expect(allowedTourTransitions("PLANNING")).toEqual(["CONFIRMED", "CANCELLED"]);
    expect(allowedTourTransitions("CONFIRMED")).toEqual(["PLANNING", "ON_THE_ROAD", "CANCELLED"]);
    expect(allowedTourTransitions("ON_THE_ROAD")).toEqual(["COMPLETED", "CANCELLED"]);
    for (const [from, to] of [["PLANNING", "CONFIRMED"], ["CONFIRMED", "ON_THE_ROAD"], ["ON_THE_ROAD", "COMPLETED"], ["CONFIRMED", "PLANNING"]] as const) {
      expect(tourTransitionProblem(from, to)).toBeNull();
    }
  });

  it("refuses skipped steps, moves back from the road, and anything after the end, naming the allowed moves", () => {
    expect(tourTransitionProblem("PLANNING", "ON_THE_ROAD")).toBe("A tour cannot move from PLANNING to ON_THE_ROAD: from PLANNING it can only move to CONFIRMED, CANCELLED.");
    expect(tourTransitionProblem("ON_THE_ROAD", "PLANNING")).toBe("A tour cannot move from ON_THE_ROAD to PLANNING: from ON_THE_ROAD it can only move to COMPLETED, CANCELLED.");
    expect(tourTransitionProblem("COMPLETED", "CANCELLED")).toBe("A tour cannot move from COMPLETED to CANCELLED: COMPLETED is final.");
    expect(tourTransitionProblem("CANCELLED", "PLANNING")).toBe("A tour cannot move from CANCELLED to PLANNING: CANCELLED is final.");
    expect(tourTransitionProblem("PLANNING", "PLANNING")).not.toBeNull();
  });

  it("keeps stops and schedules editable until the tour is over", () => {
    expect(tourEditProblem("PLANNING")).toBeNull();
    expect(tourEditProblem("ON_THE_ROAD")).toBeNull();
    expect(tourEditProblem("COMPLETED")).toBe("The tour is COMPLETED; it, its stops and its schedule can no longer change.");
    expect(tourEditProblem("CANCELLED")).toBe("The tour is CANCELLED; it, its stops and its schedule can no longer change.");
  });

  it("deletes only a tour still being planned or called off", () => {
    expect(tourDeleteProblem("PLANNING")).toBeNull();
    expect(tourDeleteProblem("CANCELLED")).toBeNull();
    expect(tourDeleteProblem("CONFIRMED")).toBe("The tour is CONFIRMED; only a PLANNING or CANCELLED tour can be deleted (cancel it instead).");
    expect(tourDeleteProblem("ON_THE_ROAD")).toBe("The tour is ON_THE_ROAD; only a PLANNING or CANCELLED tour can be deleted (cancel it instead).");
    expect(tourDeleteProblem("COMPLETED")).toBe("The tour is COMPLETED; only a PLANNING or CANCELLED tour can be deleted (a completed tour is kept).");
  });
});
