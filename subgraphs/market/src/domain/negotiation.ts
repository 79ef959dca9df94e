// A deal's negotiation: DRAFT → OFFERED → COUNTERED ⇄ OFFERED → ACCEPTED | DECLINED |
// WITHDRAWN | EXPIRED. Expiry is not a move anyone makes: an offer on the table lapses
// when its time passes, so the status a deal has depends on the instant it is read at,
// and every function here takes that instant explicitly. A DRAFT can also be deleted:
// nothing of it has reached the other side, so there is no negotiation to keep.
import { RuleViolation } from "@marquee/kit";

/** As kept in the database: the last move made. */
export type StoredDealStatus = "DRAFT" | "OFFERED" | "COUNTERED" | "ACCEPTED" | "DECLINED" | "WITHDRAWN";
/** As it stands at an instant: an unanswered offer past its expiry is EXPIRED. */
export type DealStatus = StoredDealStatus | "EXPIRED";

export const DEAL_MOVES = ["EDIT", "OFFER", "COUNTER", "ACCEPT", "DECLINE", "WITHDRAW", "DELETE"] as const;
export type DealMove = (typeof DEAL_MOVES)[number];
/** The moves after which the deal still exists, in a stored status. */
export type StatusMove = Exclude<DealMove, "DELETE">;

export type NegotiatingSide = "PROMOTER" | "ARTIST_AGENT";

/** How either side ends a negotiation. */
const decisions = { ACCEPT: "ACCEPTED", DECLINE: "DECLINED", WITHDRAW: "WITHDRAWN" } as const;

/** Each status's moves and where they lead (a counter-offer hands the turn to the other side). */
const movesFrom: Record<DealStatus, Partial<Record<StatusMove, StoredDealStatus>>> = {
  DRAFT: { EDIT: "DRAFT", OFFER: "OFFERED" },
  OFFERED: { COUNTER: "COUNTERED", ...decisions },
  COUNTERED: { COUNTER: "OFFERED", ...decisions },
  ACCEPTED: {},
  DECLINED: {},
  WITHDRAWN: {},
  EXPIRED: {},
};

/** The status at `now`: OFFERED or COUNTERED terms whose expiry has come are EXPIRED. */
export function dealStatusAt(stored: StoredDealStatus, offerExpiresAt: Date | null, now: Date): DealStatus {
  const open = stored === "OFFERED" || stored === "COUNTERED";
  return open && offerExpiresAt !== null && offerExpiresAt.getTime() <= now.getTime() ? "EXPIRED" : stored;
}

export function allowedDealMoves(status: DealStatus): DealMove[] {
  return DEAL_MOVES.filter((move) => (move === "DELETE" ? status === "DRAFT" : movesFrom[status][move] !== undefined));
}

/**
 * Where `move` takes a deal in `status`. An illegal move is a rule violation naming the
 * status and the moves it allows, so a client can offer the right buttons.
 */
export function dealStatusAfter(status: DealStatus, move: StatusMove): StoredDealStatus {
  const next = movesFrom[status][move];
  if (next === undefined) throw illegalMove(status, move);
  return next;
}

/** Refuses deleting a deal that was ever offered: its versions are the negotiation's record. */
export function assertDeletable(status: DealStatus): void {
  if (status !== "DRAFT") throw illegalMove(status, "DELETE");
}

function illegalMove(status: DealStatus, move: DealMove) {
  const allowedMoves = allowedDealMoves(status);
  const allowed = allowedMoves.length === 0 ? `a ${status} deal allows no moves` : `a ${status} deal allows ${allowedMoves.join(", ")}`;
  return new RuleViolation("ILLEGAL_DEAL_MOVE", `A deal cannot ${move} while it is ${status}: ${allowed}.`, { status, move, allowedMoves });
}

/** Who makes a counter-offer: the side whose terms are not on the table. */
export function counteringSide(status: "OFFERED" | "COUNTERED"): NegotiatingSide {
  return status === "OFFERED" ? "ARTIST_AGENT" : "PROMOTER";
}
