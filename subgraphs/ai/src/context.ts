// AI's request context: the kit's (caller, company, access) plus the company's AI data,
// which reads Base's shared entities with the caller's credentials.
import { extendRequestContext, type BaseReaderFactory, type RequestContext } from "@marquee/kit";
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
  return (request) => extendRequestContext(request, { ai: aiDataOnFirstUse(sources, request) });
}

/** The company's data, opened when a resolver first reaches for it: behind the access rules, where the tenant exists. */
function aiDataOnFirstUse(sources: AiSources, request: RequestContext): AiData {
  let data: AiData | undefined;
  const open = () =>
    (data ??= createAiData({
      prisma: sources.prisma,
      tenant: request.tenant,
      base: sources.baseReaderFactory(request),
      now: new Date(),
    }));
  return {
    get currentModel() {
      return open().currentModel;
    },
    get modelFits() {
      return open().modelFits;
    },
    get storedPredictions() {
      return open().storedPredictions;
    },
    get predictionHistoryOfEvent() {
      return open().predictionHistoryOfEvent;
    },
    get predictionOfEvent() {
      return open().predictionOfEvent;
    },
    get drawScoreOfArtist() {
      return open().drawScoreOfArtist;
    },
    get analytics() {
      return open().analytics;
    },
    get runPredictions() {
      return open().runPredictions;
    },
  };
}
