// Market's permission catalog and its access declaration (spec §4.1): who may see each
// type it owns, and the permission each entry point asks for.
import { defineModuleAccess, definePermissionCatalog, extendedFromBase, partOfParent, requireModule } from "@marquee/kit";
import type { Resolvers } from "./__generated__/resolvers-types.ts";

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

export const marketAccess = defineModuleAccess<Resolvers>()({
  catalog: marketPermissions,
  // Who may see each of Market's types, wherever it is returned: a contract's reader sees
  // its terms, not the deal behind it or the negotiation.
  types: {
    Event: extendedFromBase,
    Artist: extendedFromBase,
    Deal: "market.deal.view",
    DealConnection: "market.deal.view",
    DealEdge: "market.deal.view",
    DealDecision: "market.deal.view",
    DealOfferPayload: "market.deal.view",
    RadiusWarning: "market.deal.view",
    DealTermsVersionConnection: "market.deal.view",
    DealTermsVersionEdge: "market.deal.view",
    Contract: "market.contract.view",
    ContractConnection: "market.contract.view",
    ContractEdge: "market.contract.view",
    Signature: "market.contract.view",
    ContractVoiding: "market.contract.view",
    // A version of terms is what the deal or the contract that shows it says.
    DealTermsVersion: partOfParent,
    PromoterProfit: partOfParent,
    TicketBonus: partOfParent,
    Buyout: partOfParent,
    RadiusClause: partOfParent,
    // An offer's figures are part of its terms: whoever sees the terms sees what they are priced at.
    OfferPricing: partOfParent,
    Money: partOfParent,
    PageInfo: partOfParent,
  },
  // The permission each entry point asks for; the types it returns ask for their own as well.
  fields: {
    Query: {
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
  },
  // The gateway resolves Market's fields on Base's events and artists through here.
  entities: requireModule("market"),
});
