import { artistReads } from "./artist-reads.ts";
import type { CompanyScope } from "./company-scope.ts";
import { artistWrites } from "./artist-writes.ts";
import { dashboardReads } from "./dashboard-reads.ts";
import { eventReads } from "./event-reads.ts";
import { eventWrites } from "./event-writes.ts";
import { createLoaders, forgetReads, type Loaders } from "./loaders.ts";
import type { BasePrismaClient } from "./prisma-client.ts";

type Writes = Record<string, (...args: never[]) => Promise<unknown>>;

/** The same writes, each followed by forgetting what the request's loaders hold. */
function forgettingReads<W extends Writes>(writes: W, loaders: Loaders): W {
  return Object.fromEntries(
    Object.entries(writes).map(([name, write]) => [
      name,
      async (...args: never[]) => {
        const result = await write(...args);
        forgetReads(loaders);
        return result;
      },
    ]),
  ) as W;
}

/** Everything a request may read or change, all of it confined to the scope's company. */
export function createBaseData(prisma: BasePrismaClient, scope: CompanyScope) {
  const events = eventReads(prisma, scope);
  const artists = artistReads(prisma, scope);
  const loaders = createLoaders(events, artists);
  return {
    events,
    artists,
    dashboard: dashboardReads(prisma, scope),
    loaders,
    eventWrites: forgettingReads(eventWrites(prisma, scope), loaders),
    artistWrites: forgettingReads(artistWrites(prisma, scope), loaders),
  };
}

export type BaseData = ReturnType<typeof createBaseData>;
