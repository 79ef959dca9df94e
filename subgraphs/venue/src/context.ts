// Venue's request context: the kit's (caller, company, access) plus the company's venue
// data and the reader of Base's events.
import { extendRequestContext, tenantDataOnFirstUse, type BaseReader, type BaseReaderFactory, type RequestContext } from "@marquee/kit";
import { createVenueData, type VenueData } from "./data/venue-data.ts";
import type { VenuePrisma } from "./data/venue-database.ts";

export interface VenueContext extends RequestContext {
  /** The caller's company's venues, layouts, holds and bookings. */
  readonly venue: VenueData;
  /** Base's events, read with the caller's credentials (spec §5.1). */
  readonly base: BaseReader;
}

export function venueContextFactory(prisma: VenuePrisma, baseReaderFactory: BaseReaderFactory): (request: RequestContext) => VenueContext {
  return (request) => extendRequestContext(request, { venue: tenantDataOnFirstUse(request, (tenant) => createVenueData(prisma, tenant)), base: baseReaderFactory(request) });
}
