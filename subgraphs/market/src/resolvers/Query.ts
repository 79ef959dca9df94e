import type { QueryResolvers } from "../__generated__/resolvers-types.ts";

export const Query: QueryResolvers = {
  deals: (_, { filter, first, after }, { market }) => market.deals.list(filter ?? {}, { first, after }),
  deal: (_, { id }, { market }) => market.deals.find(id),
  contracts: (_, { filter, first, after }, { market }) => market.contracts.list(filter ?? {}, { first, after }),
  contract: (_, { id }, { market }) => market.contracts.find(id),
};
