// Resolver types for schema.graphql, typed against the Market context and the records
// that stand behind each GraphQL type (see src/data/records.ts).
import { subgraphCodegen } from "../../shared/src/codegen/subgraph-codegen.ts";

export default subgraphCodegen({
  folder: "subgraphs/market",
  contextType: "../context.ts#MarketContext",
  mappers: {
    Deal: "../data/records.ts#DealRecord",
    DealTermsVersion: "../data/records.ts#TermsVersionRecord",
    Contract: "../data/records.ts#ContractRecord",
    Event: "../data/records.ts#EntityReference",
    Artist: "../data/records.ts#EntityReference",
    Money: "@marquee/kit#Money as DomainMoney",
    PromoterProfit: "@marquee/kit#PromoterProfit as DomainPromoterProfit",
    TicketBonus: "@marquee/kit#TicketBonus as DomainTicketBonus",
    Buyout: "@marquee/kit#Buyout as DomainBuyout",
    RadiusWarning: "../radius-warnings.ts#RadiusWarningRecord",
    DealOfferPayload: "../radius-warnings.ts#DealOfferRecord",
    OfferPricing: "../domain/offer-pricing.ts#OfferPricing as DomainOfferPricing",
  },
});
