import { describe, expect, it } from "vitest";
import { deletionProblem, editProblem, nextStatuses, statusChangeProblem, type EventStatus } from "../src/domain/event-lifecycle.ts";

const now = new Date("2026-06-01T12:00:00Z");
const ended = new Date("2026-05-31T23:00:00Z");
const future = new Date("2026-06-20T23:00:00Z");
const event = (status: EventStatus, endsAt = future) => ({ status, endsAt });

describe("event lifecycle", () => {
  it.each([
    ["DRAFT", "ANNOUNCED"],
    ["DRAFT", "ON_SALE"],
    ["DRAFT", "CANCELLED"],
    ["ANNOUNCED", "ON_SALE"],
    ["ANNOUNCED", "CANCELLED"],
    ["ON_SALE", "SOLD_OUT"],
    ["ON_SALE", "CANCELLED"],
    ["SOLD_OUT", "ON_SALE"],
    ["SOLD_OUT", "CANCELLED"],
  ] as const)("allows %s -> %s before the event", (from, to) => {
    expect(statusChangeProblem(event(from), to, now)).toBeNull();
  });

  it("allows completing an on-sale or sold-out event once it has ended", () => {
    expect(statusChangeProblem(event("ON_SALE", ended), "COMPLETED", now)).toBeNull();
    expect(statusChangeProblem(event("SOLD_OUT", now), "COMPLETED", now)).toBeNull();
  });

  it("refuses completing an event that has not ended, saying when it can", () => {
    expect(statusChangeProblem(event("ON_SALE"), "COMPLETED", now)).toBe(
      "The event is ON_SALE and cannot move to COMPLETED; from ON_SALE it can move to SOLD_OUT, CANCELLED. " +
        "It can be COMPLETED once it has ended (2026-06-20T23:00:00.000Z).",
    );
  });

  it("names the current status and the legal moves when a move is illegal", () => {
    expect(statusChangeProblem(event("DRAFT"), "SOLD_OUT", now)).toBe(
      "The event is DRAFT and cannot move to SOLD_OUT; from DRAFT it can move to ANNOUNCED, ON_SALE, CANCELLED.",
    );
    expect(statusChangeProblem(event("ANNOUNCED"), "DRAFT", now)).toBe(
      "The event is ANNOUNCED and cannot move to DRAFT; from ANNOUNCED it can move to ON_SALE, CANCELLED.",
    );
    expect(statusChangeProblem(event("ON_SALE"), "ON_SALE", now)).toBe(
      "The event is ON_SALE and cannot move to ON_SALE; from ON_SALE it can move to SOLD_OUT, CANCELLED.",
    );
  });

  it("keeps cancelled and completed events final", () => {
    expect(statusChangeProblem(event("CANCELLED"), "ON_SALE", now)).toBe("The event is CANCELLED, which is final: its status cannot change.");
    expect(statusChangeProblem(event("COMPLETED", ended), "CANCELLED", now)).toBe("The event is COMPLETED, which is final: its status cannot change.");
    expect(nextStatuses(event("CANCELLED"), now)).toEqual([]);
    expect(nextStatuses(event("COMPLETED", ended), now)).toEqual([]);
  });

  it("offers COMPLETED among the next statuses only once the event has ended", () => {
    expect(nextStatuses(event("SOLD_OUT"), now)).toEqual(["ON_SALE", "CANCELLED"]);
    expect(nextStatuses(event("SOLD_OUT", ended), now)).toEqual(["ON_SALE", "COMPLETED", "CANCELLED"]);
  });

  it("lets only events that are not final be edited", () => {
    expect(editProblem("ON_SALE")).toBeNull();
    expect(editProblem("COMPLETED")).toBe("The event is COMPLETED, which is final: its details cannot change.");
  });

  it("deletes only drafts, and points the others at cancelling", () => {
    expect(deletionProblem("DRAFT")).toBeNull();
    expect(deletionProblem("ON_SALE")).toBe("Only DRAFT events can be deleted; this event is ON_SALE. Cancel it instead.");
    expect(deletionProblem("CANCELLED")).toBe("Only DRAFT events can be deleted; this event is CANCELLED.");
  });
});
