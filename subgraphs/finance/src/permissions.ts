// Finance's permission catalog and its access declaration (spec §4.1): who may see each
// type it owns, and the permission each entry point asks for.
import { defineModuleAccess, definePermissionCatalog, extendedFromBase, extendedFromModule, partOfParent, requireAllPermissions, requireModule } from "@marquee/kit";
import type { Resolvers } from "./__generated__/resolvers-types.ts";

/** The `finance` module's permissions: what an administrator grants a member of a company. */
export const financePermissions = definePermissionCatalog("finance", {
  "finance.expense.view": "See the company's expenses, including each event's.",
  "finance.expense.create": "Record expenses, for events or as company overhead.",
  "finance.expense.update": "Correct recorded expenses.",
  "finance.expense.delete": "Delete recorded expenses.",
  "finance.income.view": "See the company's income, including each event's.",
  "finance.income.create": "Record income, for events or company-wide.",
  "finance.income.update": "Correct recorded income.",
  "finance.income.delete": "Delete recorded income.",
  "finance.settlement.view": "See show settlements, their bills and their figures.",
  "finance.settlement.create": "Open draft settlements of shows, with the bill's deal terms and the deductions.",
  "finance.settlement.update": "Change draft settlements' currency, bill and deductions.",
  "finance.settlement.approve": "Approve settlements, freezing their figures.",
  "finance.settlement.pay": "Record payments to the acts of settlements (deposits, then balances once approved), and pay approved settlements off.",
  "finance.settlement.delete": "Delete draft settlements.",
});

const can = financePermissions.require;

/** Totals net expenses against income, so they need both views. */
const totalsView = ["finance.expense.view", "finance.income.view"] as const;

export const financeAccess = defineModuleAccess<Resolvers>()({
  catalog: financePermissions,
  // Who may see each of Finance's types, wherever it is returned.
  types: {
    Event: extendedFromBase,
    Artist: extendedFromBase,
    Contract: extendedFromModule,
    ContractSettlementComparison: "finance.settlement.view",
    DealTermsDifference: partOfParent,
    Expense: "finance.expense.view",
    ExpenseConnection: "finance.expense.view",
    ExpenseEdge: "finance.expense.view",
    Income: "finance.income.view",
    IncomeConnection: "finance.income.view",
    IncomeEdge: "finance.income.view",
    FinanceTotals: totalsView,
    Settlement: "finance.settlement.view",
    SettlementConnection: "finance.settlement.view",
    SettlementEdge: "finance.settlement.view",
    SettlementAct: partOfParent,
    ActFigures: partOfParent,
    DealTerms: partOfParent,
    PromoterProfit: partOfParent,
    TicketBonus: partOfParent,
    Buyout: partOfParent,
    Reimbursement: partOfParent,
    SettlementDeduction: partOfParent,
    SettlementFigures: partOfParent,
    SettlementLine: partOfParent,
    SettlementApproval: partOfParent,
    SettlementPayment: partOfParent,
    ActPayment: partOfParent,
    ScheduledPayment: partOfParent,
    Money: partOfParent,
    PageInfo: partOfParent,
  },
  // The permission each entry point asks for; the types it returns ask for their own as well.
  fields: {
    Query: {
      expenses: can("finance.expense.view"),
      expense: can("finance.expense.view"),
      incomes: can("finance.income.view"),
      income: can("finance.income.view"),
      settlements: can("finance.settlement.view"),
      settlement: can("finance.settlement.view"),
      financeSummary: requireAllPermissions(totalsView),
    },
    Mutation: {
      recordExpense: can("finance.expense.create"),
      updateExpense: can("finance.expense.update"),
      deleteExpense: can("finance.expense.delete"),
      recordIncome: can("finance.income.create"),
      updateIncome: can("finance.income.update"),
      deleteIncome: can("finance.income.delete"),
      createSettlement: can("finance.settlement.create"),
      updateSettlement: can("finance.settlement.update"),
      approveSettlement: can("finance.settlement.approve"),
      recordSettlementPayment: can("finance.settlement.pay"),
      markSettlementPaid: can("finance.settlement.pay"),
      deleteSettlement: can("finance.settlement.delete"),
    },
    Contract: {
      settlementComparison: can("finance.settlement.view"),
    },
  },
  // The gateway resolves Finance's fields on Base's events and artists, and on Market's contracts, through here.
  entities: requireModule("finance"),
});
