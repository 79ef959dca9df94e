export { assertNotSignedBy, assertContractMove, allowedContractMoves, CONTRACT_MOVES, type ContractMove, type ContractParty, type ContractStatus } from "./contract-lifecycle.ts";
export {
  DEAL_MOVES,
  allowedDealMoves,
  assertDeletable,
  counteringSide,
  dealStatusAfter,
  dealStatusAt,
  type DealMove,
  type DealStatus,
  type NegotiatingSide,
  type StatusMove,
  type StoredDealStatus,
} from "./negotiation.ts";
export {
  DEAL_TYPES,
  assertOfferStillOpen,
  parseOfferTerms,
  type DealType,
  type Money,
  type MoneyInput,
  type OfferTerms,
  type OfferTermsInput,
  type RadiusClause,
  type TicketBonus,
} from "./offer-terms.ts";
export { clauseBreaches, radiusConflicts, type RadiusConflict, type Show } from "./radius.ts";
