// Touring's request context: the kit's (caller, company, access) plus the company's
// touring data and the reader of Base's shared entities.
import { extendRequestContext, tenantDataOnFirstUse, type BaseReader, type BaseReaderFactory, type RequestContext } from "@marquee/kit";
import { createTouringData, type TouringData } from "./data/touring-data.ts";
import type { TouringPrisma } from "./data/touring-database.ts";

export interface TouringContext extends RequestContext {
  /** The caller's company's tours, stops and schedules. */
  readonly touring: TouringData;
  /** Base's events and artists, read with the caller's credentials (spec §5.1). */
  readonly base: BaseReader;
}

export function touringContextFactory(prisma: TouringPrisma, baseReaderFactory: BaseReaderFactory): (request: RequestContext) => TouringContext {
  return (request) => extendRequestContext(request, { touring: tenantDataOnFirstUse(request, (tenant) => createTouringData(prisma, tenant)), base: baseReaderFactory(request) });
}
