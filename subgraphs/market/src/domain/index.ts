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
  assertOfferStillOpen,
  parseOfferTerms,
  type OfferTerms,
  type OfferTermsInput,
  type RadiusClause,
} from "./offer-terms.ts";
export { clauseBreaches, radiusConflicts, type RadiusConflict, type Show } from "./radius.ts";
export { priceOffer, type OfferPricing, type PricedTier } from "./offer-pricing.ts";
