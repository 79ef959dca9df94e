// Market's Contract, extended by reference. Finance never calls Market: the gateway resolves
// the contract's terms in Market and passes them along with the reference (`@requires`),
// and Finance compares them with the act that names the contract.
import { compareDealTerms, parseDealTerms } from "@marquee/kit";
import type { ContractResolvers } from "../__generated__/resolvers-types.ts";

export const Contract: ContractResolvers = {
  // The reference is all Finance holds; the terms, when asked for, come with it.
  __resolveReference: (reference) => reference,
  settlementComparison: async ({ id, terms }, _, { finance }) => {
    // No terms: Market did not give them (the caller may not read the contract there).
    if (!terms) return null;
    const act = await finance.settlements.actOfContract.load(id);
    if (!act) return null;
    // Market wrote the terms by the same rules, in the contract's own currency.
    const contractTerms = parseDealTerms(terms, terms.currency);
    return { act, contractTerms, differences: compareDealTerms(contractTerms, act.dealTerms) };
  },
};
