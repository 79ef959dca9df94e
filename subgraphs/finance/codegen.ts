// Resolver types for schema.graphql, typed against the Finance context and the records
// that stand behind each GraphQL type (see src/data/records.ts).
import { subgraphCodegen } from "../../shared/src/codegen/subgraph-codegen.ts";

export default subgraphCodegen({
  folder: "subgraphs/finance",
  contextType: "../context.ts#FinanceContext",
  mappers: {
    Expense: "../data/records.ts#ExpenseRecord",
    Income: "../data/records.ts#IncomeRecord",
    Settlement: "../data/records.ts#SettlementRecord",
    SettlementAct: "../data/records.ts#BilledActRecord",
    ActFigures: "../data/records.ts#ActFiguresRecord",
    ActPayment: "../data/records.ts#PaymentRecord",
    ScheduledPayment: "../domain/payment-schedule.ts#InstallmentStanding",
    Contract: "../data/records.ts#ContractReference",
    ContractSettlementComparison: "../data/records.ts#ContractComparisonRecord",
    DealTermsDifference: "@marquee/kit#DealTermsDifference as DomainDealTermsDifference",
    Event: "../data/records.ts#EntityReference",
    Artist: "../data/records.ts#EntityReference",
    FinanceTotals: "../data/records.ts#FinanceTotalsRecord",
    SettlementFigures: "../data/records.ts#SettlementSheetRecord",
    Money: "../domain/money.ts#Money as DomainMoney",
    DealTerms: "@marquee/kit#DealTerms as DomainDealTerms",
    PromoterProfit: "@marquee/kit#PromoterProfit as DomainPromoterProfit",
    TicketBonus: "@marquee/kit#TicketBonus as DomainTicketBonus",
    Buyout: "@marquee/kit#Buyout as DomainBuyout",
    SettlementDeduction: "../data/records.ts#SettlementDeductionRecord",
    SettlementLine: "../domain/settlement-waterfall.ts#WaterfallLine",
  },
});
