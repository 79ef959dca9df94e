// Finance's permission catalog and the access rule of every entry point (spec §4.1): the
// module must be granted (`requireModule`), then the permission each field needs.
import { definePermissionCatalog, requireModule, type AccessRuleMap } from "@marquee/kit";
import { and } from "graphql-shield";

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
  "finance.settlement.view": "See artist settlements and their figures.",
  "finance.settlement.create": "Open draft settlements with an artist's deal terms and deductions.",
  "finance.settlement.update": "Change draft settlements' currency, deal terms and deductions.",
  "finance.settlement.approve": "Approve settlements, freezing their figures.",
  "finance.settlement.pay": "Mark approved settlements as paid.",
  "finance.settlement.delete": "Delete draft settlements.",
});

const can = financePermissions.require;

/** Totals net expenses against income, so they need both views. */
const canViewTotals = and(can("finance.expense.view"), can("finance.income.view"));

export const financeAccessRules: AccessRuleMap = {
  Query: {
    // The gateway resolves Finance's fields on Base's events and artists through here;
    // each of those fields carries its own permission below.
    _entities: requireModule("finance"),
    expenses: can("finance.expense.view"),
    expense: can("finance.expense.view"),
    incomes: can("finance.income.view"),
    income: can("finance.income.view"),
    settlements: can("finance.settlement.view"),
    settlement: can("finance.settlement.view"),
    financeSummary: canViewTotals,
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
    markSettlementPaid: can("finance.settlement.pay"),
    deleteSettlement: can("finance.settlement.delete"),
  },
  Event: {
    expenses: can("finance.expense.view"),
    income: can("finance.income.view"),
    financeTotals: canViewTotals,
    settlements: can("finance.settlement.view"),
  },
  Artist: {
    settlements: can("finance.settlement.view"),
  },
};
