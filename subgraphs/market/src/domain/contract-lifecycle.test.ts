import { describe, expect, it } from "vitest";
import { allowedContractMoves, assertContractMove, assertNotSignedBy, CONTRACT_MOVES, type ContractStatus } from "./contract-lifecycle.ts";

const legal: Record<ContractStatus, string[]> = { DRAFT: ["SEND", "VOID"], SENT: ["SIGN", "VOID"], SIGNED: [], VOID: [] };

describe("a contract's moves", () => {
  it.each(Object.entries(legal))("from %s are %j", (status, moves) => {
    expect(allowedContractMoves(status as ContractStatus)).toEqual(moves);
    for (const move of moves) expect(() => assertContractMove(status as ContractStatus, move as (typeof CONTRACT_MOVES)[number])).not.toThrow();
  });

  const illegal = Object.entries(legal).flatMap(([status, moves]) => CONTRACT_MOVES.filter((move) => !moves.includes(move)).map((move) => [status as ContractStatus, move] as const));

  it.each(illegal)("refuse %s → %s naming the status and the allowed moves", (status, move) => {
    const allowedMoves = legal[status];
    const allowed = allowedMoves.length === 0 ? `a ${status} contract allows no moves` : `a ${status} contract allows ${allowedMoves.join(", ")}`;
    expect(() => assertContractMove(status, move)).toThrow(
      expect.objectContaining({
        message: `A contract cannot ${move} while it is ${status}: ${allowed}.`,
        extensions: { code: "BAD_USER_INPUT", reason: "ILLEGAL_CONTRACT_MOVE", status, move, allowedMoves },
      }),
    );
  });

  it("let each party sign once", () => {
    expect(() => assertNotSignedBy("ARTIST", false)).not.toThrow();
    expect(() => assertNotSignedBy("ARTIST", true)).toThrow("The artist has already signed this contract.");
  });
});
