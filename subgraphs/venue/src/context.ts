// Venue's request context: the kit's (caller, company, access) plus the company's venue
// data and the reader of Base's events.
import { extendRequestContext, type BaseReader, type BaseReaderFactory, type RequestContext } from "@marquee/kit";
import { createVenueData, type VenueData } from "./data/venue-data.ts";
import type { VenuePrisma } from "./data/venue-database.ts";

export interface VenueContext extends RequestContext {
  /** The caller's company's venues, layouts, holds and bookings. */
  readonly venue: VenueData;
  /** Base's events, read with the caller's credentials (spec §5.1). */
  readonly base: BaseReader;
}

export function venueContextFactory(prisma: VenuePrisma, baseReaderFactory: BaseReaderFactory): (request: RequestContext) => VenueContext {
  return (request) => extendRequestContext(request, { venue: venueDataOnFirstUse(prisma, request), base: baseReaderFactory(request) });
}

/** The company's data, opened when a resolver first reaches for it: behind the access rules, where the tenant exists. */
function venueDataOnFirstUse(prisma: VenuePrisma, request: RequestContext): VenueData {
  let data: VenueData | undefined;
  const open = () => (data ??= createVenueData(prisma, request.tenant));
  return {
    get venues() {
      return open().venues;
    },
    get layouts() {
      return open().layouts;
    },
    get holds() {
      return open().holds;
    },
    get bookings() {
      return open().bookings;
    },
    get availability() {
      return open().availability;
    },
  };
}
