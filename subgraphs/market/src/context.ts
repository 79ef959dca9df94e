// Market's request context: the kit's (caller, company, access) plus the company's market
// data and the reader of Base's shared entities.
import { extendRequestContext, type BaseReader, type BaseReaderFactory, type RequestContext } from "@marquee/kit";
import { createMarketData, type MarketData } from "./data/market-data.ts";
import type { MarketPrisma } from "./data/market-database.ts";

export interface MarketContext extends RequestContext {
  /** The caller's company's deals and contracts. */
  readonly market: MarketData;
  /** Base's events and artists, read with the caller's credentials (spec §5.1). */
  readonly base: BaseReader;
}

export function marketContextFactory(prisma: MarketPrisma, baseReaderFactory: BaseReaderFactory): (request: RequestContext) => MarketContext {
  return (request) => extendRequestContext(request, { market: marketDataOnFirstUse(prisma, request), base: baseReaderFactory(request) });
}

/** The company's data, opened when a resolver first reaches for it: behind the access rules, where the tenant exists. */
function marketDataOnFirstUse(prisma: MarketPrisma, request: RequestContext): MarketData {
  let data: MarketData | undefined;
  const open = () => (data ??= createMarketData(prisma, request.tenant));
  return {
    get deals() {
      return open().deals;
    },
    get contracts() {
      return open().contracts;
    },
  };
}
