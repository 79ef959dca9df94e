// Everything one request reads and writes, scoped to the caller's company. It is made per
// request, so its loaders batch within the request and cache nothing beyond it.
import type { Tenant } from "@marquee/kit";
import { createScheduleRepository, type ScheduleRepository } from "./schedule-repository.ts";
import { createStopRepository, type StopRepository } from "./stop-repository.ts";
import { createTourRepository, type TourRepository } from "./tour-repository.ts";
import type { TouringPrisma } from "./touring-database.ts";

export interface TouringData {
  tours: TourRepository;
  stops: StopRepository;
  schedule: ScheduleRepository;
}

export function createTouringData(prisma: TouringPrisma, tenant: Tenant): TouringData {
  const tours = createTourRepository(prisma, tenant);
  return { tours, stops: createStopRepository(prisma, tenant, tours), schedule: createScheduleRepository(prisma, tenant, tours) };
}
