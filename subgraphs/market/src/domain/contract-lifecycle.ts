// A contract is drawn up (DRAFT), sent for signature (SENT), and SIGNED once both parties
// have signed; until then it can be voided. SIGNED and VOID are final.
import { RuleViolation } from "@marquee/kit";

export type ContractStatus = "DRAFT" | "SENT" | "SIGNED" | "VOID";
export type ContractParty = "PROMOTER" | "ARTIST";

export const CONTRACT_MOVES = ["SEND", "SIGN", "VOID"] as const;
export type ContractMove = (typeof CONTRACT_MOVES)[number];

const movesFrom: Record<ContractStatus, readonly ContractMove[]> = {
  DRAFT: ["SEND", "VOID"],
  SENT: ["SIGN", "VOID"],
  SIGNED: [],
  VOID: [],
};

export function allowedContractMoves(status: ContractStatus): readonly ContractMove[] {
  return movesFrom[status];
}

/** An illegal move is a rule violation naming the status and the moves it allows. */
export function assertContractMove(status: ContractStatus, move: ContractMove): void {
  const allowedMoves = movesFrom[status];
  if (!allowedMoves.includes(move)) {
    const allowed = allowedMoves.length === 0 ? `a ${status} contract allows no moves` : `a ${status} contract allows ${allowedMoves.join(", ")}`;
    throw new RuleViolation("ILLEGAL_CONTRACT_MOVE", `A contract cannot ${move} while it is ${status}: ${allowed}.`, { status, move, allowedMoves });
  }
}

/** Each party signs once. */
export function assertNotSignedBy(party: ContractParty, signedAlready: boolean): void {
  if (signedAlready) {
    throw new RuleViolation("ALREADY_SIGNED", `The ${party.toLowerCase()} has already signed this contract.`, { party });
  }
}
