// The company's model fits in `ai.model_fit`: the cache of its sell-through model, one row
// per model version and state of its history (fingerprint), never refitted while the
// history stays the same. Every statement is scoped to the company.
import { isInstantKey, newestFirst, newestFirstAfter, pageRequest, toConnection, type Connection, type PageArgs } from "@marquee/kit";
import type { Backtest, SellThroughModel } from "../domain/index.ts";
import type { ModelFit as ModelFitRow } from "../__generated__/prisma/client.ts";
import type { AiPrisma } from "./ai-database.ts";
import type { ModelFitRecord } from "./records.ts";

/** A stored fit as resolvers see it; stored predictions read their fit back through it too. */
export function modelFitRecord(row: ModelFitRow): ModelFitRecord {
  return {
    id: row.id,
    version: row.version,
    fingerprint: row.fingerprint,
    fittedAt: row.fittedAt,
    // Written by `store` below from these very types.
    model: row.coefficients as unknown as SellThroughModel,
    backtest: (row.backtest as { result: Backtest | null }).result,
  };
}

export function modelFits(prisma: AiPrisma, companyId: string) {
  return {
    async find(version: string, fingerprint: string): Promise<ModelFitRecord | null> {
      const row = await prisma.modelFit.findUnique({ where: { companyId_version_fingerprint: { companyId, version, fingerprint } } });
      return row && modelFitRecord(row);
    },

    /** Stores a fit; a fit of the same history stored meanwhile (a concurrent request) is kept instead. */
    async store(fingerprint: string, model: SellThroughModel, backtest: Backtest | null): Promise<ModelFitRecord> {
      const row = await prisma.modelFit.upsert({
        where: { companyId_version_fingerprint: { companyId, version: model.version, fingerprint } },
        create: {
          companyId,
          version: model.version,
          fingerprint,
          coefficients: JSON.parse(JSON.stringify(model)),
          trainingSize: model.trainingSize,
          backtest: { result: backtest ? { ...backtest } : null },
        },
        update: {},
      });
      return modelFitRecord(row);
    },

    /** Latest first. */
    async page(args: PageArgs): Promise<Connection<ModelFitRecord>> {
      const page = pageRequest(args, isInstantKey);
      const rows = await prisma.modelFit.findMany({
        where: { companyId, ...(page.after ? newestFirstAfter("fittedAt", page.after) : {}) },
        orderBy: newestFirst("fittedAt"),
        take: page.take + 1,
      });
      return toConnection(rows.map(modelFitRecord), page.take, (fit) => [fit.fittedAt.toISOString(), fit.id]);
    },
  };
}

export type ModelFits = ReturnType<typeof modelFits>;
