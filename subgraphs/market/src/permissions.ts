// Market's permission catalog and the access rule of every entry point (spec §4.1): the
// module must be granted (`requireModule`), then the permission each field needs.
import { definePermissionCatalog, requireModule, type AccessRuleMap } from "@marquee/kit";

/** The `market` module's permissions: what an administrator grants a member of a company. */
export const marketPermissions = definePermissionCatalog("market", {
  "market.deal.view": "See the company's deals, their negotiation history and radius clauses, including each event's and artist's.",
  "market.deal.create": "Draft new deals for artists.",
  "market.deal.update": "Change draft deals: their event, notes and terms.",
  "market.deal.delete": "Delete draft deals that were never offered.",
  "market.deal.offer": "Send offers, record counter-offers and withdraw deals under negotiation.",
  "market.deal.accept": "Accept the terms on the table.",
  "market.deal.decline": "Decline the terms on the table.",
  "market.contract.view": "See the contracts of accepted deals and their signatures.",
  "market.contract.create": "Draw up contracts from accepted deals.",
  "market.contract.send": "Send contracts out for signature.",
  "market.contract.sign": "Record the parties' signatures on sent contracts.",
  "market.contract.void": "Void contracts that are not signed.",
});

const can = marketPermissions.require;

export const marketAccessRules: AccessRuleMap = {
  Query: {
    // The gateway resolves Market's fields on Base's events and artists through here;
    // each of those fields carries its own permission below.
    _entities: requireModule("market"),
    deals: can("market.deal.view"),
    deal: can("market.deal.view"),
    contracts: can("market.contract.view"),
    contract: can("market.contract.view"),
  },
  Mutation: {
    createDeal: can("market.deal.create"),
    updateDeal: can("market.deal.update"),
    deleteDeal: can("market.deal.delete"),
    offerDeal: can("market.deal.offer"),
    counterDeal: can("market.deal.offer"),
    withdrawDeal: can("market.deal.offer"),
    acceptDeal: can("market.deal.accept"),
    declineDeal: can("market.deal.decline"),
    createContract: can("market.contract.create"),
    sendContract: can("market.contract.send"),
    signContract: can("market.contract.sign"),
    voidContract: can("market.contract.void"),
  },
  Event: {
    deals: can("market.deal.view"),
  },
  Artist: {
    deals: can("market.deal.view"),
  },
  // A deal's contract is the contracts' data, whoever reads the deal.
  Deal: {
    contract: can("market.contract.view"),
  },
};
