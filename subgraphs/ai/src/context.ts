// AI's request context: the kit's (caller, company, access) plus the company's AI data,
// which reads Base's shared entities with the caller's credentials.
import { extendRequestContext, tenantDataOnFirstUse, type BaseReaderFactory, type RequestContext } from "@marquee/kit";
import { createAiData, type AiData } from "./data/ai-data.ts";
import type { AiPrisma } from "./data/ai-database.ts";

export interface AiContext extends RequestContext {
  /** The caller's company's analytics, model, predictions and scores. */
  readonly ai: AiData;
}

export interface AiSources {
  prisma: AiPrisma;
  baseReaderFactory: BaseReaderFactory;
}

export function aiContextFactory(sources: AiSources): (request: RequestContext) => AiContext {
  return (request) =>
    extendRequestContext(request, {
      ai: tenantDataOnFirstUse(request, (tenant) =>
        createAiData({ prisma: sources.prisma, tenant, base: sources.baseReaderFactory(request), now: new Date() }),
      ),
    });
}
