// Everything one request reads and writes, scoped to the caller's company. It is made per
// request, so its loaders batch within the request and cache nothing beyond it.
import type { Tenant } from "@marquee/kit";
import { createAvailabilityReads, type AvailabilityReads } from "./availability-reads.ts";
import { createBookingRepository, type BookingRepository } from "./booking-repository.ts";
import { createHoldRepository, type HoldRepository } from "./hold-repository.ts";
import { createLayoutRepository, type LayoutRepository } from "./layout-repository.ts";
import { createVenueRepository, type VenueRepository } from "./venue-repository.ts";
import type { VenuePrisma } from "./venue-database.ts";

export interface VenueData {
  venues: VenueRepository;
  layouts: LayoutRepository;
  holds: HoldRepository;
  bookings: BookingRepository;
  availability: AvailabilityReads;
}

export function createVenueData(prisma: VenuePrisma, tenant: Tenant): VenueData {
  const venues = createVenueRepository(prisma, tenant);
  return {
    venues,
    layouts: createLayoutRepository(prisma, tenant),
    holds: createHoldRepository(prisma, tenant),
    bookings: createBookingRepository(prisma, tenant),
    availability: createAvailabilityReads(prisma, tenant, venues),
  };
}
