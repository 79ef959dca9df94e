import type { ContractResolvers } from "../__generated__/resolvers-types.ts";
import { allowedContractMoves } from "../domain/index.ts";

export const Contract: ContractResolvers = {
  // Other modules' references (Finance's settlement acts name the contract they are paid under).
  __resolveReference: ({ id }, { market }) => market.contracts.byId.load(id),
  deal: async (contract, _, { market }) => {
    const deal = await market.deals.load(contract.dealId);
    // The contract's key to its deal's accepted version keeps the deal in existence.
    if (!deal) throw new Error(`Contract ${contract.id} has no deal ${contract.dealId}.`);
    return deal;
  },
  terms: (contract, _, { market }) => market.deals.version(contract.termsVersionId),
  allowedMoves: (contract) => [...allowedContractMoves(contract.status)],
};
