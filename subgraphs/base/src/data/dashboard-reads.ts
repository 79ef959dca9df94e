import { EVENT_STATUSES, type EventStatus } from "../domain/event-lifecycle.ts";
import type { Prisma } from "../__generated__/prisma/client.ts";
import type { CompanyScope } from "./company-scope.ts";
import type { BasePrismaClient } from "./prisma-client.ts";
import type { EventColumns } from "./event-reads.ts";
import type { EventRecord } from "./records.ts";

/** Upcoming: not ended yet (an event under way still counts) and not cancelled. */
const upcomingAt = (companyId: string, now: Date): Prisma.EventWhereInput => ({ companyId, endsAt: { gt: now }, status: { not: "CANCELLED" } });

/** The figures of one company's dashboard. */
export function dashboardReads(prisma: BasePrismaClient, scope: CompanyScope) {
  return {
    upcomingEvents(now: Date, count: number, columns?: EventColumns): Promise<EventRecord[]> {
      return prisma.event.findMany({ where: upcomingAt(scope.companyId, now), orderBy: [{ startsAt: "asc" }, { id: "asc" }], take: count, ...(columns ? { select: columns } : {}) });
    },

    /** Every status, in lifecycle order, with zero for those no event is in. */
    async eventCountsByStatus(): Promise<{ status: EventStatus; count: number }[]> {
      const groups = await prisma.event.groupBy({ by: ["status"], where: { companyId: scope.companyId }, _count: { _all: true } });
      const counts = new Map(groups.map((group) => [group.status, group._count._all]));
      return EVENT_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
    },

    artistCount(): Promise<number> {
      return prisma.artist.count({ where: { companyId: scope.companyId } });
    },

    async upcomingTickets(now: Date): Promise<{ eventCount: number; ticketsSold: number; capacity: number }> {
      const totals = await prisma.event.aggregate({
        where: upcomingAt(scope.companyId, now),
        _count: { _all: true },
        _sum: { ticketsSold: true, capacity: true },
      });
      return { eventCount: totals._count._all, ticketsSold: totals._sum.ticketsSold ?? 0, capacity: totals._sum.capacity ?? 0 };
    },
  };
}

export type DashboardReads = ReturnType<typeof dashboardReads>;
