import { describe, expect, it } from "vitest";
import { allowedTransitions, assertEditable, assertTransition } from "./settlement-lifecycle.ts";

describe("settlement lifecycle", () => {
  it("moves forward one step at a time: DRAFT → APPROVED → PAID", () => {
    expect(allowedTransitions("DRAFT")).toEqual(["APPROVED"]);
    expect(allowedTransitions("APPROVED")).toEqual(["PAID"]);
    expect(allowedTransitions("PAID")).toEqual([]);
    expect(() => assertTransition("DRAFT", "APPROVED")).not.toThrow();
    expect(() => assertTransition("APPROVED", "PAID")).not.toThrow();
  });

  it("refuses to pay a settlement nobody approved, naming the current state and the allowed move", () => {
    expect(() => assertTransition("DRAFT", "PAID")).toThrow(
      expect.objectContaining({
        name: "IllegalSettlementTransitionError",
        reason: "ILLEGAL_SETTLEMENT_TRANSITION",
        from: "DRAFT",
        to: "PAID",
        allowed: ["APPROVED"],
        message: "A settlement cannot move from DRAFT to PAID: from DRAFT it can only move to APPROVED",
      }),
    );
  });

  it("refuses to move backwards or to stay put", () => {
    expect(() => assertTransition("APPROVED", "DRAFT")).toThrow(
      "A settlement cannot move from APPROVED to DRAFT: from APPROVED it can only move to PAID",
    );
    expect(() => assertTransition("DRAFT", "DRAFT")).toThrow(
      expect.objectContaining({ reason: "ILLEGAL_SETTLEMENT_TRANSITION" }),
    );
  });

  it("treats PAID as final", () => {
    expect(() => assertTransition("PAID", "DRAFT")).toThrow(
      "A settlement cannot move from PAID to DRAFT: PAID is final",
    );
    expect(() => assertTransition("PAID", "APPROVED")).toThrow(expect.objectContaining({ from: "PAID", allowed: [] }));
  });

  it("allows edits only while DRAFT", () => {
    expect(() => assertEditable("DRAFT")).not.toThrow();
    for (const status of ["APPROVED", "PAID"] as const) {
      expect(() => assertEditable(status)).toThrow(
        expect.objectContaining({
          name: "SettlementNotEditableError",
          reason: "SETTLEMENT_NOT_EDITABLE",
          status,
          message: `The settlement is ${status}; only DRAFT settlements can be edited`,
        }),
      );
    }
  });
});
