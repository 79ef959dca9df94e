import { describe, expect, it } from "vitest";
import { allowedDealMoves, assertDeletable, counteringSide, dealStatusAfter, dealStatusAt, DEAL_MOVES, type DealMove, type DealStatus, type StatusMove } from "./negotiation.ts";

const legal: Record<DealStatus, Partial<Record<DealMove, string>>> = {
  // DELETE leads nowhere: the deal and its drafts are gone.
  DRAFT: { EDIT: "DRAFT", OFFER: "OFFERED", DELETE: "" },
  OFFERED: { COUNTER: "COUNTERED", ACCEPT: "ACCEPTED", DECLINE: "DECLINED", WITHDRAW: "WITHDRAWN" },
  COUNTERED: { COUNTER: "OFFERED", ACCEPT: "ACCEPTED", DECLINE: "DECLINED", WITHDRAW: "WITHDRAWN" },
  ACCEPTED: {},
  DECLINED: {},
  WITHDRAWN: {},
  EXPIRED: {},
};

describe("a deal's moves", () => {
  it.each(Object.entries(legal))("from %s lead where the lifecycle says", (status, moves) => {
    expect(allowedDealMoves(status as DealStatus)).toEqual(Object.keys(moves));
    for (const [move, next] of Object.entries(moves)) {
      if (move === "DELETE") expect(() => assertDeletable(status as DealStatus)).not.toThrow();
      else expect(dealStatusAfter(status as DealStatus, move as StatusMove)).toBe(next);
    }
  });

  const illegal = Object.entries(legal).flatMap(([status, moves]) => DEAL_MOVES.filter((move) => !(move in moves)).map((move) => [status as DealStatus, move] as const));

  it.each(illegal)("refuse %s → %s as bad input naming the status and the allowed moves", (status, move) => {
    const allowedMoves = Object.keys(legal[status]);
    const allowed = allowedMoves.length === 0 ? `a ${status} deal allows no moves` : `a ${status} deal allows ${allowedMoves.join(", ")}`;
    expect(() => (move === "DELETE" ? assertDeletable(status) : dealStatusAfter(status, move))).toThrow(
      expect.objectContaining({
        message: `A deal cannot ${move} while it is ${status}: ${allowed}.`,
        extensions: { code: "BAD_USER_INPUT", reason: "ILLEGAL_DEAL_MOVE", status, move, allowedMoves },
      }),
    );
  });

  it("hand a counter-offer to the side whose terms are not on the table", () => {
    expect(counteringSide("OFFERED")).toBe("ARTIST_AGENT");
    expect(counteringSide("COUNTERED")).toBe("PROMOTER");
  });
});

describe("expiry", () => {
  const expiry = new Date("2026-05-01T12:00:00.000Z");
  const justBefore = new Date("2026-05-01T11:59:59.999Z");

  it("turns an unanswered offer or counter-offer EXPIRED from the instant of its expiry", () => {
    for (const status of ["OFFERED", "COUNTERED"] as const) {
      expect(dealStatusAt(status, expiry, justBefore)).toBe(status);
      expect(dealStatusAt(status, expiry, expiry)).toBe("EXPIRED");
    }
  });

  it("leaves offers without expiry, drafts and decided deals as they are", () => {
    const later = new Date("2027-01-01T00:00:00.000Z");
    expect(dealStatusAt("OFFERED", null, later)).toBe("OFFERED");
    for (const status of ["DRAFT", "ACCEPTED", "DECLINED", "WITHDRAWN"] as const) expect(dealStatusAt(status, expiry, later)).toBe(status);
  });
});
