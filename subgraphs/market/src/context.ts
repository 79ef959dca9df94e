// Market's request context: the kit's (caller, company, access) plus the company's market
// data and the reader of Base's shared entities.
import { extendRequestContext, tenantDataOnFirstUse, type BaseReader, type BaseReaderFactory, type RequestContext } from "@marquee/kit";
import { createMarketData, type MarketData } from "./data/market-data.ts";
import type { MarketPrisma } from "./data/market-database.ts";

export interface MarketContext extends RequestContext {
  /** The caller's company's deals and contracts. */
  readonly market: MarketData;
  /** Base's events and artists, read with the caller's credentials (spec §5.1). */
  readonly base: BaseReader;
}

export function marketContextFactory(prisma: MarketPrisma, baseReaderFactory: BaseReaderFactory): (request: RequestContext) => MarketContext {
  return (request) => extendRequestContext(request, { market: tenantDataOnFirstUse(request, (tenant) => createMarketData(prisma, tenant)), base: baseReaderFactory(request) });
}
