// Everything one request reads and writes, scoped to the caller's company. It is made per
// request, so its loaders batch within the request and cache nothing beyond it. `clock`
// is the one source of "now" for deal expiry, so tests can put a request at any instant.
import type { Tenant } from "@marquee/kit";
import { createContractRepository, type ContractRepository } from "./contract-repository.ts";
import { createDealRepository, type DealRepository } from "./deal-repository.ts";
import type { MarketPrisma } from "./market-database.ts";

export interface MarketData {
  deals: DealRepository;
  contracts: ContractRepository;
}

export function createMarketData(prisma: MarketPrisma, tenant: Tenant, clock: () => Date = () => new Date()): MarketData {
  return { deals: createDealRepository(prisma, tenant, clock), contracts: createContractRepository(prisma, tenant, clock) };
}
